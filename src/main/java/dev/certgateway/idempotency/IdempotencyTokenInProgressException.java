package dev.certgateway.idempotency;

import dev.certgateway.error.ErrorCode;
import dev.certgateway.error.GatewayException;
import java.time.Duration;
import java.util.Map;

/** 409: another request with the same token and body is still being served. */
public class IdempotencyTokenInProgressException extends GatewayException {

    private final Duration retryAfter;

    public IdempotencyTokenInProgressException(String token, Duration retryAfter) {
        super(ErrorCode.IdempotencyTokenInProgress, "A request with idempotency token '" + token
                + "' is still being processed; retry after " + Math.max(1, retryAfter.toSeconds())
                + " s to receive its certificate.");
        this.retryAfter = retryAfter;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
