package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** A distinguished-name attribute given as OID and value. */
@Schema(description = "A distinguished-name attribute given as OID and value")
public record CustomAttribute(
        @Schema(description = "The attribute type's OID", example = "2.5.4.3") String objectIdentifier,
        @Schema(description = "The attribute value", example = "api.example.internal") String value) {
}
