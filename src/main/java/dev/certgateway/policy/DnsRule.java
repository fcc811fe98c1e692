package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * DNS names in the SAN. A wildcard name {@code *.d} stands for every name one label below d: it is allowed only when
 * an allow pattern covers all of them (and wildcards are allowed), and denied when a deny pattern covers any of them,
 * so a wildcard cannot reach a denied name.
 *
 * @param wildcards null means not restricted
 */
record DnsRule(NameRule<DnsPattern> names, Boolean wildcards) implements PolicyRule {

    static final DnsRule NONE = new DnsRule(new NameRule<>("dns", null, null), null);

    DnsRule narrow(DnsRule team) {
        return team == null ? this : new DnsRule(names.narrow(team.names, DnsPattern::intersect),
                Lists.and(wildcards, team.wildcards));
    }

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        for (Sans.San san : Sans.of(input, GeneralName.dNSName)) {
            String name = DnsPattern.normalise(san.text());
            if (name.startsWith("*.")) {
                if (Boolean.FALSE.equals(wildcards)) {
                    out.add(new Violation("dns.wildcards", san.field(), san.describe(),
                            "The policy does not allow wildcard DNS names; request each name explicitly"));
                }
                Optional<DnsPattern> covered = DnsPattern.parse(name);
                if (covered.isEmpty()) {
                    out.add(invalid(san));
                    continue;
                }
                out.addAll(names.check(san.field(), san.describe(), covered.get(), "DNS names",
                        (p, v) -> v.within(p), (p, v) -> p.intersect(v).isPresent()));
            } else {
                out.addAll(names.check(san.field(), san.describe(), name, "DNS names", DnsPattern::matches,
                        DnsPattern::matches));
            }
        }
        return out;
    }

    private static Violation invalid(Sans.San san) {
        return new Violation("dns.allow", san.field(), san.describe(), "The policy allows only valid DNS names");
    }

    Map<String, Object> view() {
        return View.of("allow", Lists.strings(names.allow()), "deny", Lists.strings(names.deny()),
                "wildcards", wildcards);
    }
}
