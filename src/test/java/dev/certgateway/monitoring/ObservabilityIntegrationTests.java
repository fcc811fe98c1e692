package dev.certgateway.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.inventory.InventoryMetrics;
import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestCsr;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Health groups and the Prometheus scrape, as an operator's tools see them. */
class ObservabilityIntegrationTests extends IntegrationTestSupport {

    @Autowired
    InventoryMetrics inventoryMetrics;

    @Test
    void livenessAndReadinessGroupsAreUpAndReadinessReportsEachAuthority() {
        assertThat(get("/actuator/health/liveness", null).json().get("status").asString()).isEqualTo("UP");
        Response readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        JsonNode authorities = components.get("authorities");
        // One disabled and one expired authority do not make the gateway unready.
        assertThat(authorities.get("status").asString()).isEqualTo("UP");
        assertThat(authorities.get("details").get("test-disabled").get("status").asString()).isEqualTo("DISABLED");
        assertThat(authorities.get("details").get("test-expired").get("status").asString()).isEqualTo("EXPIRED");
        assertThat(authorities.get("details").get("test-ec").get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anIssuanceLogsOneLineThatNamesRequestTeamAuthorityAndCertificate(CapturedOutput output) {
        String team = "logs-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", "test-ec");
        body.put("csr", TestCsr.withSharedEcKey().subject("CN=logged").pem());
        body.put("signingAlgorithm", "SHA256WITHECDSA");
        body.put("validity", Map.of("value", 1, "type", "DAYS"));
        Response response = post("/api/v1/certificates", token(team), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String requestId = response.header("X-Request-Id");
        String certificateId = response.json().get("id").asString();

        // Plain text shows the context after the level (StructuredLoggingIntegrationTests covers JSON). The audit
        // line is the issuance's only line at INFO: a second one per certificate would double the log's volume.
        String context = "[" + requestId + " " + team + " test-ec]";
        assertThat(output.getOut().lines().filter(line -> line.contains(requestId) && line.contains(" INFO ")))
                .singleElement().asString()
                .contains(context, "audit ISSUED", "team=" + team, "certificate=" + certificateId);
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(get("/actuator/info", null).status()).isEqualTo(200);
        for (String hidden : new String[] {"env", "beans", "heapdump", "configprops", "loggers", "metrics"}) {
            assertThat(get("/actuator/" + hidden, null).status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void authorityGaugesAreScraped() {
        String scrape = get("/actuator/prometheus", null).body();
        assertThat(scrape).containsPattern(
                "certgw_authority_status\\{[^}]*authority=\"test-disabled\"[^}]*status=\"DISABLED\"[^}]*} 1");
        assertThat(scrape).containsPattern(
                "certgw_authority_status\\{[^}]*authority=\"test-ec\"[^}]*status=\"ACTIVE\"[^}]*} 1");
        assertThat(scrape).containsPattern(
                "certgw_authority_certificate_expiry_seconds\\{[^}]*authority=\"test-ec\"[^}]*} 2\\.8");
    }

    @Test
    void inventoryGaugesCountTheTeamsValidCertificates() {
        String team = "gauges-" + UUID.randomUUID();
        for (int days : new int[] {3, 20, 90}) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("certificateAuthorityArn", "test-ec");
            body.put("csr", TestCsr.withSharedEcKey().subject("CN=gauge").pem());
            body.put("signingAlgorithm", "SHA256WITHECDSA");
            body.put("validity", Map.of("value", days, "type", "DAYS"));
            assertThat(post("/api/v1/certificates", token(team), body).status()).isEqualTo(201);
        }
        inventoryMetrics.refresh();
        String scrape = get("/actuator/prometheus", null).body();
        assertThat(scrape).containsPattern("certgw_certificates_valid\\{[^}]*team=\"" + team + "\"[^}]*} 3\\.0");
        assertThat(scrape).containsPattern(
                "certgw_certificates_expiring\\{[^}]*team=\"" + team + "\"[^}]*within=\"7d\"[^}]*} 1\\.0");
        assertThat(scrape).containsPattern(
                "certgw_certificates_expiring\\{[^}]*team=\"" + team + "\"[^}]*within=\"30d\"[^}]*} 2\\.0");
    }
}
