package dev.certgateway.issuance.web;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.certgateway.authority.AuthorityStatus;
import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.x509.CertificateTimes;
import dev.certgateway.x509.KeyAlgorithm;
import dev.certgateway.x509.Pem;
import java.time.Instant;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;

/** An authority as callers see it. */
@Schema(description = "A certificate authority")
public record AuthorityResponse(
        @Schema(description = "Short name to use instead of the ARN", example = "dev-ec")
        String alias,
        @Schema(description = "The authority's ARN")
        String arn,
        @Schema(description = "The authority key's algorithm, in ACM PCA's names", example = "EC_prime256v1")
        KeyAlgorithm keyAlgorithm,
        @Schema(description = "The authority's subject")
        String subject,
        @Schema(description = "Start of the authority certificate's validity")
        Instant notBefore,
        @Schema(description = "End of the authority certificate's validity; no certificate it issues may outlive it")
        Instant notAfter,
        @Schema(description = "ACM PCA's authority status, or UNAVAILABLE when the gateway cannot reach it; only ACTIVE "
                + "authorities issue", example = "ACTIVE")
        AuthorityStatus status,
        @Schema(description = "The authority's certificate, PEM")
        String certificate,
        @Schema(description = "The authority's certificate up to its root, PEM")
        String certificateChain) {

    static AuthorityResponse of(CertificateAuthority authority, Instant now) {
        X509CertificateHolder certificate = authority.certificate();
        if (certificate == null) {
            // A remote authority the gateway could not read yet: listed with its status, nothing else known.
            return new AuthorityResponse(authority.alias(), authority.arn(), authority.keyAlgorithm(), null, null,
                    null, authority.status(now), null, null);
        }
        return new AuthorityResponse(authority.alias(), authority.arn(), authority.keyAlgorithm(),
                certificate.getSubject().toString(), CertificateTimes.notBefore(certificate),
                CertificateTimes.notAfter(certificate), authority.status(now), Pem.certificate(certificate),
                authority.chain().stream().map(Pem::certificate).collect(Collectors.joining()));
    }
}
