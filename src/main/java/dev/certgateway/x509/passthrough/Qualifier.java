package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** The value of a CPS policy qualifier. */
@Schema(description = "A CPS qualifier")
public record Qualifier(
        @Schema(description = "Where the certification practice statement is published", example = "https://pki.example.internal/cps") String cpsUri) {
}
