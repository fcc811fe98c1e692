package dev.certgateway.audit;

/** What happened to an issuance request. */
public enum AuditAction {
    /** A certificate was signed and recorded. */
    ISSUED,
    /** An earlier certificate was returned again for the same idempotency token. */
    REPLAYED,
    /** The team's policy refused the request. */
    DENIED,
    /** The signing backend or the gateway failed after the request was accepted. */
    FAILED
}
