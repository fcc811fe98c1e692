package dev.certgateway.x509;

import static dev.certgateway.x509.Passthroughs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.certgateway.error.InvalidArgsException;
import dev.certgateway.x509.passthrough.ApiPassthrough;
import dev.certgateway.x509.passthrough.CustomExtension;
import dev.certgateway.x509.passthrough.ExtendedKeyUsageType;
import dev.certgateway.x509.passthrough.Extensions;
import dev.certgateway.x509.passthrough.PolicyInformation;

class CertificateComposerTests {

    static final ValidityPeriod VALIDITY = new ValidityPeriod(Instant.parse("2026-02-01T00:00:00Z"),
            Instant.parse("2027-02-01T00:00:00Z"));
    static final BigInteger SERIAL = BigInteger.valueOf(0x1234567);
    static final ASN1ObjectIdentifier PRIVATE_OID = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.5");
    static final Extension PRIVATE_EXTENSION = ext(PRIVATE_OID, false, new DERUTF8String("from the CSR"));

    private final CertificateComposer composer = new CertificateComposer();

    static ParsedCsr leafCsr() {
        return TestPki.parsed(TestPki.ec("secp384r1"), "CN=csr.example.com,O=CSR Org", "csr.example.com");
    }

    static ParsedCsr caOwnCsr() {
        return TestPki.parsed(TestPki.caKey(), TestPki.CA_NAME.toString());
    }

    CertificateBlueprint compose(ParsedCsr csr, String template, ApiPassthrough api) {
        return composer.compose(csr, CertificateTemplate.fromArn("arn:aws:acm-pca:::template/" + template + "/V1"),
                api, VALIDITY, TestPki.issuer(null), SERIAL);
    }

    CertificateBlueprint compose(String template, ApiPassthrough api) {
        return compose(leafCsr(), template, api);
    }

    static final int EE = KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
    static final int CA = KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign;
    static final String SERVER = "1.3.6.1.5.5.7.3.1";
    static final String CLIENT = "1.3.6.1.5.5.7.3.2";

    static Stream<Arguments> families() {
        return Stream.of(
                // template, BC critical, cA, pathLen, KU bits (0 = none), EKU OIDs (null = none), EKU critical
                Arguments.of("EndEntityCertificate", false, false, null, EE, List.of(SERVER, CLIENT), false),
                Arguments.of("EndEntityClientAuthCertificate", false, false, null, EE, List.of(CLIENT), false),
                Arguments.of("EndEntityServerAuthCertificate_CSRPassthrough", false, false, null, EE,
                        List.of(SERVER), false),
                Arguments.of("CodeSigningCertificate", false, false, null, KeyUsage.digitalSignature,
                        List.of("1.3.6.1.5.5.7.3.3"), true),
                Arguments.of("OCSPSigningCertificate_APIPassthrough", false, false, null, KeyUsage.digitalSignature,
                        List.of("1.3.6.1.5.5.7.3.9"), true),
                Arguments.of("RootCACertificate", true, true, null, CA, null, false),
                Arguments.of("SubordinateCACertificate_PathLen0", true, true, 0, CA, null, false),
                Arguments.of("SubordinateCACertificate_PathLen3_APICSRPassthrough", true, true, 3, CA, null, false),
                Arguments.of("BlankEndEntityCertificate_APIPassthrough", false, false, null, 0, null, false),
                Arguments.of("BlankEndEntityCertificate_CriticalBasicConstraints_CSRPassthrough", true, false, null,
                        0, null, false),
                Arguments.of("BlankSubordinateCACertificate_PathLen2_APICSRPassthrough", true, true, 2, 0, null,
                        false),
                Arguments.of("BlankRootCACertificate_APIPassthrough", true, true, null, 0, null, false),
                Arguments.of("BlankRootCACertificate_PathLen1_APIPassthrough", true, true, 1, 0, null, false));
    }

