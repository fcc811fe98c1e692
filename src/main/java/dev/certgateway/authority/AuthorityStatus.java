package dev.certgateway.authority;

/** ACM PCA's CertificateAuthorityStatus values that the gateway reports. */
public enum AuthorityStatus {
    ACTIVE,
    DISABLED,
    EXPIRED,
    PENDING_CERTIFICATE
}
