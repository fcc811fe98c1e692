package dev.certgateway.web;

import dev.certgateway.error.ErrorCode;
import dev.certgateway.error.GatewayException;

/** A request body over the gateway's limit. */
public class RequestTooLargeException extends GatewayException {

    public RequestTooLargeException(long limit) {
        super(ErrorCode.RequestTooLarge, "The request body is larger than " + limit
                + " bytes; a CSR is at most 32 KiB, so a valid request fits well within the limit.");
    }
}
