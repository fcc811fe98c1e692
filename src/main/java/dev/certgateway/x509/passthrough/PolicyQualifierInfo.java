package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** A policy qualifier; ACM PCA supports only the CPS qualifier ({@code policyQualifierId} "CPS"). */
@Schema(description = "A policy qualifier")
public record PolicyQualifierInfo(
        @Schema(description = "The qualifier kind; only CPS", example = "CPS") String policyQualifierId,
        @Schema(description = "The qualifier's value") Qualifier qualifier) {
}
