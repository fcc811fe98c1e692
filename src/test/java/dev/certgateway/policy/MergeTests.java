package dev.certgateway.policy;

import static dev.certgateway.policy.Inputs.NOW;
import static dev.certgateway.policy.Inputs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A team's section narrows the baseline and never widens it. */
class MergeTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("ok/team without a section gets the baseline", """
                        baseline: {dns: {allow: [.example.com]}}
                        teams: {billing: {dns: {allow: [.billing.example.com]}}}
                        """, request().dns("api.payments.example.com"), List.of()),
                arguments("fail/allow lists intersect", """
                        baseline: {dns: {allow: [.example.com]}}
                        teams: {payments: {dns: {allow: [.payments.example.com, .example.org]}}}
                        """, request().dns("api.billing.example.com", "api.example.org"),
                        List.of("dns.allow", "dns.allow")),
                arguments("ok/allow lists intersect to the narrower pattern", """
                        baseline: {dns: {allow: [.example.com]}}
                        teams: {payments: {dns: {allow: [.payments.example.com]}}}
                        """, request().dns("a.payments.example.com"), List.of()),
                arguments("fail/a team cannot lift a baseline deny", """
                        baseline: {dns: {deny: [admin.example.com]}}
                        teams: {payments: {dns: {allow: [admin.example.com]}}}
                        """, request().dns("admin.example.com"), List.of("dns.deny")),
                arguments("fail/deny lists add up", """
                        baseline: {dns: {deny: [a.example.com]}}
                        teams: {payments: {dns: {deny: [b.example.com]}}}
                        """, request().dns("a.example.com", "b.example.com"), List.of("dns.deny", "dns.deny")),
                arguments("fail/a team cannot switch wildcards back on", """
                        baseline: {dns: {wildcards: false}}
                        teams: {payments: {dns: {wildcards: true}}}
                        """, request().dns("*.example.com"), List.of("dns.wildcards")),
                arguments("fail/maxima take the smaller", """
                        baseline: {validity: {maximum: 397d}, maximumSans: 1}
                        teams: {payments: {validity: {maximum: 90d}, maximumSans: 5}}
                        """, request().dns("a.example", "b.example").validity(NOW, NOW.plus(Duration.ofDays(100))),
                        List.of("maximumSans", "validity.maximum")),
                arguments("fail/minimum RSA size takes the larger", """
                        baseline: {keys: {minimumRsaBits: 3072}}
                        teams: {payments: {keys: {minimumRsaBits: 2048}}}
                        """, request().key(dev.certgateway.x509.KeyFamily.RSA, 2048, null),
                        List.of("keys.minimumRsaBits")),
                arguments("fail/apiPassthrough false wins", """
                        baseline: {apiPassthrough: false}
                        teams: {payments: {apiPassthrough: true}}
                        """, request().passthrough(), List.of("apiPassthrough")),
                arguments("fail/commonNameMustBeSan true wins", """
                        baseline: {subject: {commonNameMustBeSan: true}}
                        teams: {payments: {subject: {commonNameMustBeSan: false}}}
                        """, request().subject("CN=x.example").dns("y.example"),
                        List.of("subject.commonNameMustBeSan")),
                arguments("fail/authorities intersect", """
                        baseline: {authorities: [test-ec, test-rsa]}
                        teams: {payments: {authorities: [test-rsa, test-sub]}}
                        """, request().authority("test-ec"), List.of("authorities")),
                arguments("fail/an authority only the team lists is not allowed", """
                        baseline: {authorities: [test-ec]}
                        teams: {payments: {authorities: [test-sub]}}
                        """, request().authority("test-sub"), List.of("authorities")),
                arguments("ok/a CA template listed in baseline and team", """
                        baseline: {templates: ['*']}
                        teams: {payments: {templates: [SubordinateCACertificate_PathLen0]}}
                        """, request().template("SubordinateCACertificate_PathLen0"), List.of()),
                arguments("fail/a CA template the baseline does not allow", """
                        teams: {payments: {templates: [SubordinateCACertificate_PathLen0]}}
                        """, request().template("SubordinateCACertificate_PathLen0"), List.of("templates")),
                arguments("fail/subject attributes narrow", """
                        baseline: {subject: {required: [CN], allowed: {CN: {}, O: [Example Corp, Example GmbH], OU: {}}}}
                        teams: {payments: {subject: {required: [O], allowed: {CN: {}, O: Example GmbH, C: DE}}}}
                        """, request().subject("OU=x,O=Example Corp"),
                        List.of("subject.required", "subject.allowed", "subject.allowed.O")),
                arguments("ok/other name kinds need the baseline", """
                        baseline: {otherNameKinds: [directoryName, registeredId]}
                        teams: {payments: {otherNameKinds: [registeredId]}}
                        """, request().san(new org.bouncycastle.asn1.x509.GeneralName(
                                org.bouncycastle.asn1.x509.GeneralName.registeredID, "1.2.3")), List.of()),
                arguments("fail/ip allow lists intersect", """
                        baseline: {ip: {allow: [10.0.0.0/8]}}
                        teams: {payments: {ip: {allow: [10.20.0.0/16, 192.168.0.0/16]}}}
                        """, request().ip("10.30.0.1", "192.168.1.1"), List.of("ip.allow", "ip.allow")),
                arguments("ok/uri allow lists intersect", """
                        baseline: {uri: {allow: ['spiffe://example.org/**']}}
                        teams: {payments: {uri: {allow: ['spiffe://example.org/ns/payments/sa/*']}}}
                        """, request().uri("spiffe://example.org/ns/payments/sa/api"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void merge(String name, String yaml, Inputs input, List<String> expected) {
        List<Violation> violations = Inputs.evaluate(yaml, "payments", input);
        assertThat(Inputs.rules(violations)).as(violations.toString()).containsExactlyElementsOf(expected);
        assertThat(name).startsWith(expected.isEmpty() ? "ok/" : "fail/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEffectivePolicyShowsTheNarrowedRules() {
        Policy policy = PolicyLoader.load("policy.yaml", "test", """
                baseline:
                  authorities: [test-ec, test-rsa]
                  dns: {allow: [.example.com], deny: [admin.example.com]}
                  ip: {allow: [10.0.0.0/8]}
                  validity: {maximum: 397d}
                teams:
                  payments:
                    authorities: [test-ec]
                    dns: {allow: ['*.payments.example.com', .example.org], deny: [db.payments.example.com]}
                    ip: {allow: [10.20.0.0/16]}
                    validity: {maximum: 90d, maximumBackdate: 1h}
                    templates: [EndEntityServerAuthCertificate]
                """);

        Map<String, Object> view = policy.forTeam("payments").describe();
        assertThat(view.get("teamSection")).isEqualTo(true);
        assertThat(view.get("version")).isEqualTo(policy.version());
        Map<String, Object> rules = (Map<String, Object>) view.get("policy");
        assertThat(rules.get("authorities")).isEqualTo(List.of("test-ec"));
        assertThat(rules.get("dns")).isEqualTo(Map.of("allow", List.of("*.payments.example.com"),
                "deny", List.of("admin.example.com", "db.payments.example.com")));
        assertThat(rules.get("ip")).isEqualTo(Map.of("allow", List.of("10.20.0.0/16")));
        assertThat(rules.get("validity")).isEqualTo(Map.of("maximum", "90d", "maximumBackdate", "1h"));
        assertThat(rules.get("templates")).isEqualTo(List.of("EndEntityServerAuthCertificate"));
        assertThat(rules.get("otherNameKinds")).isEqualTo(List.of());

        Map<String, Object> other = (Map<String, Object>) policy.forTeam("billing").describe().get("policy");
        assertThat(other.get("authorities")).isEqualTo(List.of("test-ec", "test-rsa"));
        assertThat(policy.forTeam("billing").describe().get("teamSection")).isEqualTo(false);
        assertThat((List<Object>) other.get("templates")).contains("EndEntityCertificate")
                .doesNotContain("SubordinateCACertificate_PathLen0");
    }
}
