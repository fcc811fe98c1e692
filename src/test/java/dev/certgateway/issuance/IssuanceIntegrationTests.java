package dev.certgateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.certgateway.testsupport.Certificates;
import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.OpenSsl;
import dev.certgateway.testsupport.TestCsr;
import dev.certgateway.testsupport.TestPki;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The issuance cycle end to end: HTTP in, a real certificate out, recorded in PostgreSQL. */
class IssuanceIntegrationTests extends IntegrationTestSupport {

    static Map<String, Object> body(String authority, String csr, String algorithm) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", authority);
        body.put("csr", csr);
        body.put("signingAlgorithm", algorithm);
        body.put("validity", Map.of("value", 30, "type", "DAYS"));
        return body;
    }

    @Test
    void issuesAnEndEntityCertificateFromTheEcAuthorityAndRecordsIt() throws Exception {
        TestCsr csr = TestCsr.withSharedEcKey().subject("CN=api.payments.internal,O=Example").dns(
                "api.payments.internal", "payments.internal");
        Instant before = Instant.now();
        Response response = post("/api/v1/certificates", token("payments"),
                body("test-ec", csr.pem(), "SHA256WITHECDSA"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        String id = json.get("id").asString();
        // Time-ordered (version 7), so that consecutive certificates sit together in the primary-key index.
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7);
        assertThat(response.header("Location")).isEqualTo("/api/v1/certificates/" + id);
        String authorityArn = json.get("certificateAuthorityArn").asString();
        assertThat(authorityArn).matches("arn:aws:acm-pca:local:000000000000:certificate-authority/[0-9a-f-]{36}");
        String serial = json.get("serialNumber").asString();
        assertThat(json.get("certificateArn").asString()).isEqualTo(authorityArn + "/certificate/" + serial);
        assertThat(json.get("templateArn").asString()).isEqualTo("arn:aws:acm-pca:::template/EndEntityCertificate/V1");

        X509CertificateHolder certificate = Certificates.parseOne(json.get("certificate").asString());
        List<X509CertificateHolder> chain = Certificates.parsePem(json.get("certificateChain").asString());
        X509CertificateHolder ca = PKI.chain("test-ec").get(0);
        // No CRL or AIA configured for this authority: none in the certificate.
        assertThat(certificate.getExtension(Extension.cRLDistributionPoints)).isNull();
        assertThat(certificate.getExtension(Extension.authorityInfoAccess)).isNull();
        assertThat(chain).containsExactly(ca);
        assertThat(certificate.getSerialNumber().toString(16)).isEqualTo(serial.replaceFirst("^0+", ""));
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        assertThat(certificate.getSerialNumber().bitLength()).isLessThanOrEqualTo(128).isGreaterThan(64);
        assertThat(certificate.getIssuer()).isEqualTo(ca.getSubject());
        assertThat(certificate.getSubject().toString()).isEqualTo("CN=api.payments.internal,O=Example");
        assertThat(certificate.getSubjectPublicKeyInfo())
                .isEqualTo(SubjectPublicKeyInfo.getInstance(csr.key().getPublic().getEncoded()));
        assertThat(certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(TestPki.BC)
                .build(ca))).isTrue();

        // EndEntityCertificate/V1 exactly: KU, EKU, BasicConstraints, SKI, AKI, SAN
        Extension ku = certificate.getExtension(Extension.keyUsage);
        assertThat(ku.isCritical()).isTrue();
        assertThat(KeyUsage.getInstance(ku.getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        assertThat(ExtendedKeyUsage.fromExtensions(certificate.getExtensions()).getUsages())
                .containsExactly(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
        assertThat(BasicConstraints.fromExtensions(certificate.getExtensions()).isCA()).isFalse();
        assertThat(SubjectKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifier())
                .isEqualTo(new BcX509ExtensionUtils().createSubjectKeyIdentifier(
                        certificate.getSubjectPublicKeyInfo()).getKeyIdentifier());
        assertThat(AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifierOctets())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(ca.getExtensions()).getKeyIdentifier());
        assertThat(GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
                .getNames()).containsExactly(new GeneralName(GeneralName.dNSName, "api.payments.internal"),
                new GeneralName(GeneralName.dNSName, "payments.internal"));
        assertThat(json.get("subjectAlternativeNames").toString())
                .isEqualTo("[\"DNS:api.payments.internal\",\"DNS:payments.internal\"]");

        // Default NotBefore is one hour before issuance; NotAfter 30 days after it.
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        assertThat(notBefore).isBetween(before.minus(Duration.ofMinutes(61)), Instant.now().minus(Duration.ofMinutes(59)));
        assertThat(Duration.between(notBefore.plus(Duration.ofHours(1)), notAfter)).isEqualTo(Duration.ofDays(30));

        Certificates.pkixValidate(certificate, chain);

        Response fetched = get(response.header("Location"), token("payments"));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(json);
    }

    @Test
    void rsaAuthorityWithRsaCsrAndSha384() throws Exception {
        KeyPair key = TestPki.rsaKey(2048);
        Response response = post("/api/v1/certificates", token("payments"),
                body("test-rsa", TestCsr.withKey(key).subject("CN=rsa.example").pem(), "SHA384WITHRSA"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        X509CertificateHolder certificate = Certificates.parseOne(response.json().get("certificate").asString());
        assertThat(certificate.getSignatureAlgorithm().getAlgorithm().getId())
                .isEqualTo("1.2.840.113549.1.1.12");
        Certificates.pkixValidate(certificate, PKI.chain("test-rsa"));
    }

    @Test
    void issuingCaReturnsTheChainUpToTheRootAndOpensslAgrees() throws Exception {
        Map<String, Object> request = body("test-sub", TestCsr.withSharedEcKey().subject("CN=svc.example")
                .dns("svc.example").base64Der(), "SHA384WITHECDSA");
        Response response = post("/api/v1/certificates", token("payments"), request);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String leafPem = response.json().get("certificate").asString();
        String chainPem = response.json().get("certificateChain").asString();
        List<X509CertificateHolder> chain = Certificates.parsePem(chainPem);
        assertThat(chain).containsExactlyElementsOf(PKI.chain("test-sub"));
        X509CertificateHolder leaf = Certificates.parseOne(leafPem);
        Certificates.pkixValidate(leaf, chain);
        // The authority is configured with CRL and AIA locations: issued certificates point at them.
        assertThat(CRLDistPoint.fromExtensions(leaf.getExtensions()).toString())
                .contains("http://pki.example.com/issuing.crl");
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(leaf.getExtensions());
        assertThat(aia.getAccessDescriptions()).extracting(d -> d.getAccessMethod().getId() + " "
                + d.getAccessLocation().getName()).containsExactly(
                "1.3.6.1.5.5.7.48.1 http://ocsp.example.com", "1.3.6.1.5.5.7.48.2 http://pki.example.com/issuing.crt");

        assumeThat(OpenSsl.available()).as("openssl present").isTrue();
        OpenSsl.Result verified = OpenSsl.verify(leafPem, chainPem);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("OK");
    }

    @Test
    void ecAuthorityCertificatePassesOpensslStrictVerification() throws Exception {
        assumeThat(OpenSsl.available()).as("openssl present").isTrue();
        Response response = post("/api/v1/certificates", token("payments"),
                body("test-ec", TestCsr.withSharedEcKey().dns("strict.example").pem(), "SHA256WITHECDSA"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        OpenSsl.Result verified = OpenSsl.verify(response.json().get("certificate").asString(),
                response.json().get("certificateChain").asString());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
    }

    @Test
    void sm2AuthoritySignsWithSm3WithSm2() throws Exception {
        Response response = post("/api/v1/certificates", token("payments"),
                body("test-sm2", TestCsr.withSharedEcKey().subject("CN=sm2.example").pem(), "SM3WITHSM2"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        X509CertificateHolder certificate = Certificates.parseOne(response.json().get("certificate").asString());
        assertThat(certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(TestPki.BC)
                .build(PKI.chain("test-sm2").get(0)))).isTrue();
        assertThat(certificate.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.156.10197.1.501");
    }

    @Test
    void sm3WithSm2OnAnEcAuthorityIsAFamilyMismatch() {
        Response response = post("/api/v1/certificates", token("payments"),
                body("test-ec", TestCsr.withSharedEcKey().subject("CN=x").pem(), "SM3WITHSM2"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("InvalidArgsException");
        assertThat(response.json().get("detail").asString()).contains("signingAlgorithm");
    }

    @Test
    void rsaAlgorithmOnAnEcAuthorityIsAFamilyMismatch() {
        Response response = post("/api/v1/certificates", token("payments"),
                body("test-ec", TestCsr.withSharedEcKey().subject("CN=x").pem(), "SHA256WITHRSA"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("InvalidArgsException");
        assertThat(response.json().get("detail").asString()).contains("signingAlgorithm").contains("SHA256WITHECDSA");
    }

    @Test
    void pkcs12AuthorityIssues() throws Exception {
        Response response = post("/api/v1/certificates", token("payments"),
                body("test-p12", TestCsr.withSharedEcKey().subject("CN=p12.example").pem(), "SHA256WITHECDSA"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Certificates.pkixValidate(Certificates.parseOne(response.json().get("certificate").asString()),
                PKI.chain("test-p12"));
    }

    @Test
    void authorityCanBeNamedByArn() {
        String arn = get("/api/v1/authorities", token("payments")).json().get("authorities").valueStream()
                .filter(a -> a.get("alias").asString().equals("test-ec")).findFirst().orElseThrow()
                .get("arn").asString();
        Response response = post("/api/v1/certificates", token("payments"),
                body(arn, TestCsr.withSharedEcKey().subject("CN=by-arn").pem(), "SHA256WITHECDSA"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("certificateAuthorityArn").asString()).isEqualTo(arn);
    }

    @Test
    void disabledAndExpiredAuthoritiesAreInvalidState() {
        for (String alias : List.of("test-disabled", "test-expired")) {
            Response response = post("/api/v1/certificates", token("payments"),
                    body(alias, TestCsr.withSharedEcKey().subject("CN=x").pem(), "SHA256WITHECDSA"));
            assertThat(response.status()).as(alias + " " + response).isEqualTo(409);
            assertThat(response.json().get("code").asString()).isEqualTo("InvalidStateException");
        }
    }

    @Test
    void unknownAuthoritiesAreNotFoundAndMalformedArnsInvalid() {
        String csr = TestCsr.withSharedEcKey().subject("CN=x").pem();
        Response unknownAlias = post("/api/v1/certificates", token("payments"), body("nope", csr, "SHA256WITHECDSA"));
        assertThat(unknownAlias.status()).isEqualTo(404);
        assertThat(unknownAlias.json().get("code").asString()).isEqualTo("ResourceNotFoundException");

        Response unknownArn = post("/api/v1/certificates", token("payments"), body(
                "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012",
                csr, "SHA256WITHECDSA"));
        assertThat(unknownArn.status()).isEqualTo(404);

        Response malformed = post("/api/v1/certificates", token("payments"),
                body("arn:aws:acm-pca:nowhere", csr, "SHA256WITHECDSA"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("InvalidArnException");
    }

    @Test
    void authoritiesAreListedWithAcmPcaKeyAlgorithmNames() {
        Response response = get("/api/v1/authorities", token("payments"));
        assertThat(response.status()).isEqualTo(200);
        Map<String, JsonNode> byAlias = new LinkedHashMap<>();
        response.json().get("authorities").forEach(a -> byAlias.put(a.get("alias").asString(), a));
        assertThat(byAlias.get("test-ec").get("keyAlgorithm").asString()).isEqualTo("EC_prime256v1");
        assertThat(byAlias.get("test-rsa").get("keyAlgorithm").asString()).isEqualTo("RSA_2048");
        assertThat(byAlias.get("test-sub").get("keyAlgorithm").asString()).isEqualTo("EC_secp384r1");
        assertThat(byAlias.get("test-sm2").get("keyAlgorithm").asString()).isEqualTo("SM2");
        assertThat(byAlias.get("test-ec").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(byAlias.get("test-disabled").get("status").asString()).isEqualTo("DISABLED");
        assertThat(byAlias.get("test-expired").get("status").asString()).isEqualTo("EXPIRED");
        assertThat(byAlias.get("test-sub").get("subject").asString()).isEqualTo("CN=Test Issuing CA,O=cert-gateway tests");
        assertThat(Certificates.parsePem(byAlias.get("test-sub").get("certificateChain").asString()))
                .containsExactlyElementsOf(PKI.chain("test-sub"));
        assertThat(byAlias.get("test-ec").get("notAfter").asString()).isNotBlank();
    }

    @Test
    void certificateSignatureVerifiesWithTheCsrKeyPossession() throws Exception {
        // The CSR's own signature proves possession; the issued certificate must bind that same key.
        KeyPair key = TestPki.ecKey("secp384r1");
        Response response = post("/api/v1/certificates", token("payments"),
                body("test-ec", TestCsr.withKey(key).subject("CN=p384").pem(), "SHA512WITHECDSA"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        X509CertificateHolder certificate = Certificates.parseOne(response.json().get("certificate").asString());
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key.getPrivate());
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(Certificates.jca(certificate).getPublicKey());
        signature.update(new byte[] {1, 2, 3});
        assertThat(signature.verify(signed)).isTrue();
    }
}
