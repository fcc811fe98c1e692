package dev.certgateway.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestDatabase;
import dev.certgateway.testsupport.TestCsr;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A database outage, made real by refusing connections to the gateway's database and ending its sessions:
 * readiness goes down, issuance answers 503 problem+json and issues nothing, and both recover without a
 * restart once the database accepts connections again.
 */
class DatabaseOutageIntegrationTests extends IntegrationTestSupport {

    @Autowired
    DataSource dataSource;

    private String database;

    @AfterEach
    void restoreDatabase() throws Exception {
        if (database != null) {
            admin("alter database \"" + database + "\" allow_connections true");
        }
    }

    @Test
    void outageMakesTheGatewayUnreadyAndIssuance503ThenItRecovers() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getCatalog();
        }
        admin("alter database \"" + database + "\" allow_connections false");
        admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                + "' and pid <> pg_backend_pid()");

        Response readiness = eventually(() -> get("/actuator/health/readiness", null), r -> r.status() == 503);
        assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);

        Response issue = post("/api/v1/certificates", token("outage"), request());
        assertThat(issue.status()).as(issue.toString()).isEqualTo(503);
        assertThat(issue.contentType()).startsWith("application/problem+json");
        assertThat(issue.json().get("code").asString()).isEqualTo("ServiceUnavailable");

        admin("alter database \"" + database + "\" allow_connections true");
        database = null;

        eventually(() -> get("/actuator/health/readiness", null), r -> r.status() == 200);
        Response recovered = eventually(() -> post("/api/v1/certificates", token("outage"), request()),
                r -> r.status() == 201);
        assertThat(recovered.json().get("certificate").asString()).startsWith("-----BEGIN CERTIFICATE-----");
        // The request refused during the outage left nothing behind.
        assertThat(get("/api/v1/certificates", token("outage")).json().get("certificates")).hasSize(1);
    }

    private static Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", "test-ec");
        body.put("csr", TestCsr.withSharedEcKey().subject("CN=outage").pem());
        body.put("signingAlgorithm", "SHA256WITHECDSA");
        body.put("validity", Map.of("value", 1, "type", "DAYS"));
        return body;
    }

    private Response eventually(Supplier<Response> call, Predicate<Response> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Response last = call.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = call.get();
        }
        assertThat(done.test(last)).as(last.toString()).isTrue();
        return last;
    }

    /** Runs a statement as the server's administrator, from a database the outage does not touch. */
    private static void admin(String sql) throws Exception {
        String url = TestDatabase.forTests().jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1template1");
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.forTests().username(),
                TestDatabase.forTests().password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
