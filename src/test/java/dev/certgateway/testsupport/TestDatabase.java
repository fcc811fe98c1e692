package dev.certgateway.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests and the development run: the server named by {@code CERTGW_TEST_JDBC_URL}
 * when set, else a Testcontainers container when a Docker engine answers, else an embedded server from
 * Maven artifacts. One per JVM, so every test shares it.
 */
public final class TestDatabase {

    public static final String JDBC_URL_VARIABLE = "CERTGW_TEST_JDBC_URL";

    private static Connection shared;

    private TestDatabase() {
    }

    /** Where and how to connect. */
    public record Connection(String jdbcUrl, String username, String password, String description) {
    }

    public static synchronized Connection forTests() {
        if (shared == null) {
            String configured = System.getenv(JDBC_URL_VARIABLE);
            if (configured != null && !configured.isBlank()) {
                shared = new Connection(configured, null, null, JDBC_URL_VARIABLE);
            } else {
                shared = containerOrEmbedded(null);
            }
        }
        return shared;
    }

    /** For the development run: the embedded server keeps its data in {@code dataDirectory} across restarts. */
    public static synchronized Connection forDevelopment(Path dataDirectory) {
        return containerOrEmbedded(dataDirectory);
    }

    private static Connection containerOrEmbedded(Path dataDirectory) {
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + container.getDockerImageName());
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("max_connections", "200");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server dies with it
                }
            }));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null,
                    "embedded PostgreSQL on port " + postgres.getPort()
                            + (dataDirectory == null ? "" : ", data in " + dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAnswers() {
        // Asking Testcontainers on a machine without any Docker endpoint only logs a page of errors.
        boolean endpointConfigured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!endpointConfigured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
