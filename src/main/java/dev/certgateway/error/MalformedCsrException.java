package dev.certgateway.error;

/** The CSR cannot be used: it does not parse, its signature does not verify, or it is too large. */
public class MalformedCsrException extends GatewayException {

    public MalformedCsrException(String detail) {
        super(ErrorCode.MalformedCSRException, detail);
    }

    public MalformedCsrException(String detail, Throwable cause) {
        super(ErrorCode.MalformedCSRException, detail, cause);
    }
}
