package dev.certgateway;

import dev.certgateway.testsupport.DevelopmentEnvironment;
import dev.certgateway.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;

/**
 * The development run ({@code ./mvnw spring-boot:test-run}): the gateway with an embedded PostgreSQL, two
 * development authorities, a ready bearer token and an example policy, all kept under {@code target/dev/}.
 */
public class TestCertGatewayApplication {

    private static final Logger log = LoggerFactory.getLogger(TestCertGatewayApplication.class);

    public static void main(String[] args) {
        DevelopmentEnvironment dev = new DevelopmentEnvironment(Path.of("target", "dev"));
        Map<String, Object> properties = dev.prepare();
        TestDatabase.Connection database = TestDatabase.forDevelopment(dev.directory().resolve("postgres"));
        properties.put("spring.datasource.url", database.jdbcUrl());
        if (database.username() != null) {
            properties.put("spring.datasource.username", database.username());
        }
        if (database.password() != null) {
            properties.put("spring.datasource.password", database.password());
        }
        SpringApplication application = new SpringApplication(CertGatewayApplication.class);
        // Default properties rank lowest, so SERVER_PORT and any other override still win.
        application.setDefaultProperties(properties);
        application.addListeners((ApplicationReadyEvent ready) -> announce(dev, database,
                ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080")));
        application.run(args);
    }

    private static void announce(DevelopmentEnvironment dev, TestDatabase.Connection database, String port) {
        Path relative = Path.of("").toAbsolutePath().relativize(dev.directory());
        log.info("""

                cert-gateway development run is ready on http://localhost:{}
                  database:    {}
                  authorities: dev-ec (ECDSA P-256) and dev-rsa (RSA-2048), key and chain under {}/dev-ec and {}/dev-rsa
                  JWT key:     {}/jwt-key.pem (PKCS#8 RSA; mint RS256 tokens with a 'team' claim and 'scope')
                  token:       {}/token (team 'dev', scopes certificates:issue certificates:read audit:read)
                  policy:      {}/policy.yaml (an example: edit it and it is reloaded; GET /api/v1/policy shows team dev's)
                Issue a certificate:
                  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout demo.key -subj "/CN=demo.example.internal" -addext "subjectAltName=DNS:demo.example.internal" -outform DER -out demo.csr.der
                  curl -sS http://localhost:{}/api/v1/certificates -H "Authorization: Bearer $(cat {}/token)" -H 'Content-Type: application/json' -d "{\\"certificateAuthorityArn\\":\\"dev-ec\\",\\"csr\\":\\"$(base64 -w0 demo.csr.der)\\",\\"signingAlgorithm\\":\\"SHA256WITHECDSA\\",\\"validity\\":{\\"value\\":30,\\"type\\":\\"DAYS\\"}}"
                """, port, database.description(), relative, relative, relative, relative, relative, port, relative);
    }
}
