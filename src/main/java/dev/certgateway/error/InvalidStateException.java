package dev.certgateway.error;

/** The authority exists but cannot issue now (disabled or expired). */
public class InvalidStateException extends GatewayException {

    public InvalidStateException(String detail) {
        super(ErrorCode.InvalidStateException, detail);
    }

    public InvalidStateException(String detail, Throwable cause) {
        super(ErrorCode.InvalidStateException, detail, cause);
    }
}
