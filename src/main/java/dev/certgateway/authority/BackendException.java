package dev.certgateway.authority;

import dev.certgateway.error.ErrorCode;
import dev.certgateway.error.GatewayException;
import java.time.Duration;
import java.util.Map;

/** A signing backend failed the request. Retryable failures (throttling, outages) may succeed when retried. */
public class BackendException extends GatewayException {

    private final boolean retryable;
    private final Duration retryAfter;

    public BackendException(ErrorCode code, String detail, boolean retryable, Throwable cause) {
        this(code, detail, retryable, null, cause);
    }

    /** @param retryAfter when set, callers are told to wait this long (Retry-After) before retrying */
    public BackendException(ErrorCode code, String detail, boolean retryable, Duration retryAfter, Throwable cause) {
        super(code, detail, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    @Override
    public Map<String, String> headers() {
        if (retryAfter == null) {
            return Map.of();
        }
        // Retry-After is whole seconds; never 0, which clients read as "hammer again now".
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Map.of("Retry-After", Long.toString(seconds));
    }
}
