package dev.certgateway.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** After issuing, replaying, being denied and being rejected, the scrape shows each with the right labels. */
class IssuanceMetricsIntegrationTests extends IntegrationTestSupport {

    /** The value of the first sample of {@code metric} whose labels include all of {@code labels}; 0 if none. */
    private double sample(String scrape, String metric, Map<String, String> labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(scrape);
        while (matcher.find()) {
            String found = matcher.group(1);
            if (labels.entrySet().stream().allMatch(e -> found.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }

    private String scrape() {
        return get("/actuator/prometheus", null).body();
    }

    @Test
    void issuedReplayedAndInvalidRequestsAreCountedWithTheirLabels() {
        String team = "metrics-" + UUID.randomUUID();
        // One body sent twice: an ECDSA-signed CSR differs each time it is built, and would be another request.
        Map<String, Object> body = oneDayRequest("m.example", "m-1");
        assertThat(post("/api/v1/certificates", token(team), body).status()).isEqualTo(201);
        assertThat(post("/api/v1/certificates", token(team), body).status()).isEqualTo(201);
        Map<String, Object> invalid = oneDayRequest("m.example", null);
        invalid.put("csr", "garbage");
        assertThat(post("/api/v1/certificates", token(team), invalid).status()).isEqualTo(400);

        String scrape = scrape();
        Map<String, String> issued = Map.of("team", team, "authority", "test-ec", "backend", "local",
                "template", "EndEntityCertificate", "outcome", "issued");
        assertThat(sample(scrape, "certgw_issuance_requests_total", issued)).isEqualTo(1.0);
        assertThat(sample(scrape, "certgw_issuance_requests_total", Map.of("team", team, "outcome", "replayed",
                "authority", "test-ec"))).isEqualTo(1.0);
        assertThat(sample(scrape, "certgw_issuance_requests_total", Map.of("team", team, "outcome", "invalid")))
                .isEqualTo(1.0);
        assertThat(sample(scrape, "certgw_idempotency_replays_total", Map.of("team", team))).isEqualTo(1.0);
        // The latency histogram has SLO buckets and counted the issued request.
        assertThat(scrape).containsPattern("certgw_issuance_duration_seconds_bucket\\{[^}]*le=\"0\\.025\"");
        assertThat(sample(scrape, "certgw_issuance_duration_seconds_count", Map.of("outcome", "issued",
                "backend", "local"))).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void everyRecordedIssuanceIsCountedInTheRecordsPerCommit() {
        String before = scrape();
        String team = "metrics-" + UUID.randomUUID();
        assertThat(post("/api/v1/certificates", token(team), oneDayRequest("c.example", "c-1")).status())
                .isEqualTo(201);

        String after = scrape();
        // Other tests may record at the same time: at least this one's record was counted, in a commit of >= 1.
        assertThat(sample(after, "certgw_issuance_records_per_commit_sum", Map.of())
                - sample(before, "certgw_issuance_records_per_commit_sum", Map.of())).isGreaterThanOrEqualTo(1.0);
        assertThat(sample(after, "certgw_issuance_records_per_commit_count", Map.of())
                - sample(before, "certgw_issuance_records_per_commit_count", Map.of())).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void policyDenialsAreCountedPerRule() {
        Map<String, String> dnsDenials = Map.of("team", "policy-strict", "rule", "dns.allow");
        Map<String, String> denied = Map.of("team", "policy-strict", "outcome", "denied", "authority", "test-ec");
        String before = scrape();
        double dnsBefore = sample(before, "certgw_policy_denials_total", dnsDenials);
        double deniedBefore = sample(before, "certgw_issuance_requests_total", denied);

        Response response = post("/api/v1/certificates", token("policy-strict"), oneDayRequest("www.elsewhere.example", null));
        assertThat(response.status()).as(response.toString()).isEqualTo(403);

        String after = scrape();
        assertThat(sample(after, "certgw_policy_denials_total", dnsDenials)).isEqualTo(dnsBefore + 1);
        assertThat(sample(after, "certgw_issuance_requests_total", denied)).isEqualTo(deniedBefore + 1);
    }

    @Test
    void idempotencyConflictsAreCountedByKind() {
        String team = "metrics-" + UUID.randomUUID();
        post("/api/v1/certificates", token(team), oneDayRequest("c.example", "c-1"));
        Response reused = post("/api/v1/certificates", token(team), oneDayRequest("other.example", "c-1"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(sample(scrape(), "certgw_idempotency_conflicts_total", Map.of("team", team, "kind", "reused")))
                .isEqualTo(1.0);
    }
}
