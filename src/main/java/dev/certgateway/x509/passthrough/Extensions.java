package dev.certgateway.x509.passthrough;

import java.util.List;

/** ACM PCA's Extensions structure of ApiPassthrough. Every member is optional. */
public record Extensions(
        List<PolicyInformation> certificatePolicies,
        List<ExtendedKeyUsage> extendedKeyUsage,
        KeyUsage keyUsage,
        List<GeneralName> subjectAlternativeNames,
        List<CustomExtension> customExtensions) {
}
