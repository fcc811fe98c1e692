package dev.certgateway.policy;

import java.util.List;

/** At most this many names in the subjectAlternativeName. */
record SanCountRule(int maximum) implements PolicyRule {

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        int count = Sans.of(input).size();
        if (count <= maximum) {
            return List.of();
        }
        return List.of(new Violation("maximumSans", "subjectAlternativeNames", String.valueOf(count),
                "The policy allows at most " + maximum + " subject alternative names"));
    }
}
