package dev.certgateway.issuance.web;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.certgateway.inventory.IssuedCertificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An issued certificate with its chain; the body of issuance and of {@code GET /api/v1/certificates/{id}}. */
@Schema(description = "An issued certificate with its chain")
public record CertificateResponse(
        @Schema(description = "The certificate's id in this API", example = "4b62843b-0028-4d17-bf9a-82748c123b7e")
        UUID id,
        @Schema(description = "ACM PCA form: the authority's ARN, /certificate/, the serial in hex", example = "arn:aws:acm-pca:local:000000000000:certificate-authority/37ffc8ff-3672-3719-9385-2c0a5c4eba00/certificate/01a228b0b93b131d7238acd76bdc468e")
        String certificateArn,
        @Schema(description = "ARN of the issuing authority")
        String certificateAuthorityArn,
        @Schema(description = "Serial number, 32 hex digits (the issuance time in milliseconds, then 80 random bits)", example = "01a228b0b93b131d7238acd76bdc468e")
        String serialNumber,
        @Schema(description = "Subject distinguished name", example = "CN=demo.example.internal")
        String subject,
        @Schema(description = "Subject alternative names as TYPE:value (DNS, IP, email, URI, RID, DirName, othername)")
        List<String> subjectAlternativeNames,
        @Schema(description = "Start of validity")
        Instant notBefore,
        @Schema(description = "End of validity")
        Instant notAfter,
        @Schema(description = "The template used")
        String templateArn,
        @Schema(description = "The signing algorithm used", example = "SHA256WITHECDSA")
        String signingAlgorithm,
        @Schema(description = "ISSUED", example = "ISSUED")
        String status,
        @Schema(description = "When the certificate was recorded")
        Instant issuedAt,
        @Schema(description = "Request content that was ignored or dropped while composing the certificate")
        List<String> warnings,
        @Schema(description = "The certificate, PEM")
        String certificate,
        @Schema(description = "The issuing authority's certificate up to its root, PEM")
        String certificateChain) {

    static CertificateResponse of(IssuedCertificate issued) {
        return new CertificateResponse(issued.id(), issued.certificateArn(), issued.authorityArn(),
                issued.serialNumber(), issued.subject(), issued.subjectAlternativeNames(), issued.notBefore(),
                issued.notAfter(), issued.templateArn(), issued.signingAlgorithm(), issued.status().name(),
                issued.createdAt(), issued.warnings(), issued.certificatePem(), issued.certificateChainPem());
    }
}
