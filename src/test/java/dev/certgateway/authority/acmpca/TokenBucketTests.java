package dev.certgateway.authority.acmpca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aSecondsWorthIsAvailableAtOnceThenPermitsComeAtTheRate() {
        TokenBucket bucket = new TokenBucket(4, nanos::get);
        for (int i = 0; i < 4; i++) {
            assertThat(bucket.reserve(Duration.ZERO)).isEqualTo(Duration.ZERO);
        }
        assertThat(bucket.reserve(Duration.ZERO)).isNull();
        assertThat(bucket.untilAvailable()).isEqualTo(Duration.ofMillis(250));
        // Willing to wait: the permit is promised 250 ms ahead, the next one 500 ms ahead.
        assertThat(bucket.reserve(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(250));
        assertThat(bucket.reserve(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(500));
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        // Idle time does not build up more than one second's worth.
        for (int i = 0; i < 4; i++) {
            assertThat(bucket.reserve(Duration.ZERO)).isEqualTo(Duration.ZERO);
        }
        assertThat(bucket.reserve(Duration.ZERO)).isNull();
    }

    @Test
    void slowRatesStillAllowOneRequest() {
        TokenBucket bucket = new TokenBucket(0.5, nanos::get);
        assertThat(bucket.reserve(Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(bucket.reserve(Duration.ofSeconds(1))).isNull();
        assertThat(bucket.untilAvailable()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rateMustBePositive() {
        assertThatThrownBy(() -> new TokenBucket(0, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
