package dev.certgateway.policy;

import dev.certgateway.x509.KeyDescription;
import dev.certgateway.x509.KeyFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSR's public key: which families, the smallest RSA modulus, which EC curves (NIST names, e.g. P-256). The
 * gateway's own key check has already rejected weak and malformed keys; this narrows further.
 */
record KeyRule(Set<KeyFamily> types, Integer minimumRsaBits, Set<String> curves) implements PolicyRule {

    static final KeyRule NONE = new KeyRule(null, null, null);

    KeyRule narrow(KeyRule team) {
        return team == null ? this : new KeyRule(Lists.intersect(types, team.types),
                Lists.max(minimumRsaBits, team.minimumRsaBits), Lists.intersect(curves, team.curves));
    }

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        KeyDescription key = input.key();
        List<Violation> out = new ArrayList<>();
        if (key == null) {
            return out;
        }
        if (types != null && !types.contains(key.family())) {
            out.add(new Violation("keys.types", "csr.publicKey", key.family().name(),
                    "The policy allows only keys of type " + Lists.describe(types.stream().sorted().toList())));
        }
        if (minimumRsaBits != null && key.family() == KeyFamily.RSA && key.sizeBits() < minimumRsaBits) {
            out.add(new Violation("keys.minimumRsaBits", "csr.publicKey", "RSA-" + key.sizeBits(),
                    "The policy allows only RSA keys of at least " + minimumRsaBits + " bits"));
        }
        if (curves != null && key.family() == KeyFamily.EC && !curves.contains(key.curve())) {
            out.add(new Violation("keys.curves", "csr.publicKey", "EC " + key.curve(),
                    "The policy allows only EC keys on the curves " + Lists.describe(curves.stream().sorted()
                            .toList())));
        }
        return out;
    }

    Map<String, Object> view() {
        return View.of("types", types == null ? null : Lists.strings(types.stream().sorted().toList()),
                "minimumRsaBits", minimumRsaBits,
                "curves", curves == null ? null : curves.stream().sorted().toList());
    }
}
