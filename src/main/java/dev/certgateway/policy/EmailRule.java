package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Email addresses (rfc822Name) in the SAN, by domain: the part after the last {@code @} must match an allow
 * pattern and no deny pattern (patterns as for DNS names: {@code example.com}, {@code *.example.com},
 * {@code .example.com}).
 */
record EmailRule(NameRule<DnsPattern> domains) implements PolicyRule {

    static final EmailRule NONE = new EmailRule(new NameRule<>("email", null, null));

    EmailRule narrow(EmailRule team) {
        return team == null ? this : new EmailRule(domains.narrow(team.domains, DnsPattern::intersect));
    }

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        for (Sans.San san : Sans.of(input, GeneralName.rfc822Name)) {
            String address = san.text();
            String domain = address.substring(address.lastIndexOf('@') + 1);
            out.addAll(domains.check(san.field(), san.describe(), domain, "email addresses in domains",
                    DnsPattern::matches, DnsPattern::matches));
        }
        return out;
    }

    Map<String, Object> view() {
        return View.of("allow", Lists.strings(domains.allow()), "deny", Lists.strings(domains.deny()));
    }
}
