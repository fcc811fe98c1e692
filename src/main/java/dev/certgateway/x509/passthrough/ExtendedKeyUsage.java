package dev.certgateway.x509.passthrough;

/** One extended key usage: a well-known type or a custom OID, never both. */
public record ExtendedKeyUsage(ExtendedKeyUsageType extendedKeyUsageType, String extendedKeyUsageObjectIdentifier) {
}
