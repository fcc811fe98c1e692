package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.GeneralName;

/** URIs in the SAN (SPIFFE IDs, typically) against allow and deny patterns; see {@link UriPattern}. */
record UriRule(NameRule<UriPattern> uris) implements PolicyRule {

    static final UriRule NONE = new UriRule(new NameRule<>("uri", null, null));

    UriRule narrow(UriRule team) {
        return team == null ? this : new UriRule(uris.narrow(team.uris, UriPattern::intersect));
    }

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        for (Sans.San san : Sans.of(input, GeneralName.uniformResourceIdentifier)) {
            out.addAll(uris.check(san.field(), san.describe(), san.text(), "URIs", UriPattern::matches,
                    UriPattern::matches));
        }
        return out;
    }

    Map<String, Object> view() {
        return View.of("allow", Lists.strings(uris.allow()), "deny", Lists.strings(uris.deny()));
    }
}
