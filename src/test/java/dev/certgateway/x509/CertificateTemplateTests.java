package dev.certgateway.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.certgateway.error.InvalidArgsException;
import dev.certgateway.error.InvalidArnException;

class CertificateTemplateTests {

    private static final String PREFIX = "arn:aws:acm-pca:::template/";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void absentArnMeansEndEntityCertificate(String arn) {
        CertificateTemplate t = CertificateTemplate.fromArn(arn);

        assertThat(t.arn()).isEqualTo(CertificateTemplate.DEFAULT_ARN);
        assertThat(t.family()).isEqualTo(TemplateFamily.END_ENTITY);
        assertThat(t.variant()).isEqualTo(TemplateVariant.BASE);
    }

    static Stream<Arguments> known() {
        return Stream.of(
                Arguments.of("EndEntityCertificate", TemplateFamily.END_ENTITY, TemplateVariant.BASE, null,
                        false, false, false, false, false),
                Arguments.of("EndEntityCertificate_CSRPassthrough", TemplateFamily.END_ENTITY,
                        TemplateVariant.CSR_PASSTHROUGH, null, false, true, false, false, false),
                Arguments.of("EndEntityCertificate_APIPassthrough", TemplateFamily.END_ENTITY,
                        TemplateVariant.API_PASSTHROUGH, null, true, false, false, false, false),
                Arguments.of("EndEntityCertificate_APICSRPassthrough", TemplateFamily.END_ENTITY,
                        TemplateVariant.API_CSR_PASSTHROUGH, null, true, true, false, false, false),
                Arguments.of("CodeSigningCertificate_CSRPassthrough", TemplateFamily.CODE_SIGNING,
                        TemplateVariant.CSR_PASSTHROUGH, null, false, true, false, false, false),
                Arguments.of("RootCACertificate", TemplateFamily.ROOT_CA, TemplateVariant.BASE, null,
                        false, false, false, true, true),
                Arguments.of("RootCACertificate_APIPassthrough", TemplateFamily.ROOT_CA,
                        TemplateVariant.API_PASSTHROUGH, null, true, false, false, true, true),
                Arguments.of("SubordinateCACertificate_PathLen2_APICSRPassthrough", TemplateFamily.SUBORDINATE_CA,
                        TemplateVariant.API_CSR_PASSTHROUGH, 2, true, true, false, true, false),
                Arguments.of("BlankEndEntityCertificate_CriticalBasicConstraints_CSRPassthrough",
                        TemplateFamily.BLANK_END_ENTITY_CRITICAL_BASIC_CONSTRAINTS, TemplateVariant.CSR_PASSTHROUGH,
                        null, false, true, true, false, false),
                Arguments.of("BlankSubordinateCACertificate_PathLen0_APIPassthrough",
                        TemplateFamily.BLANK_SUBORDINATE_CA, TemplateVariant.API_PASSTHROUGH, 0, true, false, true,
                        true, false),
                Arguments.of("BlankRootCACertificate_APIPassthrough", TemplateFamily.BLANK_ROOT_CA,
                        TemplateVariant.API_PASSTHROUGH, null, true, false, true, true, true),
                Arguments.of("BlankRootCACertificate_PathLen1_APIPassthrough", TemplateFamily.BLANK_ROOT_CA,
                        TemplateVariant.API_PASSTHROUGH, 1, true, false, true, true, true));
    }

    @ParameterizedTest(name = "ok/{0}")
    @MethodSource("known")
    void parsesKnownTemplates(String name, TemplateFamily family, TemplateVariant variant, Integer pathLength,
            boolean api, boolean csr, boolean blank, boolean ca, boolean root) {
        CertificateTemplate t = CertificateTemplate.fromArn(PREFIX + name + "/V1");

        assertThat(t).isEqualTo(new CertificateTemplate(name, family, variant, pathLength));
        assertThat(t.arn()).isEqualTo(PREFIX + name + "/V1");
        assertThat(t.acceptsApiPassthrough()).isEqualTo(api);
        assertThat(t.copiesCsrExtensions()).isEqualTo(csr);
        assertThat(t.blank()).isEqualTo(blank);
        assertThat(t.certificateAuthority()).isEqualTo(ca);
        assertThat(t.root()).isEqualTo(root);
    }

    @Test
    void catalogueHasEveryTemplateOnceAndEachRoundTrips() {
        // 5 end-entity families x 4 + root 2 + subordinate 4x4 + blank EE 3 + blank EE critical 3 + blank sub 4x3
        // + blank root 5
        assertThat(CertificateTemplate.all()).hasSize(20 + 2 + 16 + 3 + 3 + 12 + 5)
                .doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(CertificateTemplate.fromArn(t.arn())).isEqualTo(t));
        assertThat(CertificateTemplate.all()).extracting(CertificateTemplate::name)
                .contains("OCSPSigningCertificate_APICSRPassthrough", "EndEntityServerAuthCertificate",
                        "SubordinateCACertificate_PathLen3", "BlankSubordinateCACertificate_PathLen3_CSRPassthrough")
                .doesNotContain("RootCACertificate_CSRPassthrough", "BlankEndEntityCertificate",
                        "BlankRootCACertificate_CSRPassthrough", "SubordinateCACertificate_PathLen4");
    }

    @ParameterizedTest(name = "fail/malformed {0}")
    @ValueSource(strings = {"EndEntityCertificate/V1", "arn:aws:acm-pca:us-east-1::template/EndEntityCertificate/V1",
            PREFIX + "EndEntityCertificate", PREFIX + "EndEntityCertificate/V1/extra", "arn:aws:acm:::template/X/V1"})
    void rejectsMalformedArn(String arn) {
        assertThatThrownBy(() -> CertificateTemplate.fromArn(arn))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageStartingWith("templateArn: ")
                .hasMessageContaining("arn:aws:acm-pca:::template/NAME/V1");
    }

    @ParameterizedTest(name = "fail/unknown {0}")
    @ValueSource(strings = {"NoSuchTemplate/V1", "EndEntityCertificate/V2", "RootCACertificate_CSRPassthrough/V1",
            "SubordinateCACertificate_PathLen4/V1", "BlankEndEntityCertificate/V1"})
    void rejectsUnknownTemplate(String nameAndVersion) {
        assertThatThrownBy(() -> CertificateTemplate.fromArn(PREFIX + nameAndVersion))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("templateArn: " + nameAndVersion + " is not an ACM Private CA template")
                .hasMessageContaining("UsingTemplates.html");
    }
}
