package dev.certgateway.error;

import java.util.List;
import java.util.Map;

/**
 * Base of every failure the gateway reports to a caller. Each subclass is one kind of failure with one
 * stable {@link ErrorCode}; the message is the problem's {@code detail} and must tell the caller what to fix.
 */
public abstract class GatewayException extends RuntimeException {

    private final ErrorCode code;

    protected GatewayException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    protected GatewayException(ErrorCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    /** Individual findings when there are several (e.g. every policy violation); rendered as {@code violations}. */
    public List<?> violations() {
        return List.of();
    }

    /** Response headers the caller needs to act on the error, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
