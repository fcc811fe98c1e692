package dev.certgateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.authority.BackendException;
import dev.certgateway.error.ErrorCode;
import dev.certgateway.testsupport.ControllableAuthority;
import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestCsr;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The idempotency contract over HTTP, on the real database. Each test uses its own team. */
class IdempotencyIntegrationTests extends IntegrationTestSupport {

    @Autowired
    @Qualifier("controllableAuthority")
    ControllableAuthority controlled;

    @Autowired
    @Qualifier("inProcessControllableAuthority")
    ControllableAuthority controlledInProcess;

    @Autowired
    ExpiredTokenCleanup cleanup;

    @Autowired
    JdbcClient jdbc;

    private final String team = "idem-" + UUID.randomUUID();
    private final String csr = TestCsr.withSharedEcKey().subject("CN=idempotent.example").pem();

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private Map<String, Object> request(String authority, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", authority);
        body.put("csr", csr);
        body.put("signingAlgorithm", "SHA256WITHECDSA");
        body.put("validity", Map.of("value", 7, "type", "DAYS"));
        if (token != null) {
            body.put("idempotencyToken", token);
        }
        return body;
    }

    private int certificatesOf(String team) {
        return get("/api/v1/certificates?maxResults=100", token(team)).json().get("certificates").size();
    }

    @Test
    void sameTokenAndRequestReplaysTheFirstCertificate() {
        Response first = post("/api/v1/certificates", token(team), request("test-ec", "order-1"));
        Response second = post("/api/v1/certificates", token(team), request("test-ec", "order-1"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(certificatesOf(team)).isEqualTo(1);
    }

    @Test
    void headerTokenIsTheSameTokenAndEquivalentSpellingsAreTheSameRequest() {
        Response byAlias = send(HttpRequest.newBuilder(uri("/api/v1/certificates"))
                .header("Authorization", "Bearer " + token(team)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "\"hdr-1\"")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request("test-ec", null)))));
        assertThat(byAlias.status()).as(byAlias.toString()).isEqualTo(201);
        String arn = byAlias.json().get("certificateAuthorityArn").asString();

        Response byArnInBody = post("/api/v1/certificates", token(team), request(arn, "hdr-1"));
        assertThat(byArnInBody.status()).isEqualTo(201);
        assertThat(byArnInBody.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(byArnInBody.json().get("id")).isEqualTo(byAlias.json().get("id"));
    }

