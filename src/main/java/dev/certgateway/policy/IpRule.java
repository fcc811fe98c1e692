package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.GeneralName;

/** IP addresses in the SAN, against CIDR allow and deny lists (IPv4 and IPv6 kept apart). */
record IpRule(NameRule<IpRange> names) implements PolicyRule {

    static final IpRule NONE = new IpRule(new NameRule<>("ip", null, null));

    IpRule narrow(IpRule team) {
        return team == null ? this : new IpRule(names.narrow(team.names, IpRange::intersect));
    }

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        for (Sans.San san : Sans.of(input, GeneralName.iPAddress)) {
            out.addAll(names.check(san.field(), san.describe(), san.ipOctets(), "IP addresses",
                    IpRange::contains, IpRange::contains));
        }
        return out;
    }

    Map<String, Object> view() {
        return View.of("allow", Lists.strings(names.allow()), "deny", Lists.strings(names.deny()));
    }
}
