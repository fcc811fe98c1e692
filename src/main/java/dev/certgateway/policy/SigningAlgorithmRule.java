package dev.certgateway.policy;

import dev.certgateway.x509.SigningAlgorithm;
import java.util.List;
import java.util.Set;

/** The signing algorithms a team may ask for. */
record SigningAlgorithmRule(Set<SigningAlgorithm> allowed) implements PolicyRule {

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        if (input.signingAlgorithm() == null || allowed.contains(input.signingAlgorithm())) {
            return List.of();
        }
        return List.of(new Violation("signingAlgorithms", "signingAlgorithm", input.signingAlgorithm().name(),
                "The policy allows only the signing algorithms " + Lists.describe(allowed.stream().sorted()
                        .toList())));
    }
}
