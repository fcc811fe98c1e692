package dev.certgateway.x509.passthrough;

/** The value of a CPS policy qualifier. */
public record Qualifier(String cpsUri) {
}
