package dev.certgateway.policy;

import dev.certgateway.x509.CertificateTemplate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The templates a team may use, by name (e.g. {@code EndEntityCertificate_APIPassthrough}). Where a policy lists
 * none, the end-entity templates are allowed: CA templates are granted only by listing them.
 */
record TemplateRule(Set<String> allowed) implements PolicyRule {

    /** Every template that does not make a CA certificate. */
    static Set<String> endEntity() {
        return CertificateTemplate.all().stream().filter(t -> !t.certificateAuthority())
                .map(CertificateTemplate::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        if (allowed.contains(input.template().name())) {
            return List.of();
        }
        String allows = allowed.isEmpty() ? "The policy allows no template"
                : "The policy allows only the templates " + Lists.describe(List.copyOf(allowed));
        if (input.template().certificateAuthority()) {
            allows += "; a CA template must be listed in the team's own section and allowed by the baseline";
        }
        return List.of(new Violation("templates", "templateArn", input.template().arn(), allows));
    }
}
