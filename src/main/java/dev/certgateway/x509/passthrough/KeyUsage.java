package dev.certgateway.x509.passthrough;

/** The nine KeyUsage bits; a missing value means false. */
public record KeyUsage(
        Boolean digitalSignature,
        Boolean nonRepudiation,
        Boolean keyEncipherment,
        Boolean dataEncipherment,
        Boolean keyAgreement,
        Boolean keyCertSign,
        Boolean crlSign,
        Boolean encipherOnly,
        Boolean decipherOnly) {
}
