package dev.certgateway.authority.acmpca;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A client-side rate limit: {@code rate} permits per second, at most one second's worth saved up. The SDK's
 * adaptive retry mode slows down only after AWS has throttled; this keeps one replica under its share of the
 * account's quota in the first place. Per replica and per JVM: size it as quota / replicas.
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double ratePerNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long updatedAt;

    TokenBucket(double permitsPerSecond, LongSupplier nanoTime) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + permitsPerSecond);
        }
        this.ratePerNano = permitsPerSecond / NANOS_PER_SECOND;
        this.capacity = Math.max(1.0, permitsPerSecond);
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.updatedAt = nanoTime.getAsLong();
    }

    TokenBucket(double permitsPerSecond) {
        this(permitsPerSecond, System::nanoTime);
    }

    /**
     * Reserves one permit if it becomes available within {@code maxWait}.
     *
     * @return how long the caller must wait before using the permit, or null when it would wait longer than
     *         {@code maxWait} (nothing is reserved then)
     */
    synchronized Duration reserve(Duration maxWait) {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - updatedAt) * ratePerNano);
        updatedAt = now;
        long waitNanos = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano);
        if (waitNanos > maxWait.toNanos()) {
            return null;
        }
        // Going negative queues the permit behind those already promised to waiting threads.
        tokens -= 1;
        return Duration.ofNanos(waitNanos);
    }

    /** How long until a permit is free again, for a Retry-After when {@link #reserve} refused. */
    synchronized Duration untilAvailable() {
        long now = nanoTime.getAsLong();
        double available = Math.min(capacity, tokens + (now - updatedAt) * ratePerNano);
        return available >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - available) / ratePerNano));
    }

    /** Waits for a permit for at most {@code maxWait}; false when none would be free in time. */
    boolean acquire(Duration maxWait) {
        Duration wait = reserve(maxWait);
        if (wait == null) {
            return false;
        }
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
