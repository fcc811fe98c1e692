package dev.certgateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.CertGatewayApplication;
import dev.certgateway.testsupport.AcmPcaIntegrationTestSupport;
import dev.certgateway.testsupport.Certificates;
import dev.certgateway.testsupport.TestCsr;
import dev.certgateway.testsupport.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A certificate this replica accepted (202) is completed by another replica's scheduled job, without anyone
 * asking this one: the request survives the replica that started it.
 */
class AcmPcaPendingCompletionIntegrationTests extends AcmPcaIntegrationTestSupport {

    @Test
    void anotherReplicaCompletesAPendingCertificate() throws Exception {
        ACM.hold();
        String team = "handover-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateAuthorityArn", "test-acmpca");
        body.put("csr", TestCsr.withSharedEcKey().subject("CN=handover.example").pem());
        body.put("signingAlgorithm", "SHA384WITHECDSA");
        body.put("validity", Map.of("value", 7, "type", "DAYS"));
        Response accepted = post("/api/v1/certificates", token(team), body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        UUID id = UUID.fromString(accepted.json().get("id").asString());

        try (ConfigurableApplicationContext other = otherReplica()) {
            JdbcClient database = other.getBean(JdbcClient.class);
            assertThat(status(database, id)).isEqualTo("PENDING");
            ACM.release();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!status(database, id).equals("ISSUED") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(status(database, id)).isEqualTo("ISSUED");
        }

        Response fetched = get(accepted.header("Location"), token(team));
        assertThat(fetched.status()).as(fetched.toString()).isEqualTo(200);
        Certificates.pkixValidate(Certificates.parseOne(fetched.json().get("certificate").asString()),
                PKI.chain("test-sub"));
    }

    private static String status(JdbcClient database, UUID id) {
        return database.sql("select status from issued_certificate where id = :id").param("id", id)
                .query(String.class).single();
    }

    private static ConfigurableApplicationContext otherReplica() {
        TestDatabase.Connection connection = TestDatabase.forTests();
        Map<String, Object> properties = new HashMap<>(PKI.properties());
        properties.putAll(ACM.properties());
        properties.put("spring.datasource.url", connection.jdbcUrl());
        if (connection.username() != null) {
            properties.put("spring.datasource.username", connection.username());
        }
        if (connection.password() != null) {
            properties.put("spring.datasource.password", connection.password());
        }
        properties.put("server.port", "0");
        properties.put("certgw.issuance.pending-completion-interval", "PT0.2S");
        return new SpringApplicationBuilder(CertGatewayApplication.class).properties(properties).run();
    }
}