    @ParameterizedTest(name = "ok/{0}")
    @MethodSource("families")
    void templateFixesKeyUsageExtendedKeyUsageAndBasicConstraints(String template, boolean bcCritical, boolean ca,
            Integer pathLen, int keyUsage, List<String> ekus, boolean ekuCritical) {
        ParsedCsr csr = template.contains("Root") ? caOwnCsr() : leafCsr();
        CertificateBlueprint b = compose(csr, template, null);

        Extension bcExt = b.extension(Extension.basicConstraints);
        BasicConstraints bc = BasicConstraints.getInstance(bcExt.getParsedValue());
        assertThat(bcExt.isCritical()).isEqualTo(bcCritical);
        assertThat(bc.isCA()).isEqualTo(ca);
        assertThat(bc.getPathLenConstraint()).isEqualTo(pathLen == null ? null : BigInteger.valueOf(pathLen));
        Extension ku = b.extension(Extension.keyUsage);
        if (keyUsage == 0) {
            assertThat(ku).isNull();
        } else {
            assertThat(ku.isCritical()).isTrue();
            assertThat(KeyUsage.getInstance(ku.getParsedValue())).isEqualTo(new KeyUsage(keyUsage));
        }
        Extension eku = b.extension(Extension.extendedKeyUsage);
        if (ekus == null) {
            assertThat(eku).isNull();
        } else {
            assertThat(eku.isCritical()).isEqualTo(ekuCritical);
            assertThat(ExtendedKeyUsage.getInstance(eku.getParsedValue()).getUsages()).extracting(KeyPurposeId::getId)
                    .containsExactlyElementsOf(ekus);
        }
        assertThat(b.certificateAuthority()).isEqualTo(ca);
        assertThat(b.basicConstraints()).isEqualTo(bc);
        assertThat(b.keyUsage()).isEqualTo(keyUsage == 0 ? null : new KeyUsage(keyUsage));
        assertThat(b.extendedKeyUsage() == null).isEqualTo(ekus == null);
        assertThat(b.warnings()).isEmpty();
    }

    @Test
    void everyCertificateHasKeyIdentifiersAndTheBlueprintCarriesTheInputs() {
        ParsedCsr csr = leafCsr();
        IssuerInfo issuer = TestPki.issuer(null);
        CertificateBlueprint b = compose(csr, "EndEntityCertificate", null);

        assertThat(b.serialNumber()).isEqualTo(SERIAL);
        assertThat(b.issuer()).isEqualTo(TestPki.CA_NAME);
        assertThat(b.subject()).isEqualTo(csr.subject());
        assertThat(b.publicKey()).isEqualTo(csr.publicKeyInfo());
        assertThat(b.validity()).isEqualTo(VALIDITY);
        assertThat(AuthorityKeyIdentifier.getInstance(b.extension(Extension.authorityKeyIdentifier).getParsedValue())
                .getKeyIdentifier()).isEqualTo(issuer.subjectKeyIdentifier());
        assertThat(AuthorityKeyIdentifier.getInstance(b.extension(Extension.authorityKeyIdentifier).getParsedValue())
                .getAuthorityCertIssuer()).isNull();
        assertThat(SubjectKeyIdentifier.getInstance(b.extension(Extension.subjectKeyIdentifier).getParsedValue()))
                .isEqualTo(new BcX509ExtensionUtils().createSubjectKeyIdentifier(csr.publicKeyInfo()));
        assertThat(b.extension(Extension.cRLDistributionPoints)).isNull();
        assertThat(b.extension(Extension.authorityInfoAccess)).isNull();
        assertThat(b.extensions()).extracting(Extension::getExtnId).containsExactly(Extension.basicConstraints,
                Extension.keyUsage, Extension.extendedKeyUsage, Extension.subjectAlternativeName,
                Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier);
        assertThat(b.subjectAlternativeNames().getNames()).containsExactly(
                new GeneralName(GeneralName.dNSName, "csr.example.com"));
        assertThat(b.extension(Extension.subjectAlternativeName).isCritical()).isFalse();
    }

