package dev.certgateway.x509.passthrough;

/** The extended key usages ACM PCA names. */
public enum ExtendedKeyUsageType {
    SERVER_AUTH,
    CLIENT_AUTH,
    CODE_SIGNING,
    EMAIL_PROTECTION,
    TIME_STAMPING,
    OCSP_SIGNING,
    SMART_CARD_LOGIN,
    DOCUMENT_SIGNING,
    CERTIFICATE_TRANSPARENCY
}
