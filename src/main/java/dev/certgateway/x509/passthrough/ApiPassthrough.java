package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** ACM PCA's ApiPassthrough: certificate content given in the request rather than in the CSR. */
@Schema(description = "Certificate content given in the request instead of the CSR")
public record ApiPassthrough(
        @Schema(description = "Extensions to add; each follows the order of operations (template > API > CSR)") Extensions extensions,
        @Schema(description = "Subject to use instead of the CSR's") ASN1Subject subject) {
}
