package dev.certgateway.x509;

/** The family of an asymmetric key: decides which signing algorithms can use it. */
public enum KeyFamily {
    RSA,
    EC,
    SM2
}
