package dev.certgateway.issuance;

import static dev.certgateway.issuance.IssuanceIntegrationTests.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.Certificates;
import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestCsr;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ACM PCA's order of operations: template over API over CSR, and which variant honours which source. */
class PassthroughIntegrationTests extends IntegrationTestSupport {

    private static final ASN1ObjectIdentifier PRIVATE_OID = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1");
    private static final String TEMPLATE = "arn:aws:acm-pca:::template/";

    private static TestCsr csrWithExtra() {
        return TestCsr.withSharedEcKey().subject("CN=from-csr.example").dns("from-csr.example")
                .extension(PRIVATE_OID, false, new DERUTF8String("from-csr"));
    }

    private JsonNode issue(String template, TestCsr csr, Map<String, Object> passthrough) {
        Map<String, Object> request = body("test-ec", csr.pem(), "SHA256WITHECDSA");
        request.put("templateArn", TEMPLATE + template + "/V1");
        if (passthrough != null) {
            request.put("apiPassthrough", passthrough);
        }
        Response response = post("/api/v1/certificates", token("passthrough"), request);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static X509CertificateHolder certificate(JsonNode json) {
        return Certificates.parseOne(json.get("certificate").asString());
    }

    private static List<GeneralName> sans(X509CertificateHolder certificate) {
        return List.of(GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
                .getNames());
    }

    private static final Map<String, Object> API_NAMES = Map.of(
            "subject", Map.of("commonName", "from-api.example", "organization", "Example Corp", "country", "DE"),
            "extensions", Map.of("subjectAlternativeNames", List.of(
                    Map.of("dnsName", "from-api.example"),
                    Map.of("ipAddress", "10.1.2.3"),
                    Map.of("uniformResourceIdentifier", "spiffe://example.org/ns/payments/sa/api"))));

    @Test
    void apiPassthroughTemplateTakesSubjectAndSansFromTheApi() {
        X509CertificateHolder certificate = certificate(issue("EndEntityCertificate_APIPassthrough", csrWithExtra(),
                API_NAMES));
        assertThat(certificate.getSubject().toString()).contains("CN=from-api.example").contains("O=Example Corp")
                .contains("C=DE");
        assertThat(sans(certificate)).containsExactly(
                new GeneralName(GeneralName.dNSName, "from-api.example"),
                new GeneralName(GeneralName.iPAddress, "10.1.2.3"),
                new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example.org/ns/payments/sa/api"));
        // Not a CSR variant: the CSR's extra extension stays out.
        assertThat(certificate.getExtension(PRIVATE_OID)).isNull();
    }

    @Test
    void baseTemplateIgnoresThePassthroughWithAWarning() {
        JsonNode json = issue("EndEntityCertificate", csrWithExtra(), API_NAMES);
        X509CertificateHolder certificate = certificate(json);
        assertThat(certificate.getSubject().toString()).isEqualTo("CN=from-csr.example");
        assertThat(sans(certificate)).containsExactly(new GeneralName(GeneralName.dNSName, "from-csr.example"));
        assertThat(certificate.getExtension(PRIVATE_OID)).isNull();
        assertThat(json.get("warnings").toString()).contains("apiPassthrough");
    }

    @Test
    void csrPassthroughCopiesTheCsrsExtraExtensions() {
        X509CertificateHolder certificate = certificate(issue("EndEntityCertificate_CSRPassthrough", csrWithExtra(),
                null));
        assertThat(certificate.getExtension(PRIVATE_OID).getParsedValue()).isEqualTo(new DERUTF8String("from-csr"));
        assertThat(sans(certificate)).containsExactly(new GeneralName(GeneralName.dNSName, "from-csr.example"));
    }

    @Test
    void apiCsrPassthroughLetsTheApiOverrideTheCsr() throws Exception {
        Map<String, Object> passthrough = Map.of(
                "extensions", Map.of(
                        "subjectAlternativeNames", List.of(Map.of("dnsName", "from-api.example")),
                        "customExtensions", List.of(Map.of("objectIdentifier", PRIVATE_OID.getId(),
                                "value", Base64.getEncoder().encodeToString(new DERUTF8String("from-api").getEncoded()),
                                "critical", false))));
        X509CertificateHolder certificate = certificate(issue("EndEntityCertificate_APICSRPassthrough",
                csrWithExtra(), passthrough));
        assertThat(sans(certificate)).containsExactly(new GeneralName(GeneralName.dNSName, "from-api.example"));
        assertThat(certificate.getExtension(PRIVATE_OID).getParsedValue()).isEqualTo(new DERUTF8String("from-api"));
        assertThat(certificate.getSubject().toString()).isEqualTo("CN=from-csr.example");
    }

    @Test
    void templateDefinedExtensionsCannotBeChangedByTheApi() {
        Map<String, Object> passthrough = Map.of("extensions", Map.of(
                "keyUsage", Map.of("keyCertSign", true),
                "customExtensions", List.of(Map.of("objectIdentifier", "2.5.29.19", "value", "MAMBAf8=",
                        "critical", true))));
        JsonNode json = issue("EndEntityCertificate_APIPassthrough", csrWithExtra(), passthrough);
        X509CertificateHolder certificate = certificate(json);
        assertThat(KeyUsage.fromExtensions(certificate.getExtensions()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        assertThat(certificate.getExtension(Extension.basicConstraints).isCritical()).isFalse();
        assertThat(json.get("warnings").size()).isGreaterThanOrEqualTo(2);
        assertThat(json.get("warnings").toString()).contains("keyUsage").contains("customExtensions[0]");
    }

    @Test
    void certificatePoliciesPassThrough() {
        Map<String, Object> passthrough = Map.of("extensions", Map.of("certificatePolicies", List.of(Map.of(
                "certPolicyId", "1.3.6.1.4.1.55555.2.1",
                "policyQualifiers", List.of(Map.of("policyQualifierId", "CPS",
                        "qualifier", Map.of("cpsUri", "https://pki.example.com/cps")))))));
        X509CertificateHolder certificate = certificate(issue("EndEntityCertificate_APIPassthrough",
                csrWithExtra(), passthrough));
        CertificatePolicies policies = CertificatePolicies.fromExtensions(certificate.getExtensions());
        assertThat(policies.getPolicyInformation()[0].getPolicyIdentifier().getId()).isEqualTo("1.3.6.1.4.1.55555.2.1");
        assertThat(policies.getPolicyInformation()[0].getPolicyQualifiers().toString())
                .contains("https://pki.example.com/cps");
    }

    @Test
    void twoCustomExtensionsWithOneOidAreRejected() {
        Map<String, Object> extension = Map.of("objectIdentifier", "1.3.6.1.4.1.55555.9", "value", "BQA=");
        Map<String, Object> request = body("test-ec", csrWithExtra().pem(), "SHA256WITHECDSA");
        request.put("templateArn", TEMPLATE + "EndEntityCertificate_APIPassthrough/V1");
        request.put("apiPassthrough", Map.of("extensions", Map.of("customExtensions", List.of(extension, extension))));
        Response response = post("/api/v1/certificates", token("passthrough"), request);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("InvalidArgsException");
        assertThat(response.json().get("detail").asString()).contains("1.3.6.1.4.1.55555.9");
    }
}
