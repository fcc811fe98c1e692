package dev.certgateway.x509.passthrough;

/** An OtherName GeneralName: a type OID and its value (encoded as a UTF8String). */
public record OtherName(String typeId, String value) {
}
