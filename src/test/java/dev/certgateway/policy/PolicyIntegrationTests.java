package dev.certgateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestCsr;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Policy end to end: denials with every violation and nothing recorded, names smuggled through API passthrough,
 * preview, the effective policy, and reloading the policy file while the gateway runs.
 */
class PolicyIntegrationTests extends IntegrationTestSupport {

    private static final String STRICT = "policy-strict";
    private static final String TEMPLATE = "arn:aws:acm-pca:::template/";

    @Autowired
    MeterRegistry meters;

    private static Map<String, Object> body(String authority, String csr, String algorithm, int days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", authority);
        body.put("csr", csr);
        body.put("signingAlgorithm", algorithm);
        body.put("validity", Map.of("value", days, "type", "DAYS"));
        return body;
    }

    private static Map<String, Object> allowedRequest() {
        return body("test-ec", TestCsr.withSharedEcKey().subject("CN=api.strict.example.com,O=Example Corp")
                .dns("api.strict.example.com").san(new GeneralName(GeneralName.iPAddress, "10.1.2.3")).pem(),
                "SHA256WITHECDSA", 30);
    }

    private int recorded(String team) {
        return get("/api/v1/certificates?maxResults=100", token(team)).json().get("certificates").size();
    }

    private static List<String> rules(JsonNode violations) {
        List<String> out = new ArrayList<>();
        violations.forEach(v -> out.add(v.get("rule").asString()));
        return out;
    }

    @Test
    void deniedRequestGets403WithEveryViolationAndNothingIsRecorded() {
        int before = recorded(STRICT);
        String csr = TestCsr.withSharedEcKey().subject("CN=api.strict.example.com,O=Evil Corp")
                .dns("api.strict.example.com", "admin.strict.example.com", "db.example.org")
                .san(new GeneralName(GeneralName.iPAddress, "192.168.1.1")).pem();
        Response response = post("/api/v1/certificates", token(STRICT),
                body("test-sub", csr, "SHA384WITHECDSA", 365));

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo("PolicyViolation");
        assertThat(problem.get("detail").asString()).isEqualTo("The policy of team 'policy-strict' denies this"
                + " request: 8 violations; see violations[]");
        assertThat(rules(problem.get("violations"))).containsExactly("authorities", "signingAlgorithms",
                "dns.deny", "dns.allow", "ip.allow", "maximumSans", "subject.allowed.O", "validity.maximum");
        JsonNode deny = problem.get("violations").get(2);
        assertThat(deny.get("field").asString()).isEqualTo("subjectAlternativeNames[1]");
        assertThat(deny.get("value").asString()).isEqualTo("DNS:admin.strict.example.com");
        assertThat(deny.get("message").asString()).contains("admin.strict.example.com");
        problem.get("violations").forEach(v -> assertThat(v.get("message").asString()).startsWith("The policy"));
        assertThat(recorded(STRICT)).isEqualTo(before);
    }

