package dev.certgateway.error;

/**
 * The stable codes the gateway answers with in problem+json. ACM PCA's exception names where ACM PCA has
 * one, so callers that already handle ACM PCA errors need nothing new; the gateway's own codes otherwise.
 * The HTTP status lives here so every layer agrees on it, but only the web layer writes responses.
 */
public enum ErrorCode {
    MalformedCSRException(400, "Malformed CSR"),
    InvalidArgsException(400, "Invalid arguments"),
    InvalidArnException(400, "Invalid ARN"),
    InvalidRequestException(400, "Invalid request"),
    Unauthenticated(401, "Authentication required"),
    AccessDeniedException(403, "Access denied"),
    PolicyViolation(403, "Denied by policy"),
    ResourceNotFoundException(404, "Resource not found"),
    MethodNotAllowed(405, "Method not allowed"),
    NotAcceptable(406, "Not acceptable"),
    InvalidStateException(409, "Invalid state"),
    IdempotencyTokenInProgress(409, "Idempotency token in progress"),
    RequestTooLarge(413, "Request too large"),
    UnsupportedMediaType(415, "Unsupported media type"),
    IdempotencyTokenReused(422, "Idempotency token reused"),
    LimitExceededException(429, "Limit exceeded"),
    ThrottlingException(429, "Too many requests"),
    InternalFailure(500, "Internal failure"),
    RequestFailedException(502, "Request failed"),
    ServiceUnavailable(503, "Service unavailable"),
    RequestTimeout(504, "Request timed out");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
