package dev.certgateway.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gauges' query against the real schema: what it costs is decided by the plan PostgreSQL makes for it, so the
 * plan is what is checked. The counts themselves are checked through the metrics endpoint
 * (ObservabilityIntegrationTests).
 */
class InventoryMetricsIntegrationTests extends IntegrationTestSupport {

    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    /**
     * Sequential scans are priced out, as they are on a table far larger than the test's, where one would read
     * every certificate: the query must then be answered from the expiry index alone. Without that index, or with
     * a query whose conditions the index does not cover, the plan reads the table.
     */
    @Test
    void theGaugesAreCountedFromTheExpiryIndexWithoutReadingTheTable() {
        Instant now = Instant.now();
        String plan = transactions.execute(status -> {
            jdbc.getJdbcTemplate().execute("set local enable_seqscan = off");
            return jdbc.queryForObject("explain (format json) " + InventoryMetrics.GAUGES_QUERY,
                    Map.of("now", Timestamp.from(now), "in7", Timestamp.from(now.plus(Duration.ofDays(7))),
                            "in30", Timestamp.from(now.plus(Duration.ofDays(30)))),
                    String.class);
        });

        assertThat(plan).contains("\"Node Type\": \"Index Only Scan\"")
                .contains("\"Index Name\": \"issued_certificate_valid_by_expiry\"")
                .doesNotContain("Seq Scan").doesNotContain("Heap Scan");
    }
}
