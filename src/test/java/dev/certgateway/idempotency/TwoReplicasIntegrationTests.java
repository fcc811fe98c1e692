package dev.certgateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.CertGatewayApplication;
import dev.certgateway.testsupport.TestAuthorities;
import dev.certgateway.testsupport.TestCsr;
import dev.certgateway.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two gateway replicas (two application contexts, two HTTP ports) on one database: one token fired 50 times
 * at once across both yields exactly one certificate.
 */
class TwoReplicasIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestAuthorities PKI = TestAuthorities.get();
    private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicas() {
        TestDatabase.Connection database = TestDatabase.forTests();
        Map<String, Object> properties = new HashMap<>(PKI.properties());
        properties.put("spring.datasource.url", database.jdbcUrl());
        if (database.username() != null) {
            properties.put("spring.datasource.username", database.username());
        }
        if (database.password() != null) {
            properties.put("spring.datasource.password", database.password());
        }
        properties.put("server.port", "0");
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(CertGatewayApplication.class)
                    .properties(properties).run();
            replicas.add(context);
            ports.add(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        }
    }

    @AfterAll
    static void stopReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void fiftyConcurrentRequestsWithOneTokenAcrossTwoReplicasIssueExactlyOneCertificate() throws Exception {
        String team = "replicas-" + UUID.randomUUID();
        String token = PKI.jwt().mint(team, "ci", List.of("certificates:issue", "certificates:read"),
                Duration.ofMinutes(10));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", "test-ec");
        body.put("csr", TestCsr.withSharedEcKey().subject("CN=replicated.example").pem());
        body.put("signingAlgorithm", "SHA256WITHECDSA");
        body.put("validity", Map.of("value", 1, "type", "DAYS"));
        body.put("idempotencyToken", "one-for-all");
        String json = JSON.writeValueAsString(body);

        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + ports.get(i % 2) + "/api/v1/certificates"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        Set<String> issuedIds = new HashSet<>();
        int created = 0;
        int inProgress = 0;
        for (CompletableFuture<HttpResponse<String>> future : responses) {
            HttpResponse<String> response = future.get();
            JsonNode parsed = JSON.readTree(response.body());
            if (response.statusCode() == 201) {
                created++;
                issuedIds.add(parsed.get("id").asString());
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                assertThat(parsed.get("code").asString()).isEqualTo("IdempotencyTokenInProgress");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                inProgress++;
            }
        }
        assertThat(created).isPositive();
        assertThat(created + inProgress).isEqualTo(50);
        assertThat(issuedIds).hasSize(1);

        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + ports.get(1) + "/api/v1/certificates?maxResults=100"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode certificates = JSON.readTree(listed.body()).get("certificates");
        assertThat(certificates).hasSize(1);
        assertThat(certificates.get(0).get("id").asString()).isEqualTo(issuedIds.iterator().next());
    }
}
