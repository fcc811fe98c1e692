package dev.certgateway.issuance.web;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.certgateway.inventory.IssuedCertificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of a certificate listing; fetch the id for the PEM. */
@Schema(description = "One certificate of a listing")
public record CertificateSummary(
        @Schema(description = "The certificate's id; GET /api/v1/certificates/{id} returns it with its PEM")
        UUID id,
        @Schema(description = "ACM PCA form of the certificate's ARN")
        String certificateArn,
        @Schema(description = "ARN of the issuing authority")
        String certificateAuthorityArn,
        @Schema(description = "Serial number in hex")
        String serialNumber,
        @Schema(description = "Subject distinguished name")
        String subject,
        @Schema(description = "Subject alternative names as TYPE:value")
        List<String> subjectAlternativeNames,
        @Schema(description = "Start of validity")
        Instant notBefore,
        @Schema(description = "End of validity")
        Instant notAfter,
        @Schema(description = "The template used")
        String templateArn,
        @Schema(description = "ISSUED")
        String status,
        @Schema(description = "When the certificate was recorded")
        Instant issuedAt) {

    static CertificateSummary of(IssuedCertificate issued) {
        return new CertificateSummary(issued.id(), issued.certificateArn(), issued.authorityArn(),
                issued.serialNumber(), issued.subject(), issued.subjectAlternativeNames(), issued.notBefore(),
                issued.notAfter(), issued.templateArn(), issued.status().name(), issued.createdAt());
    }
}
