package dev.certgateway.issuance;

import static dev.certgateway.issuance.IssuanceIntegrationTests.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.Certificates;
import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestCsr;
import dev.certgateway.x509.CertificateTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every ACM PCA template, issued over HTTP and checked against what the template family defines. The
 * expectations come from the template's name, independently of the gateway's template catalogue.
 */
class TemplateIntegrationTests extends IntegrationTestSupport {

    private static final Pattern PATH_LEN = Pattern.compile("PathLen(\\d)");

    static Stream<String> templates() {
        return CertificateTemplate.all().stream().map(CertificateTemplate::name);
    }

    @ParameterizedTest(name = "ok/{0}")
    @MethodSource("templates")
    void issuesWithExactlyTheTemplatesExtensions(String name) {
        boolean root = name.startsWith("RootCA") || name.startsWith("BlankRootCA");
        boolean blank = name.startsWith("Blank");
        boolean apiVariant = name.contains("APIPassthrough") || name.contains("APICSRPassthrough");
        boolean csrVariant = name.contains("_CSRPassthrough") || name.contains("APICSRPassthrough");

        TestCsr csr = root ? TestCsr.withKey(PKI.key("test-ec")).subject("CN=Test EC Root,O=cert-gateway tests")
                : TestCsr.withSharedEcKey().subject("CN=template-" + Math.abs(name.hashCode()) + ".example")
                .dns("from-csr.example");
        if (blank && csrVariant) {
            csr.extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            csr.extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
        }
        Map<String, Object> request = body("test-ec", csr.pem(), "SHA256WITHECDSA");
        request.put("templateArn", "arn:aws:acm-pca:::template/" + name + "/V1");
        request.put("validity", Map.of("value", 30, "type", "DAYS"));
        if (blank && apiVariant) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("keyUsage", Map.of("digitalSignature", true, "keyCertSign", name.contains("CA"),
                    "crlSign", name.contains("CA")));
            if (!name.contains("CA")) {
                extensions.put("extendedKeyUsage", List.of(Map.of("extendedKeyUsageType", "CLIENT_AUTH")));
            }
            request.put("apiPassthrough", Map.of("extensions", extensions));
        }

