package dev.certgateway.issuance.web;

import dev.certgateway.inventory.IssuedCertificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of a certificate listing; fetch the id for the PEM. */
public record CertificateSummary(
        UUID id,
        String certificateArn,
        String certificateAuthorityArn,
        String serialNumber,
        String subject,
        List<String> subjectAlternativeNames,
        Instant notBefore,
        Instant notAfter,
        String templateArn,
        String status,
        Instant issuedAt) {

    static CertificateSummary of(IssuedCertificate issued) {
        return new CertificateSummary(issued.id(), issued.certificateArn(), issued.authorityArn(),
                issued.serialNumber(), issued.subject(), issued.subjectAlternativeNames(), issued.notBefore(),
                issued.notAfter(), issued.templateArn(), issued.status().name(), issued.createdAt());
    }
}
