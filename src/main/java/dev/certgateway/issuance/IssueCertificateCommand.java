package dev.certgateway.issuance;

import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.Validity;
import dev.certgateway.x509.passthrough.ApiPassthrough;

/** The parameters of ACM PCA's IssueCertificate, as the caller gave them. */
public record IssueCertificateCommand(
        String certificateAuthorityArn,
        String csr,
        SigningAlgorithm signingAlgorithm,
        String templateArn,
        Validity validity,
        Validity validityNotBefore,
        String idempotencyToken,
        ApiPassthrough apiPassthrough) {
}
