package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A URI pattern such as {@code spiffe://example.org/ns/payments/sa/*}. The URI is split at every {@code /}; a
 * segment {@code *} matches exactly one non-empty segment, a final segment {@code **} matches one or more segments,
 * and every other segment must be equal (case-sensitive, as URI paths are). Anything else, including {@code *}
 * inside a segment, is literal.
 */
record UriPattern(List<String> segments) {

    static final String ACCEPTED = "use a URI such as 'spiffe://example.org/ns/payments/sa/*', where a '*' segment"
            + " matches one path segment and a final '**' segment matches one or more";

    private static final String ONE = "*";
    private static final String REST = "**";

    UriPattern {
        segments = List.copyOf(segments);
    }

    static Optional<UriPattern> parse(String text) {
        String value = text.strip();
        if (!value.matches("[A-Za-z][A-Za-z0-9+.-]*:.+")) {
            return Optional.empty();
        }
        List<String> segments = List.of(value.split("/", -1));
        for (int i = 0; i < segments.size() - 1; i++) {
            if (REST.equals(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(new UriPattern(segments));
    }

    boolean matches(String uri) {
        return matches(segments, List.of(uri.split("/", -1)));
    }

    private static boolean matches(List<String> pattern, List<String> value) {
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (REST.equals(p)) {
                List<String> rest = value.subList(Math.min(i, value.size()), value.size());
                return !rest.isEmpty() && rest.stream().noneMatch(String::isEmpty);
            }
            if (i >= value.size()) {
                return false;
            }
            String v = value.get(i);
            if (ONE.equals(p) ? v.isEmpty() : !p.equals(v)) {
                return false;
            }
        }
        return pattern.size() == value.size();
    }

    /** The URIs both patterns match, as one pattern; empty when they share none. */
    Optional<UriPattern> intersect(UriPattern other) {
        List<String> out = new ArrayList<>();
        List<String> a = segments;
        List<String> b = other.segments;
        int i = 0;
        while (true) {
            boolean aDone = i >= a.size();
            boolean bDone = i >= b.size();
            if (aDone && bDone) {
                return Optional.of(new UriPattern(out));
            }
            if (!aDone && REST.equals(a.get(i))) {
                if (bDone) {
                    return Optional.empty();
                }
                out.addAll(b.subList(i, b.size()));
                return Optional.of(new UriPattern(out));
            }
            if (!bDone && REST.equals(b.get(i))) {
                if (aDone) {
                    return Optional.empty();
                }
                out.addAll(a.subList(i, a.size()));
                return Optional.of(new UriPattern(out));
            }
            if (aDone || bDone) {
                return Optional.empty();
            }
            String x = a.get(i);
            String y = b.get(i);
            if (ONE.equals(x)) {
                if (y.isEmpty()) {
                    return Optional.empty();
                }
                out.add(y);
            } else if (ONE.equals(y) || x.equals(y)) {
                if (x.isEmpty() && ONE.equals(y)) {
                    return Optional.empty();
                }
                out.add(x);
            } else {
                return Optional.empty();
            }
            i++;
        }
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
