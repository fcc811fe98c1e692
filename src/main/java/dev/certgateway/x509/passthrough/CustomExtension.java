package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** An extension given as OID, base64 DER value and critical flag. */
@Schema(description = "An extension given as OID and DER value")
public record CustomExtension(
        @Schema(description = "The extension's OID", example = "1.3.6.1.4.1.55555.1") String objectIdentifier,
        @Schema(description = "The extension's DER value, base64", example = "DAhmcm9tLWFwaQ==") String value,
        @Schema(description = "Whether the extension is critical; default false", example = "false") Boolean critical) {
}
