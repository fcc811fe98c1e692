package dev.certgateway.policy;

import java.util.List;
import java.util.Set;

/** The authorities (by alias, or ARN) a team may use. */
record AuthorityRule(Set<String> allowed) implements PolicyRule {

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        if (allowed.contains(input.authorityAlias()) || allowed.contains(input.authorityArn())) {
            return List.of();
        }
        return List.of(new Violation("authorities", "certificateAuthorityArn", input.authorityAlias(),
                allowed.isEmpty() ? "The policy allows no authority"
                        : "The policy allows only the authorities " + Lists.describe(allowed.stream().sorted()
                        .toList())));
    }
}
