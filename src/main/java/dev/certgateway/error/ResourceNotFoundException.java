package dev.certgateway.error;

/** An authority or certificate does not exist, or the caller may not see it. */
public class ResourceNotFoundException extends GatewayException {

    public ResourceNotFoundException(String detail) {
        super(ErrorCode.ResourceNotFoundException, detail);
    }

    public ResourceNotFoundException(String detail, Throwable cause) {
        super(ErrorCode.ResourceNotFoundException, detail, cause);
    }
}
