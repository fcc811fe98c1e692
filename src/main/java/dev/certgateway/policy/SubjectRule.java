package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The subject DN of the effective certificate.
 *
 * @param required             attributes that must be present
 * @param allowed              when not null, the only attributes allowed, each with what values it may take
 * @param commonNameMustBeSan  every CN must equal one of the SANs (DNS, IP, email or URI), so that clients that
 *                             still read the CN see a name the SAN rules checked
 */
record SubjectRule(Set<ASN1ObjectIdentifier> required, Map<ASN1ObjectIdentifier, Values> allowed,
        Boolean commonNameMustBeSan) implements PolicyRule {

    static final SubjectRule NONE = new SubjectRule(null, null, null);

    /**
     * What one attribute may hold: one of {@code values} when not null, and matching every pattern.
     * No values and no patterns: anything.
     */
    record Values(Set<String> values, List<Pattern> patterns) {

        Values {
            patterns = List.copyOf(patterns);
        }

        boolean accepts(String value) {
            return (values == null || values.contains(value))
                    && patterns.stream().allMatch(p -> p.matcher(value).matches());
        }

        Values narrow(Values team) {
            List<Pattern> both = new ArrayList<>(patterns);
            both.addAll(team.patterns);
            return new Values(Lists.intersect(values, team.values), both);
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (values != null) {
                parts.add(values.isEmpty() ? "no value" : "one of " + Lists.describe(values.stream()
                        .map(v -> "'" + v + "'").toList()));
            }
            patterns.forEach(p -> parts.add("matching /" + p.pattern() + "/"));
            return parts.isEmpty() ? "any value" : String.join(" and ", parts);
        }

        Object view() {
            Map<String, Object> out = new LinkedHashMap<>();
            if (values != null) {
                out.put("values", values.stream().sorted().toList());
            }
            if (!patterns.isEmpty()) {
                out.put("patterns", patterns.stream().map(Pattern::pattern).toList());
            }
            return out;
        }
    }

    SubjectRule narrow(SubjectRule team) {
        if (team == null) {
            return this;
        }
        Set<ASN1ObjectIdentifier> req = required == null ? team.required : team.required == null ? required
                : union(required, team.required);
        Map<ASN1ObjectIdentifier, Values> allow = allowed;
        if (allowed == null) {
            allow = team.allowed;
        } else if (team.allowed != null) {
            allow = new LinkedHashMap<>();
            for (Map.Entry<ASN1ObjectIdentifier, Values> e : allowed.entrySet()) {
                Values t = team.allowed.get(e.getKey());
                if (t != null) {
                    allow.put(e.getKey(), e.getValue().narrow(t));
                }
            }
        }
        return new SubjectRule(req, allow, Lists.or(commonNameMustBeSan, team.commonNameMustBeSan));
    }

    private static Set<ASN1ObjectIdentifier> union(Set<ASN1ObjectIdentifier> a, Set<ASN1ObjectIdentifier> b) {
        Set<ASN1ObjectIdentifier> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        List<AttributeTypeAndValue> attributes = new ArrayList<>();
        for (RDN rdn : input.certificate().subject().getRDNs()) {
            attributes.addAll(List.of(rdn.getTypesAndValues()));
        }
        if (required != null) {
            for (ASN1ObjectIdentifier oid : required) {
                if (attributes.stream().noneMatch(a -> a.getType().equals(oid))) {
                    out.add(new Violation("subject.required", "subject." + name(oid), "(absent)",
                            "The policy requires the subject attribute " + name(oid)));
                }
            }
        }
        if (allowed != null) {
            for (AttributeTypeAndValue attribute : attributes) {
                Values values = allowed.get(attribute.getType());
                String name = name(attribute.getType());
                String value = text(attribute.getValue());
                if (values == null) {
                    out.add(new Violation("subject.allowed", "subject." + name, name + "=" + value,
                            "The policy allows only the subject attributes " + Lists.describe(allowed.keySet()
                                    .stream().map(SubjectRule::name).toList())));
                } else if (!values.accepts(value)) {
                    out.add(new Violation("subject.allowed." + name, "subject." + name, name + "=" + value,
                            "The policy allows " + name + " with " + values.describe()));
                }
            }
        }
        if (Boolean.TRUE.equals(commonNameMustBeSan)) {
            Set<String> sans = new LinkedHashSet<>();
            Sans.of(input).forEach(s -> sans.add(s.text().toLowerCase(Locale.ROOT)));
            for (AttributeTypeAndValue attribute : attributes) {
                if (attribute.getType().equals(BCStyle.CN)) {
                    String cn = text(attribute.getValue());
                    if (!sans.contains(DnsPattern.normalise(cn)) && !sans.contains(cn.toLowerCase(Locale.ROOT))) {
                        out.add(new Violation("subject.commonNameMustBeSan", "subject.CN", "CN=" + cn,
                                "The policy requires the CN to be one of the subject alternative names; add it to"
                                        + " the SANs or leave the CN out"));
                    }
                }
            }
        }
        return out;
    }

    static String name(ASN1ObjectIdentifier oid) {
        String name = BCStyle.INSTANCE.oidToDisplayName(oid);
        return name == null ? oid.getId() : name;
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(value);
    }

    Map<String, Object> view() {
        Map<String, Object> allow = null;
        if (allowed != null) {
            allow = new LinkedHashMap<>();
            for (Map.Entry<ASN1ObjectIdentifier, Values> e : allowed.entrySet()) {
                allow.put(name(e.getKey()), e.getValue().view());
            }
        }
        Map<String, Object> view = View.of("required", required == null ? null
                : required.stream().map(SubjectRule::name).toList(), "commonNameMustBeSan", commonNameMustBeSan);
        if (allow != null) {
            view.put("allowed", allow);
        }
        return view;
    }
}
