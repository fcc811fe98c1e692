package dev.certgateway.x509.passthrough;

/** A policy qualifier; ACM PCA supports only the CPS qualifier ({@code policyQualifierId} "CPS"). */
public record PolicyQualifierInfo(String policyQualifierId, Qualifier qualifier) {
}
