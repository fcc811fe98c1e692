package dev.certgateway.authority;

import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.ParsedCsr;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.Validity;
import dev.certgateway.x509.passthrough.ApiPassthrough;

/**
 * Everything a backend may need to sign. The local signer signs the composed blueprint; a remote CA (ACM
 * PCA) receives the caller's original parameters and composes on its side, so both are carried.
 *
 * @param validity the caller's validity, as given (a remote CA computes the dates itself)
 * @param validityNotBefore the caller's NotBefore, as given; may be null
 * @param idempotencyToken at most 36 characters, unique to this team's request: a remote CA that receives it
 *                         twice (the SDK's retries, the caller's retries with its token) issues once
 */
public record SigningRequest(
        ParsedCsr csr,
        CertificateTemplate template,
        SigningAlgorithm signingAlgorithm,
        Validity validity,
        Validity validityNotBefore,
        ApiPassthrough apiPassthrough,
        CertificateBlueprint blueprint,
        String idempotencyToken) {
}
