package dev.certgateway.idempotency;

import dev.certgateway.error.ErrorCode;
import dev.certgateway.error.GatewayException;

/** 422: the token already names a different request within its window. */
public class IdempotencyTokenReusedException extends GatewayException {

    public IdempotencyTokenReusedException(String token) {
        super(ErrorCode.IdempotencyTokenReused, "Idempotency token '" + token + "' was already used for a different "
                + "request within the last idempotency window; nothing was issued. Use a new token for a new "
                + "request, or resend the original request unchanged to get its certificate.");
    }
}
