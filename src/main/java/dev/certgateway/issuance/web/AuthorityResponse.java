package dev.certgateway.issuance.web;

import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.x509.Pem;
import java.time.Instant;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;

/** An authority as callers see it. */
public record AuthorityResponse(
        String alias,
        String arn,
        String keyAlgorithm,
        String subject,
        Instant notBefore,
        Instant notAfter,
        String status,
        String certificate,
        String certificateChain) {

    static AuthorityResponse of(CertificateAuthority authority, Instant now) {
        X509CertificateHolder certificate = authority.certificate();
        String keyAlgorithm = authority.keyAlgorithm() == null ? null : authority.keyAlgorithm().name();
        if (certificate == null) {
            // A remote authority the gateway could not read yet: listed with its status, nothing else known.
            return new AuthorityResponse(authority.alias(), authority.arn(), keyAlgorithm, null, null, null,
                    authority.status(now).name(), null, null);
        }
        return new AuthorityResponse(authority.alias(), authority.arn(), keyAlgorithm,
                certificate.getSubject().toString(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), authority.status(now).name(), Pem.certificate(certificate),
                authority.chain().stream().map(Pem::certificate).collect(Collectors.joining()));
    }
}
