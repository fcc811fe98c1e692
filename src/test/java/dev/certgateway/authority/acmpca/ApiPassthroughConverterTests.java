package dev.certgateway.authority.acmpca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.x509.passthrough.ASN1Subject;
import dev.certgateway.x509.passthrough.ApiPassthrough;
import dev.certgateway.x509.passthrough.CustomAttribute;
import dev.certgateway.x509.passthrough.CustomExtension;
import dev.certgateway.x509.passthrough.EdiPartyName;
import dev.certgateway.x509.passthrough.ExtendedKeyUsage;
import dev.certgateway.x509.passthrough.ExtendedKeyUsageType;
import dev.certgateway.x509.passthrough.Extensions;
import dev.certgateway.x509.passthrough.GeneralName;
import dev.certgateway.x509.passthrough.KeyUsage;
import dev.certgateway.x509.passthrough.OtherName;
import dev.certgateway.x509.passthrough.PolicyInformation;
import dev.certgateway.x509.passthrough.PolicyQualifierInfo;
import dev.certgateway.x509.passthrough.Qualifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the caller gave is what ACM PCA receives: every member of the SDK's ApiPassthrough model is compared,
 * recursively and by ACM PCA's member names, with the gateway's JSON shape of the same request.
 */
class ApiPassthroughConverterTests {

    /** ACM PCA member names whose camelCase form is not the plain lower-cased first letter. */
    private static final Map<String, String> RENAMED = Map.of("CRLSign", "crlSign");

    private static ASN1Subject subject(String suffix, List<CustomAttribute> custom) {
        return new ASN1Subject("DE", "Org" + suffix, "Unit" + suffix, "dnq" + suffix, "State" + suffix,
                "cn" + suffix, "SN" + suffix, "City" + suffix, "Dr" + suffix, "Surname" + suffix, "Given" + suffix,
                "I" + suffix, "Pseudo" + suffix, "Jr" + suffix, custom);
    }

    private static ApiPassthrough everyMember() {
        List<GeneralName> names = List.of(
                new GeneralName(new OtherName("1.3.6.1.4.1.311.20.2.3", "upn@example.internal"), null, null, null,
                        null, null, null, null),
                new GeneralName(null, "ops@example.internal", null, null, null, null, null, null),
                new GeneralName(null, null, "api.example.internal", null, null, null, null, null),
                new GeneralName(null, null, null, subject("-dir", null), null, null, null, null),
                new GeneralName(null, null, null, null, new EdiPartyName("party", "assigner"), null, null, null),
                new GeneralName(null, null, null, null, null, "spiffe://example.org/ns/a", null, null),
                new GeneralName(null, null, null, null, null, null, "2001:db8::1", null),
                new GeneralName(null, null, null, null, null, null, null, "1.3.6.1.4.1.55555.7"));
        Extensions extensions = new Extensions(
                List.of(new PolicyInformation("2.23.140.1.2.1", List.of(new PolicyQualifierInfo("CPS",
                        new Qualifier("https://pki.example.internal/cps"))))),
                List.of(new ExtendedKeyUsage(ExtendedKeyUsageType.CLIENT_AUTH, null),
                        new ExtendedKeyUsage(null, "1.3.6.1.4.1.55555.3.1")),
                new KeyUsage(true, false, true, false, true, false, true, false, true),
                names,
                List.of(new CustomExtension("1.3.6.1.4.1.55555.1", "DAhmcm9tLWFwaQ==", true)));
        return new ApiPassthrough(extensions, subject("", null));
    }

    @Test
    void everyMemberReachesTheSdkModelUnchanged() {
        ApiPassthrough ours = everyMember();
        JsonNode json = JsonMapper.builder().build().valueToTree(ours);
        assertMirrors(json, ApiPassthroughConverter.toSdk(ours), "apiPassthrough");
    }

    @Test
    void customAttributesOfTheSubjectReachTheSdkModel() {
        ApiPassthrough ours = new ApiPassthrough(null, new ASN1Subject(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, List.of(new CustomAttribute("2.5.4.3", "custom-cn"))));
        JsonNode json = JsonMapper.builder().build().valueToTree(ours);
        assertMirrors(json, ApiPassthroughConverter.toSdk(ours), "apiPassthrough");
    }

    @Test
    void absentPassthroughStaysAbsent() {
        assertThat(ApiPassthroughConverter.toSdk(null)).isNull();
    }

    private static void assertMirrors(JsonNode ours, Object sdk, String path) {
        if (sdk == null) {
            assertThat(ours == null || ours.isNull()).as(path + " is absent in both").isTrue();
            return;
        }
        assertThat(ours).as(path + " is given by the caller").isNotNull();
        if (sdk instanceof SdkPojo pojo) {
            for (SdkField<?> field : pojo.sdkFields()) {
                String member = field.memberName();
                String name = RENAMED.getOrDefault(member,
                        Character.toLowerCase(member.charAt(0)) + member.substring(1));
                assertMirrors(ours.get(name), field.getValueOrDefault(sdk), path + "." + name);
            }
        } else if (sdk instanceof List<?> list) {
            assertThat(ours.size()).as(path + " size").isEqualTo(list.size());
            for (int i = 0; i < list.size(); i++) {
                assertMirrors(ours.get(i), list.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(ours.asString()).as(path).isEqualTo(String.valueOf(sdk));
        }
    }
}
