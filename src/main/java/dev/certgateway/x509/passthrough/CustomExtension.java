package dev.certgateway.x509.passthrough;

/** An extension given as OID, base64 DER value and critical flag. */
public record CustomExtension(String objectIdentifier, String value, Boolean critical) {
}