    @Test
    void allowedRequestIsIssued() {
        Response response = post("/api/v1/certificates", token(STRICT), allowedRequest());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void apiPassthroughCannotSmuggleADeniedName() {
        int before = recorded(STRICT);
        Map<String, Object> request = allowedRequest();
        request.put("templateArn", TEMPLATE + "EndEntityCertificate_APIPassthrough/V1");
        request.put("apiPassthrough", Map.of("extensions", Map.of("subjectAlternativeNames", List.of(
                Map.of("dnsName", "api.strict.example.com"), Map.of("dnsName", "payments.example.net")))));

        Response response = post("/api/v1/certificates", token(STRICT), request);

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        JsonNode violations = response.json().get("violations");
        assertThat(rules(violations)).containsExactly("dns.allow");
        assertThat(violations.get(0).get("value").asString()).isEqualTo("DNS:payments.example.net");
        assertThat(recorded(STRICT)).isEqualTo(before);
    }

    @Test
    void previewOfAnAllowedRequestShowsTheCertificateWithoutIssuingIt() {
        int before = recorded(STRICT);
        Instant start = Instant.now();
        Response response = post("/api/v1/certificates/preview", token(STRICT), allowedRequest());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("allowed").asBoolean()).isTrue();
        assertThat(json.get("violations")).isEmpty();
        assertThat(json.get("warnings")).isEmpty();
        assertThat(json.get("policyVersion").asString()).isEqualTo(currentVersion());
        JsonNode certificate = json.get("effectiveCertificate");
        assertThat(certificate.get("subject").asString()).isEqualTo("CN=api.strict.example.com,O=Example Corp");
        assertThat(certificate.get("subjectAlternativeNames").toString())
                .isEqualTo("[\"DNS:api.strict.example.com\",\"IP:10.1.2.3\"]");
        assertThat(certificate.get("authority").asString()).isEqualTo("test-ec");
        assertThat(certificate.get("signingAlgorithm").asString()).isEqualTo("SHA256WITHECDSA");
        assertThat(certificate.get("templateArn").asString()).isEqualTo(TEMPLATE + "EndEntityCertificate/V1");
        Instant notAfter = Instant.parse(certificate.get("notAfter").asString());
        assertThat(notAfter).isBetween(start.plus(Duration.ofDays(30)).minusSeconds(5),
                Instant.now().plus(Duration.ofDays(30)).plusSeconds(5));
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        certificate.get("extensions").forEach(e -> extensions.put(e.get("name").asString(), e));
        assertThat(extensions).containsKeys("BasicConstraints", "KeyUsage", "ExtendedKeyUsage",
                "SubjectAlternativeName", "SubjectKeyIdentifier", "AuthorityKeyIdentifier");
        assertThat(extensions.get("BasicConstraints").get("value").asString()).isEqualTo("CA:FALSE");
        assertThat(extensions.get("KeyUsage").get("critical").asBoolean()).isTrue();
        assertThat(extensions.get("KeyUsage").get("value").asString())
                .isEqualTo("digitalSignature, keyEncipherment");
        assertThat(extensions.get("ExtendedKeyUsage").get("value").asString()).isEqualTo("serverAuth, clientAuth");
        assertThat(extensions.get("SubjectAlternativeName").get("oid").asString()).isEqualTo("2.5.29.17");
        assertThat(extensions.get("SubjectAlternativeName").get("der").asString()).isNotBlank();
        assertThat(recorded(STRICT)).isEqualTo(before);
    }

    @Test
    void previewDoesNotConsumeTheIdempotencyToken() {
        Map<String, Object> request = allowedRequest();
        request.put("idempotencyToken", "preview-then-issue-" + System.nanoTime());

        Response preview = post("/api/v1/certificates/preview", token(STRICT), request);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        Response issued = post("/api/v1/certificates", token(STRICT), request);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void previewOfADeniedRequestListsTheViolationsAndTheWarnings() {
        Map<String, Object> request = body("test-ec", TestCsr.withSharedEcKey().subject("CN=api.strict.example.com")
                .dns("*.strict.example.com").pem(), "SHA256WITHECDSA", 120);
        // The base template ignores apiPassthrough: a warning, not a violation. The wildcard is refused, and it
        // would reach the denied admin.strict.example.com.
        request.put("apiPassthrough", Map.of("extensions", Map.of("subjectAlternativeNames", List.of(
                Map.of("dnsName", "evil.example.net")))));

        Response response = post("/api/v1/certificates/preview", token(STRICT), request);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("allowed").asBoolean()).isFalse();
        assertThat(rules(json.get("violations"))).containsExactly("dns.wildcards", "dns.deny", "validity.maximum");
        assertThat(json.get("warnings").toString()).contains("apiPassthrough is ignored");
        assertThat(json.get("effectiveCertificate").get("subjectAlternativeNames").toString())
                .isEqualTo("[\"DNS:*.strict.example.com\"]");
    }

    @Test
    void previewOfAnInvalidRequestIsTheUsualProblem() {
        Response malformed = post("/api/v1/certificates/preview", token(STRICT),
                body("test-ec", "not a CSR", "SHA256WITHECDSA", 30));
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("MalformedCSRException");

        Response readOnly = post("/api/v1/certificates/preview", token(STRICT, "certificates:read"),
                allowedRequest());
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(readOnly.json().get("code").asString()).isEqualTo("AccessDeniedException");
    }

