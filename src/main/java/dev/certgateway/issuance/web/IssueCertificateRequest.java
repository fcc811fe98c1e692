package dev.certgateway.issuance.web;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.certgateway.issuance.IssueCertificateCommand;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.Validity;
import dev.certgateway.x509.passthrough.ApiPassthrough;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/v1/certificates}: ACM PCA's IssueCertificate parameters, camelCased. */
@Schema(description = "ACM PCA's IssueCertificate parameters, camelCased")
public record IssueCertificateRequest(
        @Schema(description = "ARN of the issuing authority (arn:aws:acm-pca:REGION:ACCOUNT:certificate-authority/ID) or its configured alias; GET /api/v1/authorities lists them", example = "dev-ec")
        @NotBlank(message = "is required: the ARN or alias of the issuing authority")
        String certificateAuthorityArn,
        @Schema(description = "PKCS#10 certificate signing request, PEM or base64 DER, at most 32 KiB; its signature must verify and it must have a subject or a SAN. Keys: RSA 2048-8192 bits with exponent 65537, or EC P-256, P-384, P-521", example = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBMTCB2AIBADA...\n-----END CERTIFICATE REQUEST-----\n")
        @NotBlank(message = "is required: a PKCS#10 CSR in PEM or base64 DER")
        String csr,
        @Schema(description = "Algorithm the authority signs with; its family must match the authority's key (ECDSA, RSA or SM2)", example = "SHA256WITHECDSA")
        @NotNull(message = "is required: one of SHA256WITHECDSA, SHA384WITHECDSA, SHA512WITHECDSA, "
                + "SHA256WITHRSA, SHA384WITHRSA, SHA512WITHRSA, SM3WITHSM2")
        SigningAlgorithm signingAlgorithm,
        @Schema(description = "ACM PCA template; default arn:aws:acm-pca:::template/EndEntityCertificate/V1", example = "arn:aws:acm-pca:::template/EndEntityCertificate/V1")
        String templateArn,
        @Schema(description = "End of validity (NotAfter): a date (END_DATE, ABSOLUTE) or a span from issuance (DAYS, MONTHS, YEARS); never past the authority's own NotAfter")
        @NotNull(message = "is required: {\"value\": N, \"type\": \"DAYS|MONTHS|YEARS|ABSOLUTE|END_DATE\"}")
        Validity validity,
        @Schema(description = "Start of validity (NotBefore), type ABSOLUTE only; default one hour before issuance")
        Validity validityNotBefore,
        @Schema(description = "1 to 36 printable ASCII characters; the same token and request within five minutes return the same certificate", example = "deploy-4711-web-1")
        @Pattern(regexp = "[\\x20-\\x7E]{1,36}",
                message = "must be 1 to 36 printable ASCII characters")
        String idempotencyToken,
        @Schema(description = "Subject and extensions given in the request; honoured by *APIPassthrough and *APICSRPassthrough templates only")
        ApiPassthrough apiPassthrough) {

    /** @param token the idempotency token from the body or the Idempotency-Key header */
    IssueCertificateCommand toCommand(String token) {
        return new IssueCertificateCommand(certificateAuthorityArn, csr, signingAlgorithm, templateArn, validity,
                validityNotBefore, token, apiPassthrough);
    }
}
