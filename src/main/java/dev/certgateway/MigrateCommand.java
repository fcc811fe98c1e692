package dev.certgateway;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code java ... JarLauncher migrate}: applies the database migrations and exits 0, or 1 on failure. For a
 * deployment that migrates once per release in a job of its own (the Helm chart's pre-install/pre-upgrade hook),
 * before any replica starts, possibly with a database user that may change the schema while the gateway's own
 * user may not. It starts no Spring context: it needs nothing but the database.
 */
public final class MigrateCommand {

    public static final String NAME = "migrate";
    public static final String LOCATION = "classpath:db/migration";

    private MigrateCommand() {
    }

    /** Reads SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD, the variables the gateway itself reads. */
    public static int run(Map<String, String> environment) {
        String url = environment.get("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            System.err.println("migrate: SPRING_DATASOURCE_URL is required (the JDBC URL of the gateway's database)");
            return 1;
        }
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(url, environment.get("SPRING_DATASOURCE_USERNAME"),
                            environment.get("SPRING_DATASOURCE_PASSWORD"))
                    .locations(LOCATION)
                    .load()
                    .migrate();
            System.out.println("migrate: schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migrations applied now)");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("migrate: failed: " + e.getMessage());
            return 1;
        }
    }
}
