package dev.certgateway.inventory;

/** Where a recorded certificate stands. */
public enum CertificateStatus {
    ISSUED
}
