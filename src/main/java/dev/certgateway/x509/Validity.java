package dev.certgateway.x509;

import io.swagger.v3.oas.annotations.media.Schema;

/** ACM PCA's Validity: a value interpreted according to its type. */
@Schema(description = "ACM PCA's Validity: a value and how to read it")
public record Validity(
        @Schema(description = "Interpreted by type: END_DATE as UTCTime YYMMDDHHMMSS (12 digits; YY >= 50 means 19YY) or GeneralizedTime YYYYMMDDHHMMSS (14 digits); ABSOLUTE as seconds since the epoch; DAYS, MONTHS, YEARS as a span from issuance (at least 1)", example = "30") Long value,
        @Schema(description = "How value is read", example = "DAYS") ValidityPeriodType type) {
}
