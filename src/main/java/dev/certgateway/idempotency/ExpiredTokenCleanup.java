package dev.certgateway.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired idempotency tokens in batches; safe on every replica at once. */
@Component
public class ExpiredTokenCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredTokenCleanup.class);

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public ExpiredTokenCleanup(IdempotencyStore store, IdempotencyProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${certgw.idempotency.cleanup-interval:1m}",
            initialDelayString = "${certgw.idempotency.cleanup-interval:1m}")
    void scheduled() {
        try {
            run();
        } catch (DataAccessException e) {
            log.warn("Expired idempotency tokens not deleted this time: {}", e.getMessage());
        }
    }

    /** Deletes every expired token, one batch per statement; returns how many. */
    public int run() {
        int total = 0;
        int deleted;
        do {
            deleted = store.deleteExpired(clock.instant(), properties.cleanupBatchSize());
            total += deleted;
        } while (deleted == properties.cleanupBatchSize());
        if (total > 0) {
            log.debug("Deleted {} expired idempotency tokens", total);
        }
        return total;
    }
}
