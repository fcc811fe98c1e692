package dev.certgateway.issuance.web;

import dev.certgateway.issuance.IssueCertificateCommand;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.Validity;
import dev.certgateway.x509.passthrough.ApiPassthrough;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/v1/certificates}: ACM PCA's IssueCertificate parameters, camelCased. */
public record IssueCertificateRequest(
        @NotBlank(message = "is required: the ARN or alias of the issuing authority")
        String certificateAuthorityArn,
        @NotBlank(message = "is required: a PKCS#10 CSR in PEM or base64 DER")
        String csr,
        @NotNull(message = "is required: one of SHA256WITHECDSA, SHA384WITHECDSA, SHA512WITHECDSA, "
                + "SHA256WITHRSA, SHA384WITHRSA, SHA512WITHRSA, SM3WITHSM2")
        SigningAlgorithm signingAlgorithm,
        String templateArn,
        @NotNull(message = "is required: {\"value\": N, \"type\": \"DAYS|MONTHS|YEARS|ABSOLUTE|END_DATE\"}")
        Validity validity,
        Validity validityNotBefore,
        @Pattern(regexp = "[\\x20-\\x7E]{1,36}",
                message = "must be 1 to 36 printable ASCII characters")
        String idempotencyToken,
        ApiPassthrough apiPassthrough) {

    /** @param token the idempotency token from the body or the Idempotency-Key header */
    IssueCertificateCommand toCommand(String token) {
        return new IssueCertificateCommand(certificateAuthorityArn, csr, signingAlgorithm, templateArn, validity,
                validityNotBefore, token, apiPassthrough);
    }
}
