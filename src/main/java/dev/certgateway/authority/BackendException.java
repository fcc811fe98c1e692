package dev.certgateway.authority;

import dev.certgateway.error.ErrorCode;
import dev.certgateway.error.GatewayException;

/** A signing backend failed the request. Retryable failures (throttling, outages) may succeed when retried. */
public class BackendException extends GatewayException {

    private final boolean retryable;

    public BackendException(ErrorCode code, String detail, boolean retryable, Throwable cause) {
        super(code, detail, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
