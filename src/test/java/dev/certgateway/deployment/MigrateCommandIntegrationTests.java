package dev.certgateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.MigrateCommand;
import dev.certgateway.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The migrate command (the Helm chart's migration job) brings an empty database to the current schema, once. */
class MigrateCommandIntegrationTests {

    private final String database = "certgw_migrate_" + System.nanoTime();

    private static String urlOf(String name) {
        return TestDatabase.forTests().jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    private static void admin(String sql) throws Exception {
        TestDatabase.Connection server = TestDatabase.forTests();
        try (Connection connection = DriverManager.getConnection(urlOf("template1"), server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", urlOf(database));
        TestDatabase.Connection server = TestDatabase.forTests();
        if (server.username() != null) {
            environment.put("SPRING_DATASOURCE_USERNAME", server.username());
        }
        if (server.password() != null) {
            environment.put("SPRING_DATASOURCE_PASSWORD", server.password());
        }
        return environment;
    }

    @AfterEach
    void dropDatabase() throws Exception {
        admin("drop database if exists " + database);
    }

    @Test
    void migratesAnEmptyDatabaseAndIsANoOpTheSecondTime() throws Exception {
        admin("create database " + database);

        assertThat(MigrateCommand.run(environment())).isZero();
        assertThat(MigrateCommand.run(environment())).isZero();

        TestDatabase.Connection server = TestDatabase.forTests();
        List<String> tables = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(urlOf(database), server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "select version from flyway_schema_history where success order by installed_rank")) {
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
            }
        }
        assertThat(tables).contains("issued_certificate", "idempotency_token", "audit_event", "pending_certificate");
        assertThat(versions).containsExactly("1", "2", "2.1", "3", "4", "5");
    }

    @Test
    void withoutADatabaseUrlItFailsSayingWhatIsMissing() {
        assertThat(MigrateCommand.run(Map.of())).isEqualTo(1);
    }

    @Test
    void anUnreachableDatabaseFails() {
        assertThat(MigrateCommand.run(Map.of("SPRING_DATASOURCE_URL",
                "jdbc:postgresql://127.0.0.1:9/none?connectTimeout=2"))).isEqualTo(1);
    }
}
