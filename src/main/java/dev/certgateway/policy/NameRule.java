package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * The shape shared by the DNS, IP, email and URI rules: an optional allow list (absent: any name of the kind) and a
 * deny list that wins over it.
 *
 * @param <P> the pattern type
 */
record NameRule<P>(String key, List<P> allow, List<P> deny) {

    /** Baseline and team: allow lists intersect, deny lists add up. */
    NameRule<P> narrow(NameRule<P> team, BiFunction<P, P, Optional<P>> intersection) {
        if (team == null) {
            return this;
        }
        return new NameRule<>(key, Lists.intersect(allow, team.allow, intersection), Lists.union(deny, team.deny));
    }

    /**
     * @param allowedBy whether a pattern allows the value (for a wildcard name: covers every name it stands for)
     * @param deniedBy  whether a pattern denies the value (for a wildcard name: covers any name it stands for)
     */
    <V> List<Violation> check(String field, String shown, V value, String kind, BiPredicate<P, V> allowedBy,
            BiPredicate<P, V> deniedBy) {
        List<Violation> out = new ArrayList<>();
        if (deny != null) {
            for (P pattern : deny) {
                if (deniedBy.test(pattern, value)) {
                    out.add(new Violation(key + ".deny", field, shown, "The policy denies " + kind + " matching "
                            + pattern + (allow == null ? "" : "; it allows " + kind + " matching "
                            + Lists.describe(allow) + " that no deny entry matches")));
                    return out;
                }
            }
        }
        if (allow != null && allow.stream().noneMatch(p -> allowedBy.test(p, value))) {
            out.add(new Violation(key + ".allow", field, shown, allow.isEmpty()
                    ? "The policy allows no " + kind
                    : "The policy allows only " + kind + " matching " + Lists.describe(allow)
                    + (deny == null || deny.isEmpty() ? "" : ", except " + Lists.describe(deny))));
        }
        return out;
    }
}
