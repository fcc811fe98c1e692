package dev.certgateway.inventory;

/** Where a recorded certificate stands. */
public enum CertificateStatus {
    /** Accepted by an asynchronous backend (ACM PCA), not issued yet: no certificate to hand out. */
    PENDING,
    ISSUED,
    /** The backend failed it, or returned a certificate that does not match the request: never handed out. */
    FAILED
}
