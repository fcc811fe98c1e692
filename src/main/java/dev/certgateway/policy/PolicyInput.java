package dev.certgateway.policy;

import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.KeyDescription;
import dev.certgateway.x509.SigningAlgorithm;
import java.time.Instant;
import java.util.Objects;

/**
 * What policy decides on: the request's choices and the effective certificate, after template, API passthrough and
 * CSR were composed. Names that API passthrough adds are in {@code certificate}, so they cannot slip past policy.
 *
 * @param apiPassthroughGiven whether the request carried {@code apiPassthrough} at all
 * @param now                 the issuance time, for the backdating limit
 */
public record PolicyInput(
        String authorityAlias,
        String authorityArn,
        CertificateTemplate template,
        SigningAlgorithm signingAlgorithm,
        KeyDescription key,
        CertificateBlueprint certificate,
        boolean apiPassthroughGiven,
        Instant now) {

    public PolicyInput {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(now, "now");
    }
}
