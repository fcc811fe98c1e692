package dev.certgateway.inventory;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges over the inventory, per team: certificates currently valid ({@code certgw_certificates_valid}) and
 * those expiring within 7 and 30 days ({@code certgw_certificates_expiring}). One grouped query refreshes
 * them periodically, so a scrape never touches the database.
 */
@Component
public class InventoryMetrics {

    private static final Logger log = LoggerFactory.getLogger(InventoryMetrics.class);

    /**
     * Reads only the index on issued certificates' expiry (migration V5), never the table: the valid ones are a
     * range of it, and team and expiry are all the counts need.
     */
    static final String GAUGES_QUERY = """
            select team,
                   count(*) as valid,
                   count(*) filter (where not_after <= :in7) as within7,
                   count(*) filter (where not_after <= :in30) as within30
            from issued_certificate
            where status = 'ISSUED' and not_after > :now
            group by team""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MultiGauge valid;
    private final MultiGauge expiring;

    public InventoryMetrics(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.valid = MultiGauge.builder("certgw.certificates.valid")
                .description("Certificates issued to the team that are valid now").register(meters);
        this.expiring = MultiGauge.builder("certgw.certificates.expiring")
                .description("Valid certificates of the team that expire within the window").register(meters);
    }

    @Scheduled(fixedDelayString = "${certgw.inventory.metrics-interval:1m}", initialDelay = 0)
    void scheduled() {
        try {
            refresh();
        } catch (DataAccessException e) {
            log.warn("Inventory gauges not refreshed: {}", e.getMessage());
        }
    }

    /** Recomputes the gauges from the inventory. */
    public void refresh() {
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> validRows = new ArrayList<>();
        List<MultiGauge.Row<?>> expiringRows = new ArrayList<>();
        jdbc.sql(GAUGES_QUERY)
                .param("now", Timestamp.from(now))
                .param("in7", Timestamp.from(now.plus(Duration.ofDays(7))))
                .param("in30", Timestamp.from(now.plus(Duration.ofDays(30))))
                .query((rs, row) -> {
                    String team = rs.getString("team");
                    validRows.add(MultiGauge.Row.of(Tags.of("team", team), rs.getLong("valid")));
                    expiringRows.add(MultiGauge.Row.of(Tags.of("team", team, "within", "7d"), rs.getLong("within7")));
                    expiringRows.add(MultiGauge.Row.of(Tags.of("team", team, "within", "30d"),
                            rs.getLong("within30")));
                    return team;
                })
                .list();
        valid.register(validRows, true);
        expiring.register(expiringRows, true);
    }
}
