package dev.certgateway.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One certificate the gateway issued, as recorded. */
public record IssuedCertificate(
        UUID id,
        String certificateArn,
        String authorityAlias,
        String authorityArn,
        String serialNumber,
        String team,
        String requester,
        String subject,
        List<String> subjectAlternativeNames,
        Instant notBefore,
        Instant notAfter,
        String templateArn,
        String signingAlgorithm,
        String sha256Fingerprint,
        String certificatePem,
        String certificateChainPem,
        List<String> warnings,
        CertificateStatus status,
        Instant createdAt) {

    public IssuedCertificate {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
        warnings = List.copyOf(warnings);
    }
}
