package dev.certgateway.x509;

/** ACM PCA's Validity: a value interpreted according to its type. */
public record Validity(Long value, ValidityPeriodType type) {
}
