package dev.certgateway.issuance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.certgateway.testsupport.AcmPcaFake;
import dev.certgateway.testsupport.AcmPcaIntegrationTestSupport;
import dev.certgateway.testsupport.Certificates;
import dev.certgateway.testsupport.TestCsr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Issuance through the ACM PCA backend: the real AWS SDK client against ACM PCA's JSON protocol. */
class AcmPcaIssuanceIntegrationTests extends AcmPcaIntegrationTestSupport {

    @Autowired
    @Qualifier("acmPca")
    HealthIndicator acmPcaHealth;

    static Map<String, Object> body(String csr) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", "test-acmpca");
        body.put("csr", csr);
        body.put("signingAlgorithm", "SHA384WITHECDSA");
        body.put("validity", Map.of("value", 30, "type", "DAYS"));
        return body;
    }

    static String team() {
        return "acm-" + UUID.randomUUID();
    }

    private JsonNode certificates(String team) {
        return get("/api/v1/certificates?maxResults=100", token(team)).json().get("certificates");
    }

    @Test
    void issuedAfterSeveralInProgressAnswersIsCreatedAndRecordedWithAcmPcasArn() throws Exception {
        ACM.inProgressAnswers(2);
        TestCsr csr = TestCsr.withSharedEcKey().subject("CN=acm.example").dns("acm.example");
        String team = team();
        int polledBefore = ACM.requests("GetCertificate").size();

        String csrPem = csr.pem();
        Response response = post("/api/v1/certificates", token(team), body(csrPem));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.get("status").asString()).isEqualTo("ISSUED");
        String arn = json.get("certificateArn").asString();
        assertThat(arn).startsWith(AcmPcaFake.ACTIVE_ARN + "/certificate/");
        assertThat(json.get("certificateAuthorityArn").asString()).isEqualTo(AcmPcaFake.ACTIVE_ARN);
        X509CertificateHolder certificate = Certificates.parseOne(json.get("certificate").asString());
        assertThat(certificate.getSubjectPublicKeyInfo())
                .isEqualTo(SubjectPublicKeyInfo.getInstance(csr.key().getPublic().getEncoded()));
        List<X509CertificateHolder> chain = Certificates.parsePem(json.get("certificateChain").asString());
        assertThat(chain).containsExactlyElementsOf(PKI.chain("test-sub"));
        Certificates.pkixValidate(certificate, chain);
        // Two "in progress" answers, then the certificate: three polls for this ARN.
        assertThat(ACM.requests("GetCertificate").stream().skip(polledBefore)
                .filter(r -> r.get("CertificateArn").asString().equals(arn))).hasSize(3);

        JsonNode issueRequest = last(ACM.requests("IssueCertificate"));
        // The caller's CSR as PEM, as ACM PCA expects it: same DER, whatever the line breaks.
        assertThat(new String(java.util.Base64.getDecoder().decode(issueRequest.get("Csr").asString()))
                .replaceAll("\\s", "")).isEqualTo(csrPem.replaceAll("\\s", ""));
        assertThat(issueRequest.get("SigningAlgorithm").asString()).isEqualTo("SHA384WITHECDSA");
        assertThat(issueRequest.get("TemplateArn").asString())
                .isEqualTo("arn:aws:acm-pca:::template/EndEntityCertificate/V1");
        assertThat(issueRequest.get("Validity").toString()).isEqualTo("{\"Value\":30,\"Type\":\"DAYS\"}");

        Response fetched = get(response.header("Location"), token(team));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(json);
        assertThat(certificates(team)).hasSize(1);
    }

    @Test
    void notIssuedWithinTheDeadlineIsAcceptedThenCompletedByGet() {
        ACM.hold();
        String team = team();
        Response accepted = post("/api/v1/certificates", token(team),
                body(TestCsr.withSharedEcKey().subject("CN=slow.example").pem()));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).isEqualTo("/api/v1/certificates/" + accepted.json().get("id").asString());
        assertThat(accepted.header("Retry-After")).isEqualTo("1");
        assertThat(accepted.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(accepted.json().get("certificate").isNull()).isTrue();
        assertThat(accepted.json().get("certificateArn").asString()).startsWith(AcmPcaFake.ACTIVE_ARN);

        Response stillPending = get(location, token(team));
        assertThat(stillPending.status()).isEqualTo(202);
        assertThat(stillPending.header("Retry-After")).isEqualTo("1");
        assertThat(certificates(team).get(0).get("status").asString()).isEqualTo("PENDING");

        ACM.release();
        Response done = get(location, token(team));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("ISSUED");
        assertThat(Certificates.parseOne(done.json().get("certificate").asString()).getSubject().toString())
                .isEqualTo("CN=slow.example");
        assertThat(get(location, token(team)).json()).isEqualTo(done.json());
        // Another team cannot see it, pending or not.
        assertThat(get(location, token(team())).status()).isEqualTo(404);
    }

    @Test
    void aPendingCertificateIsReplayedForItsTokenAndNeverRequestedTwice() {
        ACM.hold();
        String team = team();
        Map<String, Object> request = body(TestCsr.withSharedEcKey().subject("CN=replayed.example").pem());
        request.put("idempotencyToken", "retry-me");
        int issuedBefore = ACM.requests("IssueCertificate").size();

        Response first = post("/api/v1/certificates", token(team), request);
        Response again = post("/api/v1/certificates", token(team), request);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        ACM.release();
        Response third = post("/api/v1/certificates", token(team), request);
        assertThat(third.status()).as(third.toString()).isEqualTo(201);
        assertThat(third.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(third.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(ACM.requests("IssueCertificate")).hasSize(issuedBefore + 1);
    }

    static Stream<Arguments> acmPcaErrors() {
        return Stream.of(
                Arguments.of("fail/invalid-args", "InvalidArgsException", 400),
                Arguments.of("fail/malformed-csr", "MalformedCSRException", 400),
                Arguments.of("fail/invalid-arn", "InvalidArnException", 400),
                Arguments.of("fail/resource-not-found", "ResourceNotFoundException", 404),
                Arguments.of("fail/invalid-state", "InvalidStateException", 409),
                Arguments.of("fail/limit-exceeded", "LimitExceededException", 429),
                Arguments.of("fail/request-failed", "RequestFailedException", 502),
                Arguments.of("fail/access-denied-is-the-gateways-problem", "AccessDeniedException", 502));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acmPcaErrors")
    void acmPcaErrorsReachTheCallerWithTheirCodeAndNothingIsRecorded(String name, String type, int status) {
        stub(AcmPcaFake.operation("IssueCertificate").atPriority(1)
                .willReturn(AcmPcaFake.error(400, type, "ACM PCA says no: " + name)));
        String team = team();
        Map<String, Object> request = body(TestCsr.withSharedEcKey().subject("CN=refused.example").pem());
        request.put("idempotencyToken", "after-failure");

        Response response = post("/api/v1/certificates", token(team), request);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String expectedCode = type.equals("AccessDeniedException") ? "RequestFailedException" : type;
        assertThat(response.json().get("code").asString()).isEqualTo(expectedCode);
        if (!type.equals("AccessDeniedException")) {
            assertThat(response.json().get("detail").asString()).contains("ACM PCA says no: " + name);
        }
        if (status == 429) {
            assertThat(response.header("Retry-After")).isNotNull();
        }
        assertThat(certificates(team)).isEmpty();

        // The failure released the token: the same request succeeds once ACM PCA does.
        resetAcmPca();
        Response retried = post("/api/v1/certificates", token(team), request);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void throttlingIsRetriedByTheSdkWithTheSameTokenThenSucceeds() {
        stub(AcmPcaFake.operation("IssueCertificate").atPriority(1).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("once")
                .willReturn(AcmPcaFake.error(400, "ThrottlingException", "Rate exceeded")));
        stub(AcmPcaFake.operation("IssueCertificate").atPriority(1).inScenario("throttle")
                .whenScenarioStateIs("once").willSetStateTo("done")
                .willReturn(AcmPcaFake.error(400, "ThrottlingException", "Rate exceeded")));
        int before = ACM.requests("IssueCertificate").size();
        double retriedBefore = backendCalls("IssueCertificate", "retried");
        double throttledBefore = backendCalls("IssueCertificate", "throttled");

        Response response = post("/api/v1/certificates", token(team()),
                body(TestCsr.withSharedEcKey().subject("CN=throttled.example").pem()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        // Operators see the retries in the metrics; the call itself succeeded, so it is not counted as throttled.
        assertThat(backendCalls("IssueCertificate", "retried")).isEqualTo(retriedBefore + 2);
        assertThat(backendCalls("IssueCertificate", "throttled")).isEqualTo(throttledBefore);
        List<JsonNode> attempts = ACM.requests("IssueCertificate").subList(before, before + 3);
        assertThat(attempts).extracting(a -> a.get("IdempotencyToken").asString()).containsOnly(
                attempts.get(0).get("IdempotencyToken").asString());
    }

    @Test
    void throttledBeyondTheRetriesIsTooManyRequestsWithRetryAfter() {
        stub(AcmPcaFake.operation("IssueCertificate").atPriority(1)
                .willReturn(AcmPcaFake.error(400, "ThrottlingException", "Rate exceeded")));
        String team = team();

        Response response = post("/api/v1/certificates", token(team),
                body(TestCsr.withSharedEcKey().subject("CN=throttled.example").pem()));

        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(backendCalls("IssueCertificate", "throttled")).isPositive();
        assertThat(response.json().get("code").asString()).isEqualTo("ThrottlingException");
        assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
        assertThat(certificates(team)).isEmpty();
    }

    @Test
    void noAnswerInTimeIsAGatewayTimeout() {
        stub(AcmPcaFake.operation("IssueCertificate").atPriority(1)
                .willReturn(aResponse().withFixedDelay(4000).withStatus(200)));
        String team = team();

        Response response = post("/api/v1/certificates", token(team),
                body(TestCsr.withSharedEcKey().subject("CN=slow.example").pem()));

        assertThat(response.status()).as(response.toString()).isEqualTo(504);
        assertThat(response.json().get("code").asString()).isEqualTo("RequestTimeout");
        assertThat(certificates(team)).isEmpty();
    }

    @Test
    void aBrokenConnectionIsServiceUnavailable() {
        stub(AcmPcaFake.operation("IssueCertificate").atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String team = team();

        Response response = post("/api/v1/certificates", token(team),
                body(TestCsr.withSharedEcKey().subject("CN=reset.example").pem()));

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().get("code").asString()).isEqualTo("ServiceUnavailable");
        assertThat(certificates(team)).isEmpty();
    }

    @Test
    void disabledAndMissingCasAreListedAndRefuseBeforeAnythingIsSent() {
        Map<String, JsonNode> byAlias = new LinkedHashMap<>();
        get("/api/v1/authorities", token("payments")).json().get("authorities")
                .forEach(a -> byAlias.put(a.get("alias").asString(), a));
        JsonNode active = byAlias.get("test-acmpca");
        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(active.get("arn").asString()).isEqualTo(AcmPcaFake.ACTIVE_ARN);
        assertThat(active.get("keyAlgorithm").asString()).isEqualTo("EC_secp384r1");
        assertThat(Certificates.parsePem(active.get("certificateChain").asString()))
                .containsExactlyElementsOf(PKI.chain("test-sub"));
        assertThat(byAlias.get("test-acmpca-disabled").get("status").asString()).isEqualTo("DISABLED");
        assertThat(byAlias.get("test-acmpca-missing").get("status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(byAlias.get("test-acmpca-missing").get("certificate").isNull()).isTrue();

        int issuedBefore = ACM.requests("IssueCertificate").size();
        Map<String, Object> request = body(TestCsr.withSharedEcKey().subject("CN=x").pem());
        request.put("certificateAuthorityArn", "test-acmpca-disabled");
        Response disabled = post("/api/v1/certificates", token("payments"), request);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(409);
        assertThat(disabled.json().get("code").asString()).isEqualTo("InvalidStateException");

        request.put("certificateAuthorityArn", AcmPcaFake.MISSING_ARN);
        Response missing = post("/api/v1/certificates", token("payments"), request);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(503);
        assertThat(ACM.requests("IssueCertificate")).hasSize(issuedBefore);

        // The gateway stays up for its other authorities; health names the one it cannot use, and why.
        Health health = acmPcaHealth.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        @SuppressWarnings("unchecked")
        Map<String, Object> missingDetail = (Map<String, Object>) health.getDetails().get("test-acmpca-missing");
        assertThat(missingDetail.get("status")).isEqualTo("UNAVAILABLE");
        assertThat((String) missingDetail.get("problem")).contains("ResourceNotFoundException");
    }

    @Test
    void aRequestTheGatewayRejectsNeverReachesAcmPca() {
        int issuedBefore = ACM.requests("IssueCertificate").size();
        Map<String, Object> request = body(TestCsr.withSharedEcKey().subject("CN=x").pem());
        request.put("signingAlgorithm", "SHA256WITHRSA");
        Response wrongFamily = post("/api/v1/certificates", token("payments"), request);
        request.put("signingAlgorithm", "SHA384WITHECDSA");
        request.put("csr", "not a csr");
        Response malformed = post("/api/v1/certificates", token("payments"), request);

        assertThat(wrongFamily.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("MalformedCSRException");
        assertThat(ACM.requests("IssueCertificate")).hasSize(issuedBefore);
    }

    @Test
    void twoTeamsWithTheSameTokenSendDifferentAcmPcaTokens() {
        String csr = TestCsr.withSharedEcKey().subject("CN=shared-token.example").pem();
        Map<String, Object> request = body(csr);
        request.put("idempotencyToken", "deploy-42");
        int before = ACM.requests("IssueCertificate").size();

        Response first = post("/api/v1/certificates", token(team()), request);
        Response second = post("/api/v1/certificates", token(team()), request);
        request.remove("idempotencyToken");
        Response untokenedA = post("/api/v1/certificates", token("payments"), request);
        Response untokenedB = post("/api/v1/certificates", token("payments"), request);

        assertThat(List.of(first, second, untokenedA, untokenedB)).allSatisfy(
                r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(first.json().get("certificateArn")).isNotEqualTo(second.json().get("certificateArn"));
        List<String> tokens = ACM.requests("IssueCertificate").subList(before, before + 4).stream()
                .map(r -> r.get("IdempotencyToken").asString()).toList();
        assertThat(tokens).doesNotHaveDuplicates().allSatisfy(t -> {
            assertThat(t).hasSizeLessThanOrEqualTo(36).doesNotContain("deploy-42");
            assertThat(t).matches("[A-Za-z0-9_-]+");
        });
    }

    @Test
    void aCertificateForAnotherKeyIsNeverHandedOut() {
        ACM.foreignKeyNext();
        String team = team();

        Response response = post("/api/v1/certificates", token(team),
                body(TestCsr.withSharedEcKey().subject("CN=mixed-up.example").pem()));

        assertThat(response.status()).as(response.toString()).isEqualTo(502);
        assertThat(response.json().get("code").asString()).isEqualTo("RequestFailedException");
        assertThat(response.json().get("detail").asString()).contains("public key is not the CSR's");
        assertThat(response.body()).doesNotContain("BEGIN CERTIFICATE");
        JsonNode recorded = certificates(team);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get("status").asString()).isEqualTo("FAILED");
        Response fetched = get("/api/v1/certificates/" + recorded.get(0).get("id").asString(), token(team));
        assertThat(fetched.status()).isEqualTo(502);
        assertThat(fetched.body()).doesNotContain("BEGIN CERTIFICATE");
    }

    private static JsonNode last(List<JsonNode> nodes) {
        return nodes.get(nodes.size() - 1);
    }

    /** The scraped count of ACM PCA calls of the test authority with this operation and outcome. */
    private double backendCalls(String operation, String outcome) {
        Matcher matcher = Pattern.compile(
                "^certgw_backend_calls_total\\{([^}]*)} (\\S+)$", Pattern.MULTILINE)
                .matcher(get("/actuator/prometheus", null).body());
        while (matcher.find()) {
            String labels = matcher.group(1);
            if (labels.contains("operation=\"" + operation + "\"") && labels.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
