package dev.certgateway.issuance.web;

import dev.certgateway.inventory.IssuedCertificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An issued certificate with its chain; the body of issuance and of {@code GET /api/v1/certificates/{id}}. */
public record CertificateResponse(
        UUID id,
        String certificateArn,
        String certificateAuthorityArn,
        String serialNumber,
        String subject,
        List<String> subjectAlternativeNames,
        Instant notBefore,
        Instant notAfter,
        String templateArn,
        String signingAlgorithm,
        String status,
        Instant issuedAt,
        List<String> warnings,
        String certificate,
        String certificateChain) {

    static CertificateResponse of(IssuedCertificate issued) {
        return new CertificateResponse(issued.id(), issued.certificateArn(), issued.authorityArn(),
                issued.serialNumber(), issued.subject(), issued.subjectAlternativeNames(), issued.notBefore(),
                issued.notAfter(), issued.templateArn(), issued.signingAlgorithm(), issued.status().name(),
                issued.createdAt(), issued.warnings(), issued.certificatePem(), issued.certificateChainPem());
    }
}
