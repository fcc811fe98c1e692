package dev.certgateway.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every issuance, replay and denial leaves an audit event that security teams can page through. */
class AuditIntegrationTests extends IntegrationTestSupport {

    private static String auditor() {
        return token("security", "audit:read");
    }

    @Test
    void issuanceAndReplayAreAuditedWithTheCertificate() {
        String team = "audited-" + UUID.randomUUID();
        Map<String, Object> body = oneDayRequest("a.example", "audit-1");
        Response issued = post("/api/v1/certificates", token(team), body);
        assertThat(post("/api/v1/certificates", token(team), body).header("Idempotent-Replayed")).isEqualTo("true");
        JsonNode certificate = issued.json();

        Response page = get("/api/v1/audit?team=" + team, auditor());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode events = page.json().get("events");
        assertThat(events).hasSize(2);
        JsonNode replay = events.get(0);
        JsonNode issue = events.get(1);
        assertThat(replay.get("action").asString()).isEqualTo("REPLAYED");
        assertThat(issue.get("action").asString()).isEqualTo("ISSUED");
        assertThat(issue.get("team").asString()).isEqualTo(team);
        assertThat(issue.get("requester").asString()).isEqualTo(team + "-user");
        assertThat(issue.get("authority").asString()).isEqualTo("test-ec");
        assertThat(issue.get("serialNumber").asString()).isEqualTo(certificate.get("serialNumber").asString());
        assertThat(issue.get("certificateId").asString()).isEqualTo(certificate.get("id").asString());
        assertThat(issue.get("subjectAlternativeNames").toString()).contains("DNS:a.example");
        assertThat(issue.get("sha256Fingerprint").asString()).hasSize(64);
        assertThat(issue.get("requestId").asString()).isEqualTo(issued.header("X-Request-Id"));
        assertThat(replay.get("certificateId").asString()).isEqualTo(certificate.get("id").asString());
        // Time-ordered ids (version 7): events sit together in the primary-key index in the order they happen.
        assertThat(java.util.UUID.fromString(issue.get("id").asString()).version()).isEqualTo(7);
        assertThat(java.util.UUID.fromString(replay.get("id").asString()).version()).isEqualTo(7);
    }

    @Test
    void denialsAreAuditedWithEveryReason() {
        Response denied = post("/api/v1/certificates", token("policy-strict"), oneDayRequest("nope.elsewhere.example", null));
        assertThat(denied.status()).isEqualTo(403);
        JsonNode events = get("/api/v1/audit?team=policy-strict&maxResults=50", auditor()).json().get("events");
        JsonNode event = null;
        for (JsonNode candidate : events) {
            if (denied.header("X-Request-Id").equals(candidate.get("requestId").asString())) {
                event = candidate;
            }
        }
        assertThat(event).as("audit event of the denied request").isNotNull();
        assertThat(event.get("action").asString()).isEqualTo("DENIED");
        assertThat(event.get("certificateId").isNull()).isTrue();
        assertThat(event.get("reasons").toString()).contains("dns").contains("nope.elsewhere.example");
    }

    @Test
    void theTrailIsPagedNewestFirstAndNeedsTheAuditScope() {
        String team = "audit-pages-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            post("/api/v1/certificates", token(team), oneDayRequest("p" + i + ".example", null));
        }
        List<String> subjects = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = get("/api/v1/audit?team=" + team + "&maxResults=2"
                    + (next == null ? "" : "&nextToken=" + next), auditor()).json();
            page.get("events").forEach(e -> subjects.add(e.get("subject").asString()));
            next = page.get("nextToken").isNull() ? null : page.get("nextToken").asString();
        } while (next != null);
        assertThat(subjects).containsExactly("CN=p2.example", "CN=p1.example", "CN=p0.example");

        Response forbidden = get("/api/v1/audit", token(team));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("detail").asString()).contains("audit:read");
    }
}