    @Test
    void effectivePolicyOfTheCallersTeam() {
        Response response = get("/api/v1/policy", token(STRICT, "certificates:read"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("team").asString()).isEqualTo(STRICT);
        assertThat(json.get("teamSection").asBoolean()).isTrue();
        assertThat(json.get("version").asString()).isEqualTo(currentVersion()).hasSize(64);
        JsonNode policy = json.get("policy");
        assertThat(policy.get("authorities").toString()).isEqualTo("[\"test-ec\"]");
        assertThat(policy.get("dns").get("allow").toString()).isEqualTo("[\".strict.example.com\"]");
        assertThat(policy.get("dns").get("wildcards").asBoolean()).isFalse();
        assertThat(policy.get("validity").get("maximum").asString()).isEqualTo("90d");
        assertThat(policy.get("subject").get("allowed").get("O").get("values").toString())
                .isEqualTo("[\"Example Corp\"]");

        JsonNode other = get("/api/v1/policy", token("unlisted-team", "certificates:issue")).json();
        assertThat(other.get("teamSection").asBoolean()).isFalse();
        assertThat(other.get("policy").has("authorities")).isFalse();

        assertThat(get("/api/v1/policy", token(STRICT, "audit:read")).status()).isEqualTo(403);
        assertThat(get("/api/v1/policy", null).status()).isEqualTo(401);
    }

    @Test
    void goodChangeToThePolicyFileIsPickedUpWithoutARestart() throws IOException {
        Path file = PKI.policyFile();
        String original = Files.readString(file);
        Map<String, Object> twoNames = body("test-ec", TestCsr.withSharedEcKey().subject("CN=a.reload.example")
                .dns("a.reload.example", "b.reload.example").pem(), "SHA256WITHECDSA", 30);
        assertThat(rules(post("/api/v1/certificates/preview", token("policy-reload"), twoNames).json()
                .get("violations"))).containsExactly("maximumSans");
        String changed = original.replace("  policy-reload:\n    maximumSans: 1\n",
                "  policy-reload:\n    maximumSans: 2\n");
        assertThat(changed).isNotEqualTo(original);
        try {
            replace(file, changed);
            String expected = PolicyLoader.version(changed);
            awaitTrue(() -> expected.equals(currentVersion()));

            JsonNode policy = get("/api/v1/policy", token("policy-reload")).json().get("policy");
            assertThat(policy.get("maximumSans").asInt()).isEqualTo(2);
            JsonNode preview = post("/api/v1/certificates/preview", token("policy-reload"), twoNames).json();
            assertThat(preview.get("allowed").asBoolean()).as(preview.toString()).isTrue();
        } finally {
            replace(file, original);
            awaitTrue(() -> PolicyLoader.version(original).equals(currentVersion()));
        }
    }

    @Test
    void invalidChangeIsRefusedCountedAndTheLastGoodPolicyStays() throws IOException {
        Path file = PKI.policyFile();
        String original = Files.readString(file);
        String inForce = currentVersion();
        double failuresBefore = failures();
        try {
            replace(file, original.replace("    maximumSans: 1\n", "    maximumSans: lots\n"));
            awaitTrue(() -> failures() > failuresBefore);

            assertThat(failures()).isEqualTo(failuresBefore + 1);
            assertThat(currentVersion()).isEqualTo(inForce);
            Response denied = post("/api/v1/certificates", token(STRICT), body("test-ec", TestCsr.withSharedEcKey()
                    .subject("CN=x.example.org").dns("x.example.org").pem(), "SHA256WITHECDSA", 30));
            assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        } finally {
            replace(file, original);
        }
        // Back to the content in force: nothing to reload and nothing more to count.
        assertThat(currentVersion()).isEqualTo(inForce);
    }

    /** As an operator should: a new file renamed over the old one, so the gateway never reads half a file. */
    private static void replace(Path file, String content) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String currentVersion() {
        return get("/api/v1/policy", token(STRICT)).json().get("version").asString();
    }

    private double failures() {
        return meters.counter(PolicyService.RELOAD_FAILURES).count();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the policy file was not reloaded within 15 seconds");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
