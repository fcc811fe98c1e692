package dev.certgateway.x509.passthrough;

/** A distinguished-name attribute given as OID and value. */
public record CustomAttribute(String objectIdentifier, String value) {
}
