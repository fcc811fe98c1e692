package dev.certgateway.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DNS name pattern, as in step-ca's name policy: {@code api.example.com} (that name), {@code *.example.com}
 * (exactly one label below example.com) or {@code .example.com} (any number of labels below example.com; not
 * example.com itself). Also used for the domain part of email addresses. Comparison ignores case and a trailing dot.
 */
record DnsPattern(Kind kind, String domain) {

    enum Kind { EXACT, ONE_LABEL, ANY_DEPTH }

    static final String ACCEPTED = "use 'name', '*.domain' or '.domain'";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    /** @return empty when {@code text} is not a valid pattern */
    static Optional<DnsPattern> parse(String text) {
        String value = normalise(text);
        Kind kind = Kind.EXACT;
        if (value.startsWith("*.")) {
            kind = Kind.ONE_LABEL;
            value = value.substring(2);
        } else if (value.startsWith(".")) {
            kind = Kind.ANY_DEPTH;
            value = value.substring(1);
        }
        return validName(value) ? Optional.of(new DnsPattern(kind, value)) : Optional.empty();
    }

    static String normalise(String name) {
        String value = name.strip().toLowerCase(Locale.ROOT);
        return value.endsWith(".") && value.length() > 1 ? value.substring(0, value.length() - 1) : value;
    }

    static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether this pattern matches the plain (non-wildcard) name. */
    boolean matches(String name) {
        String n = normalise(name);
        return switch (kind) {
            case EXACT -> n.equals(domain);
            case ONE_LABEL -> n.endsWith("." + domain) && n.indexOf('.') == n.length() - domain.length() - 1;
            case ANY_DEPTH -> n.endsWith("." + domain);
        };
    }

    /** Whether every name this pattern matches is matched by {@code other}. */
    boolean within(DnsPattern other) {
        return intersect(other).map(this::equals).orElse(false);
    }

    /** The names both patterns match, as one pattern; empty when they share none. */
    Optional<DnsPattern> intersect(DnsPattern other) {
        if (kind == Kind.EXACT) {
            return other.matchesPattern(this) ? Optional.of(this) : Optional.empty();
        }
        if (other.kind == Kind.EXACT) {
            return matchesPattern(other) ? Optional.of(other) : Optional.empty();
        }
        if (kind == Kind.ONE_LABEL && other.kind == Kind.ONE_LABEL) {
            return domain.equals(other.domain) ? Optional.of(this) : Optional.empty();
        }
        if (kind == Kind.ANY_DEPTH && other.kind == Kind.ANY_DEPTH) {
            if (atOrBelow(domain, other.domain)) {
                return Optional.of(this);
            }
            return atOrBelow(other.domain, domain) ? Optional.of(other) : Optional.empty();
        }
        // One label below d, and any depth below e: the one-label set lies inside when d is e or below it. When e
        // is below d, the names under e have more labels than one below d, so the sets are disjoint.
        DnsPattern oneLabel = kind == Kind.ONE_LABEL ? this : other;
        DnsPattern anyDepth = kind == Kind.ANY_DEPTH ? this : other;
        return atOrBelow(oneLabel.domain, anyDepth.domain) ? Optional.of(oneLabel) : Optional.empty();
    }

    private boolean matchesPattern(DnsPattern exact) {
        return matches(exact.domain);
    }

    private static boolean atOrBelow(String name, String domain) {
        return name.equals(domain) || name.endsWith("." + domain);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EXACT -> domain;
            case ONE_LABEL -> "*." + domain;
            case ANY_DEPTH -> "." + domain;
        };
    }
}
