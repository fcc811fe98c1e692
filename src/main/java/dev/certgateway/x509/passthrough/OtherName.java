package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** An OtherName GeneralName: a type OID and its value (encoded as a UTF8String). */
@Schema(description = "An OtherName GeneralName")
public record OtherName(
        @Schema(description = "The OtherName type OID", example = "1.3.6.1.4.1.311.20.2.3") String typeId,
        @Schema(description = "The value, encoded as a UTF8String", example = "user@example.internal") String value) {
}
