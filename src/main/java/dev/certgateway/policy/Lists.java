package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** The merge arithmetic: null means "not restricted" for allow lists and "nothing" for deny lists. */
final class Lists {

    private Lists() {
    }

    /** Allow lists narrow: the values both allow. */
    static <T> Set<T> intersect(Set<T> baseline, Set<T> team) {
        if (baseline == null) {
            return team;
        }
        if (team == null) {
            return baseline;
        }
        Set<T> out = new LinkedHashSet<>(baseline);
        out.retainAll(team);
        return java.util.Collections.unmodifiableSet(out);
    }

    /** Pattern allow lists narrow: every non-empty intersection of a baseline pattern with a team pattern. */
    static <T> List<T> intersect(List<T> baseline, List<T> team, BiFunction<T, T, Optional<T>> intersection) {
        if (baseline == null) {
            return team;
        }
        if (team == null) {
            return baseline;
        }
        Set<T> out = new LinkedHashSet<>();
        for (T b : baseline) {
            for (T t : team) {
                intersection.apply(b, t).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    /** Deny lists add up. */
    static <T> List<T> union(List<T> baseline, List<T> team) {
        if (baseline == null) {
            return team;
        }
        if (team == null) {
            return baseline;
        }
        Set<T> out = new LinkedHashSet<>(baseline);
        out.addAll(team);
        return List.copyOf(out);
    }

    static Integer min(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    static Integer max(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    /** Booleans that permit something: false, the stricter, wins. */
    static Boolean and(Boolean a, Boolean b) {
        return a == null ? b : b == null ? a : Boolean.valueOf(a && b);
    }

    /** Booleans that demand something: true, the stricter, wins. */
    static Boolean or(Boolean a, Boolean b) {
        return a == null ? b : b == null ? a : Boolean.valueOf(a || b);
    }

    static String describe(Collection<?> values) {
        if (values.isEmpty()) {
            return "none";
        }
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static <T> List<String> strings(Collection<T> values) {
        if (values == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }
}
