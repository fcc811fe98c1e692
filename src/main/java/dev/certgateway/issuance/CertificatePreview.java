package dev.certgateway.issuance;

import dev.certgateway.policy.Violation;
import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.SigningAlgorithm;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code POST /api/v1/certificates/preview}: whether the team's policy allows the request, every
 * violation, and the certificate issuance would sign.
 *
 * @param policyVersion the version of the policy the decision was made with
 * @param warnings      input that was ignored or dropped while composing, as on issuance
 */
public record CertificatePreview(
        boolean allowed,
        String policyVersion,
        List<Violation> violations,
        EffectiveCertificate effectiveCertificate,
        List<String> warnings) {

    /**
     * The certificate as it would be signed (the serial number is chosen at issuance, so it is not shown).
     *
     * @param authority the authority's alias
     */
    public record EffectiveCertificate(
            String subject,
            List<String> subjectAlternativeNames,
            List<ExtensionDescriptions.Described> extensions,
            Instant notBefore,
            Instant notAfter,
            String signingAlgorithm,
            String templateArn,
            String authority,
            String authorityArn) {
    }

    static CertificatePreview of(List<Violation> violations, String policyVersion, CertificateBlueprint blueprint,
            CertificateTemplate template, SigningAlgorithm algorithm, String authority, String authorityArn) {
        EffectiveCertificate certificate = new EffectiveCertificate(
                blueprint.subject().toString(),
                SubjectAlternativeNames.describe(blueprint.subjectAlternativeNames()),
                blueprint.extensions().stream().map(ExtensionDescriptions::describe).toList(),
                blueprint.validity().notBefore(),
                blueprint.validity().notAfter(),
                algorithm.name(),
                template.arn(),
                authority,
                authorityArn);
        return new CertificatePreview(violations.isEmpty(), policyVersion, List.copyOf(violations), certificate,
                blueprint.warnings());
    }
}
