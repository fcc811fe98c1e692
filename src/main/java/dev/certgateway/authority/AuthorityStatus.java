package dev.certgateway.authority;

/**
 * ACM PCA's CertificateAuthorityStatus values, plus UNAVAILABLE: the gateway could not read a remote
 * authority (missing, access denied, network), so it cannot tell, and does not issue from it.
 */
public enum AuthorityStatus {
    ACTIVE,
    CREATING,
    PENDING_CERTIFICATE,
    DISABLED,
    EXPIRED,
    DELETED,
    FAILED,
    UNAVAILABLE
}
