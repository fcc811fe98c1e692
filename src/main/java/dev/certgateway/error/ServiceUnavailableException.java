package dev.certgateway.error;

/** A dependency the gateway needs (such as its database) is unavailable; retrying later may succeed. */
public class ServiceUnavailableException extends GatewayException {

    public ServiceUnavailableException(String detail) {
        super(ErrorCode.ServiceUnavailable, detail);
    }

    public ServiceUnavailableException(String detail, Throwable cause) {
        super(ErrorCode.ServiceUnavailable, detail, cause);
    }
}
