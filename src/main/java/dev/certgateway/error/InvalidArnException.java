package dev.certgateway.error;

/** An ARN does not parse. */
public class InvalidArnException extends GatewayException {

    public InvalidArnException(String detail) {
        super(ErrorCode.InvalidArnException, detail);
    }

    public InvalidArnException(String detail, Throwable cause) {
        super(ErrorCode.InvalidArnException, detail, cause);
    }
}
