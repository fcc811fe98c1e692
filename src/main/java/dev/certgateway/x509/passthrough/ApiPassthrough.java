package dev.certgateway.x509.passthrough;

/** ACM PCA's ApiPassthrough: certificate content given in the request rather than in the CSR. */
public record ApiPassthrough(Extensions extensions, ASN1Subject subject) {
}