    @Test
    void authorityUrisAddCrlDistributionPointsAndAuthorityInfoAccess() {
        IssuerInfo base = TestPki.issuer(null);
        IssuerInfo issuer = new IssuerInfo(base.subject(), base.publicKey(), null, null,
                "http://crl.example/ca.crl", "http://aia.example/ca.cer", "http://ocsp.example");
        CertificateBlueprint b = composer.compose(leafCsr(), CertificateTemplate.fromArn(null), null, VALIDITY,
                issuer, SERIAL);

        assertThat(CRLDistPoint.getInstance(b.extension(Extension.cRLDistributionPoints).getParsedValue())
                .toString()).contains("http://crl.example/ca.crl");
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                b.extension(Extension.authorityInfoAccess).getParsedValue());
        assertThat(aia.getAccessDescriptions()).extracting(d -> d.getAccessLocation().getName().toString())
                .containsExactly("http://ocsp.example", "http://aia.example/ca.cer");
        // Without a configured SKI the AKI is computed from the issuer key, which gives the same value.
        assertThat(AuthorityKeyIdentifier.getInstance(b.extension(Extension.authorityKeyIdentifier).getParsedValue())
                .getKeyIdentifier()).isEqualTo(base.subjectKeyIdentifier());
    }

    static Stream<Arguments> apiSans() {
        return Stream.of(
                Arguments.of("ok/base-ignores-api", "EndEntityCertificate", "csr.example.com", true),
                Arguments.of("ok/csr-variant-ignores-api", "EndEntityCertificate_CSRPassthrough", "csr.example.com",
                        true),
                Arguments.of("ok/api-variant-uses-api", "EndEntityCertificate_APIPassthrough", "api.example.com",
                        false),
                Arguments.of("ok/api-csr-variant-uses-api", "EndEntityCertificate_APICSRPassthrough",
                        "api.example.com", false),
                Arguments.of("ok/root-api-variant-uses-api", "RootCACertificate_APIPassthrough", "api.example.com",
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiSans")
    void apiSanReplacesCsrSanOnApiVariantsOnly(String name, String template, String expectedDns, boolean ignored) {
        ParsedCsr csr = template.startsWith("Root")
                ? TestPki.parsed(TestPki.caKey(), TestPki.CA_NAME.toString(), "csr.example.com") : leafCsr();
        CertificateBlueprint b = compose(csr, template, sans(dns("api.example.com")));

        assertThat(b.subjectAlternativeNames().getNames()).containsExactly(
                new GeneralName(GeneralName.dNSName, expectedDns));
        if (ignored) {
            assertThat(b.warnings()).containsExactly("apiPassthrough is ignored by template " + template
                    + "/V1; use an *APIPassthrough or *APICSRPassthrough template to apply it");
        } else {
            assertThat(b.warnings()).containsExactly("the CSR's subjectAlternativeName was replaced by"
                    + " apiPassthrough.extensions.subjectAlternativeNames");
        }
    }

    @Test
    void apiSubjectReplacesCsrSubjectOnApiVariants() {
        CertificateBlueprint api = compose("EndEntityCertificate_APIPassthrough", subjectOnly(cn("api")));
        CertificateBlueprint base = compose("EndEntityCertificate", subjectOnly(cn("api")));

        assertThat(api.subject().toString()).isEqualTo("CN=api");
        assertThat(api.warnings()).containsExactly("the CSR's subject was replaced by apiPassthrough.subject");
        assertThat(base.subject().toString()).isEqualTo("CN=csr.example.com,O=CSR Org");
    }

    static Stream<Arguments> csrCopies() {
        return Stream.of(
                Arguments.of("ok/base-ignores-csr-extension", "EndEntityCertificate", false),
                Arguments.of("ok/api-variant-ignores-csr-extension", "EndEntityCertificate_APIPassthrough", false),
                Arguments.of("ok/csr-variant-copies", "EndEntityCertificate_CSRPassthrough", true),
                Arguments.of("ok/api-csr-variant-copies", "SubordinateCACertificate_PathLen1_APICSRPassthrough", true),
                Arguments.of("ok/blank-csr-variant-copies", "BlankEndEntityCertificate_CSRPassthrough", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csrCopies")
    void csrExtensionsAreCopiedOnlyByCsrVariants(String name, String template, boolean copied) {
        ParsedCsr csr = TestPki.parsedWithExtensions(TestPki.ec("secp256r1"), "CN=csr", PRIVATE_EXTENSION);
        CertificateBlueprint b = compose(csr, template, null);

        assertThat(b.extension(PRIVATE_OID)).isEqualTo(copied ? PRIVATE_EXTENSION : null);
        if (copied) {
            assertThat(b.warnings()).isEmpty();
        } else {
            assertThat(b.warnings()).containsExactly("the CSR's extension requests other than"
                    + " subjectAlternativeName (1.3.6.1.4.1.55555.5) are ignored by template " + template
                    + "/V1; use a *CSRPassthrough or *APICSRPassthrough template to copy them");
        }
    }

    @Test
    void templateWinsOverApiKeyUsageWithAWarning() {
        CertificateBlueprint b = compose("EndEntityCertificate_APIPassthrough", keyUsage(digitalSignatureOnly()));

        assertThat(KeyUsage.getInstance(b.extension(Extension.keyUsage).getParsedValue())).isEqualTo(new KeyUsage(EE));
        assertThat(b.warnings()).containsExactly(
                "apiPassthrough.extensions.keyUsage was dropped: the template defines KeyUsage");
    }

    @Test
    void nonBlankTemplatesTakeNoExtendedKeyUsageFromApiOrCsr() {
        ParsedCsr csr = TestPki.parsedWithExtensions(TestPki.ec("secp256r1"), "CN=sub",
                ext(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)));
        CertificateBlueprint b = compose(csr, "SubordinateCACertificate_PathLen0_APICSRPassthrough",
                eku(new dev.certgateway.x509.passthrough.ExtendedKeyUsage(ExtendedKeyUsageType.CLIENT_AUTH, null)));

        assertThat(b.extension(Extension.extendedKeyUsage)).isNull();
        assertThat(b.warnings()).containsExactly(
                "apiPassthrough.extensions.extendedKeyUsage was dropped: template"
                        + " SubordinateCACertificate_PathLen0_APICSRPassthrough/V1 does not take ExtendedKeyUsage from"
                        + " apiPassthrough or the CSR; only Blank templates do",
                "the CSR's ExtendedKeyUsage extension request was dropped: template"
                        + " SubordinateCACertificate_PathLen0_APICSRPassthrough/V1 does not take ExtendedKeyUsage from"
                        + " apiPassthrough or the CSR; only Blank templates do");
    }

    @Test
    void blankTemplatesTakeKeyUsageFromApiBeforeCsr() {
        ParsedCsr csr = TestPki.parsedWithExtensions(TestPki.ec("secp256r1"), "CN=blank",
                ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyAgreement)),
                ext(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection)));
        ApiPassthrough api = new ApiPassthrough(new Extensions(null, null, digitalSignatureOnly(), null, null), null);

        CertificateBlueprint apiCsr = compose(csr, "BlankEndEntityCertificate_APICSRPassthrough", api);
        CertificateBlueprint csrOnly = compose(csr, "BlankEndEntityCertificate_CSRPassthrough", null);
        CertificateBlueprint apiOnly = compose(csr, "BlankEndEntityCertificate_APIPassthrough", api);

        assertThat(KeyUsage.getInstance(apiCsr.extension(Extension.keyUsage).getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
        assertThat(apiCsr.extension(Extension.extendedKeyUsage).isCritical()).isFalse();
        assertThat(apiCsr.warnings()).containsExactly("the CSR's KeyUsage extension request was dropped:"
                + " apiPassthrough.extensions.keyUsage defines KeyUsage");
        assertThat(KeyUsage.getInstance(csrOnly.extension(Extension.keyUsage).getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.keyAgreement));
        assertThat(ExtendedKeyUsage.getInstance(csrOnly.extension(Extension.extendedKeyUsage).getParsedValue())
                .hasKeyPurposeId(KeyPurposeId.id_kp_emailProtection)).isTrue();
        assertThat(apiOnly.extension(Extension.extendedKeyUsage)).isNull();
        assertThat(KeyUsage.getInstance(apiOnly.extension(Extension.keyUsage).getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
    }

    @Test
    void csrBasicConstraintsAndKeyIdentifiersNeverWin() {
        ParsedCsr csr = TestPki.parsedWithExtensions(TestPki.ec("secp256r1"), "CN=sneaky",
                ext(Extension.basicConstraints, true, new BasicConstraints(true)),
                ext(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(new byte[] {1, 2, 3})));
        CertificateBlueprint b = compose(csr, "BlankEndEntityCertificate_CSRPassthrough", null);

        assertThat(BasicConstraints.getInstance(b.extension(Extension.basicConstraints).getParsedValue()).isCA())
                .isFalse();
        assertThat(SubjectKeyIdentifier.getInstance(b.extension(Extension.subjectKeyIdentifier).getParsedValue())
                .getKeyIdentifier()).isNotEqualTo(new byte[] {1, 2, 3});
        assertThat(b.warnings()).containsExactly(
                "the CSR's BasicConstraints extension request was dropped: the template defines BasicConstraints",
                "the CSR's SubjectKeyIdentifier extension request was dropped: the authority defines"
                        + " SubjectKeyIdentifier");
    }

    @Test
    void apiCustomExtensionsAndPoliciesAreAddedButNotOverTheTemplate() {
        String der = Base64.getEncoder().encodeToString(new byte[] {5, 0});
        ApiPassthrough api = new ApiPassthrough(new Extensions(List.of(new PolicyInformation("2.23.140.1.2.1", null)),
                null, null, null, List.of(new CustomExtension("1.3.6.1.4.1.55555.6", der, true),
                new CustomExtension("2.5.29.19", der, true))), null);
        CertificateBlueprint b = compose("EndEntityCertificate_APIPassthrough", api);

        assertThat(b.extension(Extension.certificatePolicies)).isNotNull();
        assertThat(b.extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.6")).isCritical()).isTrue();
        assertThat(b.warnings()).containsExactly("apiPassthrough.extensions.customExtensions[1] (BasicConstraints)"
                + " was dropped: the template defines BasicConstraints");
        assertThat(b.extensions()).extracting(e -> e.getExtnId().getId()).endsWith("2.5.29.32",
                "1.3.6.1.4.1.55555.6");
    }

    @Test
    void invalidPassthroughIsRejectedEvenWhenTheTemplateIgnoresIt() {
        assertThatThrownBy(() -> compose("EndEntityCertificate", sans(ip("not-an-ip"))))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("apiPassthrough.extensions.subjectAlternativeNames[0].ipAddress");
    }

    @Test
    void emptyPassthroughOnABaseTemplateGivesNoWarning() {
        assertThat(compose("EndEntityCertificate", new ApiPassthrough(null, null)).warnings()).isEmpty();
    }

    @Test
    void sanIsCriticalWhenTheSubjectIsEmpty() {
        ParsedCsr csr = TestPki.parsed(TestPki.ec("secp256r1"), "", "only-san.example");
        CertificateBlueprint b = compose(csr, "EndEntityCertificate", null);

        assertThat(b.subject().getRDNs()).isEmpty();
        assertThat(b.extension(Extension.subjectAlternativeName).isCritical()).isTrue();
    }

    @Test
    void apiSubjectMakesASanOnlyCsrUsable() {
        ParsedCsr csr = TestPki.parsed(TestPki.ec("secp256r1"), "", "only-san.example");
        CertificateBlueprint b = compose(csr, "EndEntityCertificate_APIPassthrough", subjectOnly(cn("named")));

        assertThat(b.subject().toString()).isEqualTo("CN=named");
        assertThat(b.extension(Extension.subjectAlternativeName).isCritical()).isFalse();
        assertThat(b.warnings()).isEmpty();
    }

    @Test
    void rootTemplatesOnlyCertifyTheAuthoritysOwnKey() {
        assertThatThrownBy(() -> compose(leafCsr(), "RootCACertificate", null))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("templateArn: RootCACertificate/V1 only issues the authority's own"
                        + " certificate")
                .hasMessageContaining("use a SubordinateCACertificate template");
        assertThatThrownBy(() -> compose(leafCsr(), "BlankRootCACertificate_PathLen0_APIPassthrough", null))
                .isInstanceOf(InvalidArgsException.class);
    }

    static Stream<Arguments> pathLengths() {
        return Stream.of(
                Arguments.of("ok/pathlen0-under-1", "SubordinateCACertificate_PathLen0", 1, null),
                Arguments.of("ok/pathlen2-under-unlimited", "SubordinateCACertificate_PathLen2", null, null),
                Arguments.of("ok/blank-pathlen2-under-3", "BlankSubordinateCACertificate_PathLen2_CSRPassthrough", 3,
                        null),
                Arguments.of("ok/end-entity-under-0", "EndEntityCertificate", 0, null),
                Arguments.of("ok/root-is-self-issued", "RootCACertificate", 0, null),
                Arguments.of("fail/pathlen1-under-1", "SubordinateCACertificate_PathLen1", 1,
                        "templateArn: SubordinateCACertificate_PathLen1/V1 sets path length 1 but the authority's"
                                + " certificate has path length constraint 1; the largest path length allowed is 0"),
                Arguments.of("fail/pathlen3-under-2", "BlankSubordinateCACertificate_PathLen3_APIPassthrough", 2,
                        "the largest path length allowed is 1"),
                Arguments.of("fail/any-ca-under-0", "SubordinateCACertificate_PathLen0", 0,
                        "templateArn: the authority's certificate has path length constraint 0, so it cannot issue CA"
                                + " certificates; use an end-entity template such as EndEntityCertificate/V1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathLengths")
    void caTemplatesMustFitTheAuthoritysPathLength(String name, String template, Integer issuerPathLen,
            String error) {
        ParsedCsr csr = template.startsWith("Root") ? caOwnCsr() : leafCsr();
        CertificateTemplate t = CertificateTemplate.fromArn("arn:aws:acm-pca:::template/" + template + "/V1");
        IssuerInfo issuer = TestPki.issuer(issuerPathLen);
        if (error == null) {
            assertThat(composer.compose(csr, t, null, VALIDITY, issuer, SERIAL)).isNotNull();
        } else {
            assertThatThrownBy(() -> composer.compose(csr, t, null, VALIDITY, issuer, SERIAL))
                    .isInstanceOf(InvalidArgsException.class)
                    .hasMessageContaining(error);
        }
    }

    static Extension ext(ASN1ObjectIdentifier oid, boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
        return CertificateComposer.extension(oid, critical, value);
    }
}