        Response response = post("/api/v1/certificates", token("templates"), request);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.get("templateArn").asString()).isEqualTo("arn:aws:acm-pca:::template/" + name + "/V1");
        X509CertificateHolder certificate = Certificates.parseOne(json.get("certificate").asString());

        Extension keyUsage = certificate.getExtension(Extension.keyUsage);
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(certificate.getExtensions());
        Extension basic = certificate.getExtension(Extension.basicConstraints);
        BasicConstraints constraints = BasicConstraints.getInstance(basic.getParsedValue());
        Matcher pathLen = PATH_LEN.matcher(name);
        Integer expectedPathLen = pathLen.find() ? Integer.valueOf(pathLen.group(1)) : null;

        assertThat(certificate.getExtension(Extension.subjectKeyIdentifier)).isNotNull();
        assertThat(certificate.getExtension(Extension.authorityKeyIdentifier)).isNotNull();

        if (name.startsWith("EndEntity") || name.startsWith("CodeSigning") || name.startsWith("OCSPSigning")) {
            assertThat(keyUsage.isCritical()).isTrue();
            int expectedKu = name.startsWith("EndEntity") ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                    : KeyUsage.digitalSignature;
            assertThat(KeyUsage.getInstance(keyUsage.getParsedValue())).isEqualTo(new KeyUsage(expectedKu));
            List<KeyPurposeId> expectedEku = name.startsWith("EndEntityClientAuth") ? List.of(KeyPurposeId.id_kp_clientAuth)
                    : name.startsWith("EndEntityServerAuth") ? List.of(KeyPurposeId.id_kp_serverAuth)
                    : name.startsWith("EndEntity") ? List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)
                    : name.startsWith("CodeSigning") ? List.of(KeyPurposeId.id_kp_codeSigning)
                    : List.of(KeyPurposeId.id_kp_OCSPSigning);
            assertThat(eku.getUsages()).containsExactlyElementsOf(expectedEku);
            assertThat(certificate.getExtension(Extension.extendedKeyUsage).isCritical())
                    .isEqualTo(name.startsWith("CodeSigning") || name.startsWith("OCSPSigning"));
            assertThat(constraints.isCA()).isFalse();
            assertThat(basic.isCritical()).isFalse();
        } else if (name.startsWith("RootCA") || name.startsWith("SubordinateCA")) {
            assertThat(keyUsage.isCritical()).isTrue();
            assertThat(KeyUsage.getInstance(keyUsage.getParsedValue())).isEqualTo(new KeyUsage(
                    KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign));
            assertThat(eku).isNull();
            assertThat(constraints.isCA()).isTrue();
            assertThat(basic.isCritical()).isTrue();
            assertThat(constraints.getPathLenConstraint() == null ? null
                    : constraints.getPathLenConstraint().intValue()).isEqualTo(expectedPathLen);
        } else {
            // Blank templates: BasicConstraints from the template, KU/EKU from the API (or the CSR).
            boolean ca = name.contains("CACertificate");
            assertThat(constraints.isCA()).isEqualTo(ca);
            assertThat(basic.isCritical()).isEqualTo(ca || name.contains("CriticalBasicConstraints"));
            if (ca) {
                assertThat(constraints.getPathLenConstraint() == null ? null
                        : constraints.getPathLenConstraint().intValue()).isEqualTo(expectedPathLen);
            }
            KeyUsage usage = KeyUsage.getInstance(keyUsage.getParsedValue());
            if (apiVariant) {
                assertThat(usage.hasUsages(KeyUsage.digitalSignature)).isTrue();
                assertThat(usage.hasUsages(KeyUsage.keyCertSign)).isEqualTo(name.contains("CA"));
                if (!name.contains("CA")) {
                    assertThat(eku.getUsages()).containsExactly(KeyPurposeId.id_kp_clientAuth);
                }
            } else {
                assertThat(usage).isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
                assertThat(eku.getUsages()).containsExactly(KeyPurposeId.id_kp_emailProtection);
            }
        }

        if (!root) {
            // SANs come from the CSR on every template when the API gives none.
            assertThat(GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
                    .getNames()).containsExactly(new GeneralName(GeneralName.dNSName, "from-csr.example"));
        } else {
            assertThat(certificate.getSubjectPublicKeyInfo()).isEqualTo(PKI.chain("test-ec").get(0)
                    .getSubjectPublicKeyInfo());
        }
    }

    @ParameterizedTest(name = "fail/{0}")
    @MethodSource("rootTemplates")
    void rootTemplatesRefuseAnyKeyButTheAuthoritys(String name) {
        Map<String, Object> request = body("test-ec", TestCsr.withSharedEcKey().subject("CN=not-the-ca").pem(),
                "SHA256WITHECDSA");
        request.put("templateArn", "arn:aws:acm-pca:::template/" + name + "/V1");
        Response response = post("/api/v1/certificates", token("templates"), request);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("InvalidArgsException");
        assertThat(response.json().get("detail").asString()).contains("templateArn");
    }

    static Stream<String> rootTemplates() {
        return templates().filter(name -> name.startsWith("RootCA") || name.startsWith("BlankRootCA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathLengths")
    void subordinatePathLengthMustFitTheIssuer(String caseName, String template, int status) {
        Map<String, Object> request = body("test-sub", TestCsr.withSharedEcKey().subject("CN=sub").pem(),
                "SHA384WITHECDSA");
        request.put("templateArn", "arn:aws:acm-pca:::template/" + template + "/V1");
        Response response = post("/api/v1/certificates", token("templates"), request);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        if (status == 400) {
            assertThat(response.json().get("detail").asString()).contains("templateArn");
        }
    }

    static Stream<Arguments> pathLengths() {
        // test-sub has pathLen 1: it may issue CAs with pathLen 0 only.
        return Stream.of(
                Arguments.of("ok/pathlen-0-under-1",
                        "SubordinateCACertificate_PathLen0", 201),
                Arguments.of("fail/pathlen-1-under-1",
                        "SubordinateCACertificate_PathLen1", 400),
                Arguments.of("fail/pathlen-3-under-1",
                        "BlankSubordinateCACertificate_PathLen3_APIPassthrough", 400));
    }
}
