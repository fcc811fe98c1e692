package dev.certgateway.policy;

import java.util.List;

/** Whether a request may carry apiPassthrough at all; checked only when the policy says false. */
record PassthroughRule() implements PolicyRule {

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        if (!input.apiPassthroughGiven()) {
            return List.of();
        }
        return List.of(new Violation("apiPassthrough", "apiPassthrough", "present",
                "The policy does not allow apiPassthrough; put the subject and names in the CSR instead"));
    }
}
