package dev.certgateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The claim statement's decisions, on the real database, with time passed in. */
class IdempotencyStoreIntegrationTests extends IntegrationTestSupport {

    @Autowired
    IdempotencyStore store;

    private final String team = "store-" + UUID.randomUUID();
    private final Instant start = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aStaleClaimIsTakenOverAfterItsLeaseAndTheSlowOwnerCannotComplete() {
        ClaimResult first = store.claim(team, "t", "fp", start);
        assertThat(first).isInstanceOf(ClaimResult.Claimed.class);

        assertThat(store.claim(team, "t", "fp", start.plusSeconds(29))).isInstanceOf(ClaimResult.InProgress.class);
        ClaimResult takeover = store.claim(team, "t", "fp", start.plusSeconds(31));
        assertThat(takeover).isInstanceOf(ClaimResult.Claimed.class);

        // The presumed-dead owner wakes up: its completion is refused, the new owner's succeeds.
        assertThat(store.complete(((ClaimResult.Claimed) first).claim(), UUID.randomUUID())).isFalse();
    }

    @Test
    void aStaleClaimForADifferentRequestIsStillAMismatch() {
        store.claim(team, "t", "fp-1", start);
        assertThat(store.claim(team, "t", "fp-2", start.plusSeconds(31))).isInstanceOf(ClaimResult.Mismatch.class);
    }

    @Test
    void takeoverKeepsTheOriginalWindow() {
        store.claim(team, "t", "fp", start);
        store.claim(team, "t", "fp", start.plusSeconds(31));
        // The window still ends five minutes after the first use, not after the takeover.
        assertThat(store.claim(team, "t", "other", start.plus(Duration.ofMinutes(5)))).isInstanceOf(
                ClaimResult.Claimed.class);
    }

    @Test
    void releaseFreesTheTokenOnlyForItsOwner() {
        ClaimResult.Claimed claimed = (ClaimResult.Claimed) store.claim(team, "t", "fp", start);
        store.release(new Claim(team, "t", UUID.randomUUID()));
        assertThat(store.claim(team, "t", "fp", start.plusSeconds(1))).isInstanceOf(ClaimResult.InProgress.class);
        store.release(claimed.claim());
        assertThat(store.claim(team, "t", "fp-other", start.plusSeconds(2))).isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void deleteExpiredWorksInBatches() {
        for (int i = 0; i < 5; i++) {
            store.claim(team, "batch-" + i, "fp", start);
        }
        Instant later = start.plus(Duration.ofMinutes(6));
        int deleted = 0;
        int round;
        while ((round = store.deleteExpired(later, 2)) > 0) {
            assertThat(round).isLessThanOrEqualTo(2);
            deleted += round;
        }
        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(store.claim(team, "batch-0", "fp-new", later)).isInstanceOf(ClaimResult.Claimed.class);
    }
}
