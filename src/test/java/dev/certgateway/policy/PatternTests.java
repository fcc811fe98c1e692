package dev.certgateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pattern arithmetic behind allow and deny lists and behind merging them. */
class PatternTests {

    static Stream<Arguments> dnsIntersections() {
        return Stream.of(
                arguments("ok/exact in one label", "a.example.com", "*.example.com", "a.example.com"),
                arguments("fail/exact not in one label", "a.b.example.com", "*.example.com", null),
                arguments("ok/one label in any depth", "*.a.example.com", ".example.com", "*.a.example.com"),
                arguments("ok/one label in any depth of the same domain", "*.example.com", ".example.com",
                        "*.example.com"),
                arguments("fail/any depth below a one-label domain", "*.example.com", ".a.example.com", null),
                arguments("ok/nested any depth", ".example.com", ".a.example.com", ".a.example.com"),
                arguments("fail/disjoint any depth", ".example.com", ".example.org", null),
                arguments("fail/different one label", "*.a.example.com", "*.b.example.com", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dnsIntersections")
    void dnsIntersection(String name, String a, String b, String expected) {
        DnsPattern x = DnsPattern.parse(a).orElseThrow();
        DnsPattern y = DnsPattern.parse(b).orElseThrow();
        assertThat(x.intersect(y).map(Object::toString)).isEqualTo(Optional.ofNullable(expected));
        assertThat(y.intersect(x).map(Object::toString)).isEqualTo(Optional.ofNullable(expected));
        assertThat(name).startsWith(expected == null ? "fail/" : "ok/");
    }

    static Stream<Arguments> dnsPatterns() {
        return Stream.of(
                arguments("ok/exact", "api.example.com"),
                arguments("ok/one label", "*.example.com"),
                arguments("ok/any depth", ".example.com"),
                arguments("fail/two wildcards", "*.*.example.com"),
                arguments("fail/wildcard inside a label", "a*.example.com"),
                arguments("fail/empty label", "a..example.com"),
                arguments("fail/space", "a b.example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dnsPatterns")
    void dnsPatternSyntax(String name, String pattern) {
        assertThat(DnsPattern.parse(pattern).isPresent()).isEqualTo(name.startsWith("ok/"));
    }

    static Stream<Arguments> ipRanges() {
        return Stream.of(
                arguments("ok/v4", "10.0.0.0/8", "10.255.0.1", true),
                arguments("ok/v4 outside", "10.0.0.0/8", "11.0.0.1", false),
                arguments("ok/v6", "fd00::/8", "fd00:1::2", true),
                arguments("ok/v6 outside", "fd00::/8", "fe80::1", false),
                arguments("ok/all v4", "0.0.0.0/0", "192.0.2.1", true),
                arguments("ok/single", "192.0.2.1", "192.0.2.1", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ipRanges")
    void ipContains(String name, String range, String address, boolean contained) {
        assertThat(IpRange.parse(range).orElseThrow().contains(IpRange.literal(address))).isEqualTo(contained);
    }

    static Stream<Arguments> ipSyntax() {
        return Stream.of(
                arguments("ok/cidr", "10.0.0.0/8"),
                arguments("ok/v6 cidr", "2001:db8::/32"),
                arguments("fail/host bits set", "10.1.0.0/8"),
                arguments("fail/prefix too long", "10.0.0.0/33"),
                arguments("fail/octet too large", "10.0.0.256"),
                arguments("fail/host name", "example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ipSyntax")
    void ipRangeSyntax(String name, String range) {
        assertThat(IpRange.parse(range).isPresent()).isEqualTo(name.startsWith("ok/"));
    }

    static Stream<Arguments> uriIntersections() {
        return Stream.of(
                arguments("ok/rest and one", "spiffe://example.org/**", "spiffe://example.org/ns/*/sa/*",
                        "spiffe://example.org/ns/*/sa/*"),
                arguments("ok/one and literal", "spiffe://example.org/ns/*", "spiffe://example.org/ns/payments",
                        "spiffe://example.org/ns/payments"),
                arguments("fail/different lengths", "spiffe://example.org/ns/*", "spiffe://example.org/ns/*/sa",
                        null),
                arguments("fail/different literals", "spiffe://example.org/a", "spiffe://example.org/b", null),
                arguments("ok/two rests", "spiffe://example.org/ns/**", "spiffe://example.org/**",
                        "spiffe://example.org/ns/**"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uriIntersections")
    void uriIntersection(String name, String a, String b, String expected) {
        UriPattern x = UriPattern.parse(a).orElseThrow();
        UriPattern y = UriPattern.parse(b).orElseThrow();
        assertThat(x.intersect(y).map(Object::toString)).isEqualTo(Optional.ofNullable(expected));
        assertThat(y.intersect(x).map(Object::toString)).isEqualTo(Optional.ofNullable(expected));
        assertThat(name).startsWith(expected == null ? "fail/" : "ok/");
    }
}
