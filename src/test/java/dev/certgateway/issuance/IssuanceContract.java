package dev.certgateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.AcmPcaIntegrationTestSupport;
import dev.certgateway.testsupport.Certificates;
import dev.certgateway.testsupport.TestCsr;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What every backend must do the same way, whoever holds the key. Each backend's test names an authority
 * backed by the same CA (test-sub's key and chain), so the results must be identical in every observable way.
 */
abstract class IssuanceContract extends AcmPcaIntegrationTestSupport {

    /** The alias of the authority under test. */
    abstract String authority();

    private Map<String, Object> body(String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", authority());
        body.put("csr", TestCsr.withSharedEcKey().subject("CN=" + subject).dns(subject).pem());
        body.put("signingAlgorithm", "SHA384WITHECDSA");
        body.put("validity", Map.of("value", 30, "type", "DAYS"));
        return body;
    }

    private Response issue(String team, Map<String, Object> body) {
        Response response = post("/api/v1/certificates", token(team), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    @Test
    void issuedCertificateIsFetchedAndListed() {
        String team = "contract-" + UUID.randomUUID();
        Response issued = issue(team, body("contract.example"));
        JsonNode json = issued.json();
        assertThat(json.get("status").asString()).isEqualTo("ISSUED");
        assertThat(json.get("subjectAlternativeNames").toString()).isEqualTo("[\"DNS:contract.example\"]");
        assertThat(json.get("certificateArn").asString())
                .startsWith(json.get("certificateAuthorityArn").asString() + "/certificate/");

        Response fetched = get(issued.header("Location"), token(team));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(json);

        JsonNode listed = get("/api/v1/certificates", token(team)).json().get("certificates");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id")).isEqualTo(json.get("id"));
        assertThat(listed.get(0).get("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void chainGoesUpToTheRootAndValidates() throws Exception {
        JsonNode json = issue("payments", body("chain.example")).json();
        X509CertificateHolder certificate = Certificates.parseOne(json.get("certificate").asString());
        List<X509CertificateHolder> chain = Certificates.parsePem(json.get("certificateChain").asString());
        assertThat(chain).containsExactlyElementsOf(PKI.chain("test-sub"));
        assertThat(certificate.getIssuer()).isEqualTo(chain.get(0).getSubject());
        Certificates.pkixValidate(certificate, chain);
    }

    @Test
    void relativeValidityStartsAnHourBeforeIssuance() {
        Instant before = Instant.now();
        X509CertificateHolder certificate = Certificates.parseOne(
                issue("payments", body("days.example")).json().get("certificate").asString());
        Instant notBefore = certificate.getNotBefore().toInstant();
        assertThat(notBefore).isBetween(before.minus(Duration.ofMinutes(61)),
                Instant.now().minus(Duration.ofMinutes(59)));
        assertThat(Duration.between(notBefore, certificate.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(30).plusHours(1));
    }

    @Test
    void absoluteValidityAndNotBeforeAreHonoured() {
        long notBefore = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
        long notAfter = Instant.now().plus(Duration.ofDays(10)).getEpochSecond();
        Map<String, Object> body = body("absolute.example");
        body.put("validity", Map.of("value", notAfter, "type", "ABSOLUTE"));
        body.put("validityNotBefore", Map.of("value", notBefore, "type", "ABSOLUTE"));
        X509CertificateHolder certificate = Certificates.parseOne(
                issue("payments", body).json().get("certificate").asString());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Instant.ofEpochSecond(notBefore));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.ofEpochSecond(notAfter));
    }

    @Test
    void templateDecidesTheExtensions() {
        Map<String, Object> client = body("client.example");
        client.put("templateArn", "arn:aws:acm-pca:::template/EndEntityClientAuthCertificate/V1");
        JsonNode clientJson = issue("payments", client).json();
        assertThat(clientJson.get("templateArn").asString())
                .isEqualTo("arn:aws:acm-pca:::template/EndEntityClientAuthCertificate/V1");
        X509CertificateHolder clientCertificate = Certificates.parseOne(clientJson.get("certificate").asString());
        assertThat(ExtendedKeyUsage.fromExtensions(clientCertificate.getExtensions()).getUsages())
                .containsExactly(KeyPurposeId.id_kp_clientAuth);

        Map<String, Object> subordinate = body("sub-ca.example");
        subordinate.put("templateArn", "arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen0/V1");
        X509CertificateHolder ca = Certificates.parseOne(issue("payments", subordinate).json()
                .get("certificate").asString());
        BasicConstraints constraints = BasicConstraints.fromExtensions(ca.getExtensions());
        assertThat(constraints.isCA()).isTrue();
        assertThat(constraints.getPathLenConstraint()).isZero();
    }
}
