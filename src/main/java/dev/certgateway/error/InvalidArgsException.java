package dev.certgateway.error;

/** A request parameter has an invalid value or an invalid combination with another parameter. */
public class InvalidArgsException extends GatewayException {

    public InvalidArgsException(String detail) {
        super(ErrorCode.InvalidArgsException, detail);
    }

    public InvalidArgsException(String detail, Throwable cause) {
        super(ErrorCode.InvalidArgsException, detail, cause);
    }
}
