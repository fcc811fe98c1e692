package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** One extended key usage: a well-known type or a custom OID, never both. */
@Schema(description = "One extended key usage: a type or an OID, not both")
public record ExtendedKeyUsage(
        @Schema(description = "A well-known usage", example = "CLIENT_AUTH") ExtendedKeyUsageType extendedKeyUsageType,
        @Schema(description = "A custom usage OID", example = "1.3.6.1.4.1.55555.3.1") String extendedKeyUsageObjectIdentifier) {
}
