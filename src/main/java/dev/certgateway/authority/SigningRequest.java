package dev.certgateway.authority;

import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.ParsedCsr;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.passthrough.ApiPassthrough;

/**
 * Everything a backend may need to sign. The local signer signs the composed blueprint; a remote CA (ACM
 * PCA) receives the caller's original parameters and composes on its side, so both are carried.
 */
public record SigningRequest(
        ParsedCsr csr,
        CertificateTemplate template,
        SigningAlgorithm signingAlgorithm,
        ApiPassthrough apiPassthrough,
        CertificateBlueprint blueprint) {
}
