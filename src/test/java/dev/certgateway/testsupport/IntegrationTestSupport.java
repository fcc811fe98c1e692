package dev.certgateway.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every full-stack test: one gateway on a random port, one real PostgreSQL, the shared test
 * authorities; tests talk to it over real HTTP. Every subclass shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestBackends.class)
public abstract class IntegrationTestSupport {

    /** The gateway's clock; tests move it and must {@link MutableClock#reset()} it afterwards. */
    protected static final MutableClock CLOCK = new MutableClock();

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    protected static final TestAuthorities PKI = TestAuthorities.get();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        PKI.properties().forEach((name, value) -> registry.add(name, () -> value));
        TestDatabase.Connection database = TestDatabase.forTests();
        registry.add("spring.datasource.url", database::jdbcUrl);
        if (database.username() != null) {
            registry.add("spring.datasource.username", database::username);
        }
        if (database.password() != null) {
            registry.add("spring.datasource.password", database::password);
        }
    }

    /** A token for {@code team} with both certificate scopes. */
    protected static String token(String team) {
        return PKI.jwt().mint(team, team + "-user", List.of("certificates:issue", "certificates:read"),
                Duration.ofMinutes(10));
    }

    protected static String token(String team, String... scopes) {
        return PKI.jwt().mint(team, team + "-user", List.of(scopes), Duration.ofMinutes(10));
    }

    /** A one-day certificate from test-ec for {@code cn} (as CN and DNS SAN), with an optional idempotency token. */
    protected static Map<String, Object> oneDayRequest(String cn, String idempotencyToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", "test-ec");
        body.put("csr", TestCsr.withSharedEcKey().subject("CN=" + cn).dns(cn).pem());
        body.put("signingAlgorithm", "SHA256WITHECDSA");
        body.put("validity", Map.of("value", 1, "type", "DAYS"));
        if (idempotencyToken != null) {
            body.put("idempotencyToken", idempotencyToken);
        }
        return body;
    }

    protected Response get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected Response post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected Response post(String path, String token, Object body) {
        return post(path, token, JSON.writeValueAsString(body));
    }

    protected Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** An HTTP response with its body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
