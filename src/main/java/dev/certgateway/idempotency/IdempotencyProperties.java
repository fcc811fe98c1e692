package dev.certgateway.idempotency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certgw.idempotency.*}.
 *
 * @param window how long a token names one certificate, from its first use (ACM PCA: five minutes)
 * @param lease how long an unfinished claim is honoured before another replica may take it over; longer than
 *     the slowest issuance, much shorter than the window
 * @param cleanupInterval how often each replica deletes expired tokens
 * @param cleanupBatchSize how many expired tokens one delete statement removes
 */
@ConfigurationProperties("certgw.idempotency")
@Validated
public record IdempotencyProperties(
        @DefaultValue("5m") @NotNull Duration window,
        @DefaultValue("30s") @NotNull Duration lease,
        @DefaultValue("1m") @NotNull Duration cleanupInterval,
        @DefaultValue("1000") @Min(1) @Max(100_000) int cleanupBatchSize) {

    public IdempotencyProperties {
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("certgw.idempotency.window must be positive, was " + window);
        }
        if (lease != null && window != null && (lease.isNegative() || lease.isZero() || lease.compareTo(window) > 0)) {
            throw new IllegalArgumentException("certgw.idempotency.lease must be positive and at most the window ("
                    + window + "), was " + lease);
        }
    }
}
