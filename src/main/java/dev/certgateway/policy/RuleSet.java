package dev.certgateway.policy;

import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.SigningAlgorithm;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * One section of the policy file (the baseline or a team's), and after {@link #narrow} a team's effective policy.
 * A null field is a rule the section does not set: not restricted, except where noted.
 *
 * @param templates      null means the end-entity templates (CA templates are granted only by listing them, in
 *                       the baseline and in the team's section)
 * @param otherNameKinds null in the baseline means none; null in a team's section means the baseline's
 */
record RuleSet(
        Set<String> authorities,
        Set<String> templates,
        Set<SigningAlgorithm> signingAlgorithms,
        DnsRule dns,
        IpRule ip,
        EmailRule email,
        UriRule uri,
        Set<String> otherNameKinds,
        Integer maximumSans,
        SubjectRule subject,
        KeyRule keys,
        ValidityRule validity,
        Set<String> keyUsages,
        Set<ASN1ObjectIdentifier> extendedKeyUsages,
        Set<ASN1ObjectIdentifier> customExtensions,
        Set<ASN1ObjectIdentifier> certificatePolicies,
        Boolean apiPassthrough) {

    /** A section with no rules. */
    static final RuleSet EMPTY = new RuleSet(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** What the gateway enforces when no policy file is configured: nothing beyond its own validation. */
    static final RuleSet ALLOW_ALL = new RuleSet(null,
            CertificateTemplate.all().stream().map(CertificateTemplate::name)
                    .collect(Collectors.toCollection(LinkedHashSet::new)),
            null, DnsRule.NONE, IpRule.NONE, EmailRule.NONE, UriRule.NONE, Set.copyOf(Sans.OTHER_KINDS.values()),
            null, SubjectRule.NONE, KeyRule.NONE, ValidityRule.NONE, null, null, null, null, null);

    /**
     * The team's effective policy: this (the baseline) narrowed by the team's section. Allow lists intersect, deny
     * lists add up, maxima take the smaller, minima the larger, booleans the stricter; a team never widens.
     */
    RuleSet narrow(RuleSet team) {
        RuleSet t = team == null ? EMPTY : team;
        return new RuleSet(
                Lists.intersect(authorities, t.authorities),
                Lists.intersect(templatesOrDefault(templates), templatesOrDefault(t.templates)),
                Lists.intersect(signingAlgorithms, t.signingAlgorithms),
                or(dns, DnsRule.NONE).narrow(t.dns),
                or(ip, IpRule.NONE).narrow(t.ip),
                or(email, EmailRule.NONE).narrow(t.email),
                or(uri, UriRule.NONE).narrow(t.uri),
                Lists.intersect(otherNameKinds == null ? Set.of() : otherNameKinds, t.otherNameKinds),
                Lists.min(maximumSans, t.maximumSans),
                or(subject, SubjectRule.NONE).narrow(t.subject),
                or(keys, KeyRule.NONE).narrow(t.keys),
                or(validity, ValidityRule.NONE).narrow(t.validity),
                Lists.intersect(keyUsages, t.keyUsages),
                Lists.intersect(extendedKeyUsages, t.extendedKeyUsages),
                Lists.intersect(customExtensions, t.customExtensions),
                Lists.intersect(certificatePolicies, t.certificatePolicies),
                Lists.and(apiPassthrough, t.apiPassthrough));
    }

    private static Set<String> templatesOrDefault(Set<String> templates) {
        return templates == null ? TemplateRule.endEntity() : templates;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** The checks this (effective) rule set makes, each one independent of the others. */
    List<PolicyRule> rules() {
        List<PolicyRule> rules = new ArrayList<>();
        if (authorities != null) {
            rules.add(new AuthorityRule(authorities));
        }
        rules.add(new TemplateRule(templatesOrDefault(templates)));
        if (signingAlgorithms != null) {
            rules.add(new SigningAlgorithmRule(signingAlgorithms));
        }
        rules.add(or(dns, DnsRule.NONE));
        rules.add(or(ip, IpRule.NONE));
        rules.add(or(email, EmailRule.NONE));
        rules.add(or(uri, UriRule.NONE));
        rules.add(new OtherNameRule(otherNameKinds == null ? Set.of() : otherNameKinds));
        if (maximumSans != null) {
            rules.add(new SanCountRule(maximumSans));
        }
        rules.add(or(subject, SubjectRule.NONE));
        rules.add(or(keys, KeyRule.NONE));
        rules.add(or(validity, ValidityRule.NONE));
        if (keyUsages != null) {
            rules.add(new ExtensionRules.KeyUsageRule(keyUsages));
        }
        if (extendedKeyUsages != null) {
            rules.add(new ExtensionRules.ExtendedKeyUsageRule(extendedKeyUsages));
        }
        if (customExtensions != null) {
            rules.add(new ExtensionRules.CustomExtensionRule(customExtensions));
        }
        if (certificatePolicies != null) {
            rules.add(new ExtensionRules.CertificatePolicyRule(certificatePolicies));
        }
        if (Boolean.FALSE.equals(apiPassthrough)) {
            rules.add(new PassthroughRule());
        }
        return rules;
    }

    /** Every violation of every rule, in rule order. */
    List<Violation> evaluate(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        for (PolicyRule rule : rules()) {
            out.addAll(rule.evaluate(input));
        }
        return out;
    }

    /** The effective policy as JSON, with the keys of the policy file; rules that do not restrict are left out. */
    Map<String, Object> view() {
        return View.of(
                "authorities", authorities == null ? null : authorities.stream().sorted().toList(),
                "templates", List.copyOf(templatesOrDefault(templates)),
                "signingAlgorithms", signingAlgorithms == null ? null
                        : signingAlgorithms.stream().sorted().map(Enum::name).toList(),
                "dns", or(dns, DnsRule.NONE).view(),
                "ip", or(ip, IpRule.NONE).view(),
                "email", or(email, EmailRule.NONE).view(),
                "uri", or(uri, UriRule.NONE).view(),
                "otherNameKinds", otherNameKinds == null ? List.of() : otherNameKinds.stream().sorted().toList(),
                "maximumSans", maximumSans,
                "subject", or(subject, SubjectRule.NONE).view(),
                "keys", or(keys, KeyRule.NONE).view(),
                "validity", or(validity, ValidityRule.NONE).view(),
                "keyUsages", keyUsages == null ? null : keyUsages.stream().sorted().toList(),
                "extendedKeyUsages", extendedKeyUsages == null ? null
                        : extendedKeyUsages.stream().map(ExtensionRules::purposeName).sorted().toList(),
                "customExtensions", customExtensions == null ? null
                        : customExtensions.stream().map(ASN1ObjectIdentifier::getId).sorted().toList(),
                "certificatePolicies", certificatePolicies == null ? null
                        : certificatePolicies.stream().map(ASN1ObjectIdentifier::getId).sorted().toList(),
                "apiPassthrough", apiPassthrough == null ? Boolean.TRUE : apiPassthrough);
    }
}
