package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** The nine KeyUsage bits; a missing value means false. */
@Schema(description = "The nine KeyUsage bits; a missing bit is false; taken only by Blank templates")
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