    @Test
    void bodyAndHeaderTokensThatDifferAreRejected() {
        Response response = send(HttpRequest.newBuilder(uri("/api/v1/certificates"))
                .header("Authorization", "Bearer " + token(team)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "other")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request("test-ec", "mine")))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("InvalidArgsException");
        assertThat(response.json().get("detail").asString()).contains("Idempotency-Key");
        assertThat(certificatesOf(team)).isZero();
    }

    @Test
    void sameTokenWithADifferentRequestIs422AndIssuesNothing() {
        assertThat(post("/api/v1/certificates", token(team), request("test-ec", "reused")).status()).isEqualTo(201);
        Map<String, Object> different = request("test-ec", "reused");
        different.put("validity", Map.of("value", 8, "type", "DAYS"));

        Response response = post("/api/v1/certificates", token(team), different);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("IdempotencyTokenReused");
        assertThat(response.json().get("detail").asString()).contains("'reused'");
        assertThat(certificatesOf(team)).isEqualTo(1);
    }

    @Test
    void tokensAreScopedToTheTeam() {
        String otherTeam = team + "-other";
        Response mine = post("/api/v1/certificates", token(team), request("test-ec", "shared-token"));
        Response theirs = post("/api/v1/certificates", token(otherTeam), request("test-ec", "shared-token"));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
    }

    @Test
    void afterTheWindowTheTokenIssuesANewCertificate() {
        Response first = post("/api/v1/certificates", token(team), request("test-ec", "windowed"));
        CLOCK.advance(Duration.ofMinutes(4));
        Response within = post("/api/v1/certificates", token(team), request("test-ec", "windowed"));
        assertThat(within.header("Idempotent-Replayed")).isEqualTo("true");

        CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));
        Response after = post("/api/v1/certificates", token(team), request("test-ec", "windowed"));
        assertThat(after.status()).isEqualTo(201);
        assertThat(after.header("Idempotent-Replayed")).isNull();
        assertThat(after.json().get("serialNumber")).isNotEqualTo(first.json().get("serialNumber"));
        assertThat(certificatesOf(team)).isEqualTo(2);
    }

    @Test
    void aRejectedRequestConsumesNothing() {
        Map<String, Object> invalid = request("test-ec", "first-try");
        invalid.put("csr", "not a csr");
        assertThat(post("/api/v1/certificates", token(team), invalid).status()).isEqualTo(400);

        Response valid = post("/api/v1/certificates", token(team), request("test-ec", "first-try"));
        assertThat(valid.status()).as(valid.toString()).isEqualTo(201);
        assertThat(valid.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRequestStillRunningIs409WithRetryAfter() throws Exception {
        CountDownLatch gate = controlled.holdNext();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() ->
                post("/api/v1/certificates", token(team), request(ControllableAuthority.ALIAS, "slow")));
        controlled.awaitEntered();

        Response concurrent = post("/api/v1/certificates", token(team), request(ControllableAuthority.ALIAS, "slow"));
        assertThat(concurrent.status()).isEqualTo(409);
        assertThat(concurrent.json().get("code").asString()).isEqualTo("IdempotencyTokenInProgress");
        assertThat(Integer.parseInt(concurrent.header("Retry-After"))).isBetween(1, 30);

        gate.countDown();
        assertThat(first.get().status()).isEqualTo(201);
        Response retried = post("/api/v1/certificates", token(team), request(ControllableAuthority.ALIAS, "slow"));
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("id")).isEqualTo(first.get().json().get("id"));
    }

    /**
     * The local signer claims the token in the statement that records the certificate: identical requests racing
     * each other all get the one certificate (none a 409), and one certificate and one ISSUED event are recorded.
     */
    @Test
    void racingRequestsWithOneTokenToTheLocalSignerAllGetTheOneCertificate() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(senders.submit(() -> post("/api/v1/certificates", token(team), request("test-ec", "raced"))));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> response : sent) {
                responses.add(response.get());
            }
            assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString())
                    .isEqualTo(201));
            assertThat(responses.stream().map(response -> response.json().get("id").asString()).distinct())
                    .hasSize(1);
            assertThat(responses.stream().filter(response -> response.header("Idempotent-Replayed") == null))
                    .hasSize(1);
        } finally {
            senders.shutdown();
        }
        assertThat(certificatesOf(team)).isEqualTo(1);
        assertThat(auditedActions()).containsExactlyInAnyOrder("ISSUED", "REPLAYED", "REPLAYED", "REPLAYED",
                "REPLAYED", "REPLAYED", "REPLAYED", "REPLAYED");
    }

    /**
     * A local signer holds no claim while it signs: a retry that overtakes a slow first request is recorded, and
     * the first request, finding the token completed when it records, answers with the retry's certificate.
     */
    @Test
    void theLocalSignerClaimsTheTokenOnlyWithTheRecord() throws Exception {
        String authority = ControllableAuthority.IN_PROCESS_ALIAS;
        CountDownLatch gate = controlledInProcess.holdNext();
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() ->
                post("/api/v1/certificates", token(team), request(authority, "overtaken")));
        controlledInProcess.awaitEntered();
        assertThat(jdbc.sql("select count(*) from idempotency_token where team = :team")
                .param("team", team).query(Integer.class).single()).isZero();

        Response retry = post("/api/v1/certificates", token(team), request(authority, "overtaken"));
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        gate.countDown();

        Response first = slow.get();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.json().get("id")).isEqualTo(retry.json().get("id"));
        assertThat(controlledInProcess.signatures()).isEqualTo(2);
        assertThat(certificatesOf(team)).isEqualTo(1);
        assertThat(auditedActions()).containsExactlyInAnyOrder("ISSUED", "REPLAYED");
    }

    /**
     * A token whose claim is still held (as by a request to a backend that answers later) is 409 for the local
     * signer too, which then records nothing; after the lease the same request takes the token over.
     */
    @Test
    void aTokenClaimedElsewhereIs409ForTheLocalSignerUntilItsLeaseEnds() {
        Response first = post("/api/v1/certificates", token(team), request("test-ec", "held"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        jdbc.sql("""
                        update idempotency_token set state = 'IN_PROGRESS', certificate_id = null, lease_until = :lease
                        where team = :team and token = 'held'""")
                .param("lease", Timestamp.from(CLOCK.instant().plusSeconds(30)))
                .param("team", team)
                .update();

        Response held = post("/api/v1/certificates", token(team), request("test-ec", "held"));
        assertThat(held.status()).as(held.toString()).isEqualTo(409);
        assertThat(held.json().get("code").asString()).isEqualTo("IdempotencyTokenInProgress");
        assertThat(held.header("Retry-After")).isNotNull();
        assertThat(certificatesOf(team)).isEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(31));
        Response takeover = post("/api/v1/certificates", token(team), request("test-ec", "held"));
        assertThat(takeover.status()).as(takeover.toString()).isEqualTo(201);
        assertThat(takeover.header("Idempotent-Replayed")).isNull();
        assertThat(takeover.json().get("id")).isNotEqualTo(first.json().get("id"));
        assertThat(jdbc.sql("select certificate_id::text from idempotency_token where team = :team")
                .param("team", team).query(String.class).single()).isEqualTo(takeover.json().get("id").asString());
        assertThat(certificatesOf(team)).isEqualTo(2);
        assertThat(auditedActions()).containsExactlyInAnyOrder("ISSUED", "ISSUED");
    }

    private List<String> auditedActions() {
        return jdbc.sql("select action from audit_event where team = :team").param("team", team)
                .query(String.class).list();
    }

    /**
     * A request whose lease ran out while it was signing has lost its token to the retry that took it over: the
     * retry's certificate is the one recorded, and the slow request's certificate, audit event and completion are
     * not written at all.
     */
    @Test
    void aRequestThatLostItsClaimRecordsNothing() throws Exception {
        CountDownLatch gate = controlled.holdNext();
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() ->
                post("/api/v1/certificates", token(team), request(ControllableAuthority.ALIAS, "lapsed")));
        controlled.awaitEntered();
        CLOCK.advance(Duration.ofSeconds(31));

        Response takeover = post("/api/v1/certificates", token(team), request(ControllableAuthority.ALIAS, "lapsed"));
        assertThat(takeover.status()).as(takeover.toString()).isEqualTo(201);
        gate.countDown();

        Response lost = slow.get();
        assertThat(lost.status()).as(lost.toString()).isEqualTo(409);
        assertThat(lost.json().get("code").asString()).isEqualTo("IdempotencyTokenInProgress");
        assertThat(controlled.signatures()).isGreaterThanOrEqualTo(2);
        assertThat(certificatesOf(team)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where team = :team and action = 'ISSUED'")
                .param("team", team).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select certificate_id::text from idempotency_token where team = :team")
                .param("team", team).query(String.class).single())
                .isEqualTo(takeover.json().get("id").asString());
        Response retried = post("/api/v1/certificates", token(team), request(ControllableAuthority.ALIAS, "lapsed"));
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("id")).isEqualTo(takeover.json().get("id"));
    }

    /** Without a token the certificate and its ISSUED audit event are written together, by the same statement. */
    @Test
    void withoutATokenTheCertificateAndItsAuditEventAreRecorded() {
        Response issued = post("/api/v1/certificates", token(team), request("test-ec", null));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(jdbc.sql("select certificate_id::text from audit_event where team = :team and action = 'ISSUED'")
                .param("team", team).query(String.class).list()).containsExactly(issued.json().get("id").asString());
        assertThat(jdbc.sql("select count(*) from idempotency_token where team = :team")
                .param("team", team).query(Integer.class).single()).isZero();
    }

    @Test
    void aRetryableBackendFailureReleasesTheToken() {
        controlled.failNext(new BackendException(ErrorCode.ServiceUnavailable,
                "The backend is temporarily unavailable; retry.", true, null));
        Response failed = post("/api/v1/certificates", token(team), request(ControllableAuthority.ALIAS, "flaky"));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().get("code").asString()).isEqualTo("ServiceUnavailable");

        Response retried = post("/api/v1/certificates", token(team), request(ControllableAuthority.ALIAS, "flaky"));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(certificatesOf(team)).isEqualTo(1);
    }

    @Test
    void theCleanupJobDeletesExpiredTokensOnly() {
        post("/api/v1/certificates", token(team), request("test-ec", "old-1"));
        post("/api/v1/certificates", token(team), request("test-ec", "old-2"));
        CLOCK.advance(Duration.ofMinutes(3));
        post("/api/v1/certificates", token(team), request("test-ec", "young"));
        CLOCK.advance(Duration.ofMinutes(2).plusSeconds(30));

        cleanup.run();

        assertThat(jdbc.sql("select token from idempotency_token where team = :team order by token")
                .param("team", team).query(String.class).list()).containsExactly("young");
        assertThat(certificatesOf(team)).isEqualTo(3);
    }
}
