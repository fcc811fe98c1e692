package dev.certgateway.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.TestAuthorities;
import dev.certgateway.testsupport.TestCsr;
import dev.certgateway.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With Spring Boot's structured logging switched on (as the Helm chart and the compose stack do), every line
 * of a request is one JSON object carrying the request id, the team and the authority. The gateway runs from
 * the packaged jar in a JVM of its own: logging is configured once per JVM (the test JVM already logs in plain
 * text), and this also proves the artifact that ships starts and serves, not only the test classpath.
 */
class StructuredLoggingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    @Test
    void jsonLogLinesCarryRequestIdTeamAndAuthority() throws Exception {
        TestAuthorities pki = TestAuthorities.get();
        TestDatabase.Connection database = TestDatabase.forTests();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", packagedJar().toString(),
                "--server.port=0", "--logging.structured.format.console=ecs",
                "--spring.datasource.url=" + database.jdbcUrl()));
        if (database.username() != null) {
            command.add("--spring.datasource.username=" + database.username());
        }
        if (database.password() != null) {
            command.add("--spring.datasource.password=" + database.password());
        }
        pki.properties().forEach((name, value) -> command.add("--" + name + "=" + value));
        Path log = Files.createTempFile("gateway-json", ".log");
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String port = awaitPort(gateway, log);
            String team = "json-logs-" + UUID.randomUUID();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("certificateAuthorityArn", "test-ec");
            body.put("csr", TestCsr.withSharedEcKey().subject("CN=json.example").pem());
            body.put("signingAlgorithm", "SHA256WITHECDSA");
            body.put("validity", Map.of("value", 1, "type", "DAYS"));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/api/v1/certificates"))
                            .header("Authorization", "Bearer " + pki.jwt().mint(team, "json-user",
                                    List.of("certificates:issue"), Duration.ofMinutes(5)))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

            JsonNode audit = awaitLine(log, line -> line.contains(requestId) && line.contains("audit ISSUED"));
            assertThat(audit.get("requestId").asString()).isEqualTo(requestId);
            assertThat(audit.get("team").asString()).isEqualTo(team);
            assertThat(audit.get("authority").asString()).isEqualTo("test-ec");
            assertThat(audit.get("log").get("level").asString()).isEqualTo("INFO");
            assertThat(audit.get("service").get("name").asString()).isEqualTo("cert-gateway");
            String certificateId = JSON.readTree(response.body()).get("id").asString();
            assertThat(audit.get("message").asString()).contains("certificate=" + certificateId);
            assertThat(audit.get("audit").get("certificate").asString()).isEqualTo(certificateId);
            if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
                // The jar carries AWS-LC's library for the image's platform and signs with it, not BouncyCastle.
                JsonNode signatures = awaitLine(log, line -> line.contains("Signatures:"));
                assertThat(signatures.get("message").asString()).contains("AWS-LC");
            }
        } finally {
            gateway.destroy();
            gateway.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The executable jar the build packaged before the integration tests run. */
    private static Path packagedJar() throws Exception {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("cert-gateway-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no packaged jar in target/; run mvn verify"));
        }
    }

    private static String awaitPort(Process gateway, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                return started.group(1);
            }
            assertThat(gateway.isAlive()).as("gateway process; its output:%n%s", Files.readString(log)).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("the gateway did not start in time:\n" + Files.readString(log));
    }

    private static JsonNode awaitLine(Path log, Predicate<String> wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("{") && wanted.test(line)) {
                    return JSON.readTree(line);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such JSON log line in:\n" + Files.readString(log));
    }
}
