package dev.certgateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An invalid policy file is refused with a message that names the line and the rule, and says what is accepted. */
class PolicyLoaderTests {

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("fail/invalid DNS pattern", """
                        baseline:
                          dns:
                            allow: [.example.com]
                        teams:
                          payments:
                            dns:
                              allow:
                                - api.example.com
                                - .payments.example.com
                                - '*.*.example.com'
                        """, "policy.yaml line 10: teams.payments.dns.allow[2]: '*.*.example.com' is not a valid"
                        + " pattern; use 'name', '*.domain' or '.domain'"),
                arguments("fail/unknown top-level key", "baseline: {}\npolicies: {}\n",
                        "policy.yaml line 2: policies: unknown key 'policies'; accepted here: baseline, teams"),
                arguments("fail/unknown rule", "baseline:\n  dnsNames: {allow: [a.example]}\n",
                        "policy.yaml line 2: baseline.dnsNames: unknown key 'dnsNames'; accepted here:"),
                arguments("fail/unknown key in a rule", "teams:\n  payments:\n    dns:\n      allowed: [a.example]\n",
                        "policy.yaml line 4: teams.payments.dns.allowed: unknown key 'allowed'; accepted here:"
                                + " allow, deny, wildcards"),
                arguments("fail/key given twice", "baseline:\n  maximumSans: 3\n  maximumSans: 4\n",
                        "policy.yaml line 3: baseline.maximumSans: 'maximumSans' is given twice"),
                arguments("fail/CIDR with host bits", "baseline:\n  ip:\n    allow: [10.1.0.0/8]\n",
                        "policy.yaml line 3: baseline.ip.allow[0]: '10.1.0.0/8' is not a valid CIDR block"),
                arguments("fail/URI pattern with ** inside", "baseline:\n  uri:\n    allow: ['spiffe://x/**/sa']\n",
                        "policy.yaml line 3: baseline.uri.allow[0]: 'spiffe://x/**/sa' is not a valid pattern"),
                arguments("fail/duration", "baseline:\n  validity:\n    maximum: 1 year\n",
                        "policy.yaml line 3: baseline.validity.maximum: '1 year' is not a duration; use a duration"
                                + " such as '397d'"),
                arguments("fail/template", "baseline:\n  templates: [EndEntityCertificate, ServerCertificate]\n",
                        "policy.yaml line 2: baseline.templates[1]: 'ServerCertificate' is not an ACM PCA template"),
                arguments("fail/signing algorithm", "baseline:\n  signingAlgorithms: [SHA1WITHRSA]\n",
                        "policy.yaml line 2: baseline.signingAlgorithms[0]: 'SHA1WITHRSA' is not accepted; use one"
                                + " of SHA256WITHECDSA"),
                arguments("fail/key type", "baseline:\n  keys: {types: [DSA]}\n",
                        "policy.yaml line 2: baseline.keys.types[0]: 'DSA' is not accepted; use one of RSA, EC, SM2"),
                arguments("fail/curve", "baseline:\n  keys:\n    curves: [secp256k1]\n",
                        "policy.yaml line 3: baseline.keys.curves[0]: 'secp256k1' is not a curve; use one of P-256,"
                                + " P-384, P-521"),
                arguments("fail/subject attribute", "baseline:\n  subject:\n    required: [CN, Organisation]\n",
                        "policy.yaml line 3: baseline.subject.required[1]: 'Organisation' is not a subject"
                                + " attribute"),
                arguments("fail/regular expression", "baseline:\n  subject:\n    allowed:\n      OU: {pattern: 'a(b'}\n",
                        "policy.yaml line 4: baseline.subject.allowed.OU.pattern: 'a(b' is not a valid regular"
                                + " expression"),
                arguments("fail/boolean", "baseline:\n  apiPassthrough: yes\n",
                        "policy.yaml line 2: baseline.apiPassthrough: 'yes' is not a boolean; use true or false"),
                arguments("fail/negative maximum", "baseline:\n  maximumSans: -1\n",
                        "policy.yaml line 2: baseline.maximumSans: '-1' is not a whole number of at least 0"),
                arguments("fail/list expected", "baseline:\n  authorities: test-ec\n",
                        "policy.yaml line 2: baseline.authorities: expected a list"),
                arguments("fail/other name kind", "baseline:\n  otherNameKinds: [x500Name]\n",
                        "policy.yaml line 2: baseline.otherNameKinds[0]: 'x500Name' is not a GeneralName kind; use"
                                + " one of directoryName, ediPartyName, otherName, registeredId, x400Address"),
                arguments("fail/extended key usage", "baseline:\n  extendedKeyUsages: [webServer]\n",
                        "policy.yaml line 2: baseline.extendedKeyUsages[0]: 'webServer' is not an extended key"
                                + " usage"),
                arguments("fail/custom extension OID", "baseline:\n  customExtensions: [private]\n",
                        "policy.yaml line 2: baseline.customExtensions[0]: 'private' is not an object identifier"),
                arguments("fail/not YAML", "baseline:\n  dns: {allow: [a\n",
                        "policy.yaml line 3: not valid YAML"),
                arguments("fail/teams not a mapping", "teams: [payments]\n",
                        "policy.yaml line 1: teams: expected a mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidFileIsRefused(String name, String yaml, String message) {
        assertThatThrownBy(() -> PolicyLoader.load("policy.yaml", "test", yaml))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void emptyFileIsRefusedAndAnEmptyBaselineIsTheDefaultPolicy() {
        assertThatThrownBy(() -> PolicyLoader.load("policy.yaml", "test", "# nothing yet\n"))
                .isInstanceOf(PolicyFileException.class)
                .hasMessage("policy.yaml line 1: the policy file is empty; write 'baseline: {}' for the default"
                        + " policy");

        Policy policy = PolicyLoader.load("policy.yaml", "test", "baseline: {}\n");
        assertThat(policy.teams()).isEmpty();
        assertThat(policy.forTeam("any").evaluate(Inputs.request().dns("a.example").build())).isEmpty();
        assertThat(policy.forTeam("any").evaluate(Inputs.request().template("RootCACertificate").build()))
                .extracting(Violation::rule).containsExactly("templates");
    }

    @Test
    void everyRuleCanBeWritten() {
        Policy policy = PolicyLoader.load("policy.yaml", "test", """
                baseline:
                  authorities: [test-ec]
                  templates: ['EndEntity*', 'arn:aws:acm-pca:::template/BlankEndEntityCertificate_APIPassthrough/V1']
                  signingAlgorithms: [SHA256WITHECDSA]
                  dns: {allow: [.example.com], deny: [admin.example.com], wildcards: false}
                  ip: {allow: [10.0.0.0/8, 'fd00::/8'], deny: [10.0.0.0/24]}
                  email: {allow: [example.com], deny: [spam.example.com]}
                  uri: {allow: ['spiffe://example.org/**'], deny: ['spiffe://example.org/ns/kube-system/**']}
                  otherNameKinds: [directoryName]
                  maximumSans: 10
                  subject:
                    required: [CN]
                    allowed: {CN: {}, O: Example Corp, OU: {pattern: '[a-z-]+'}, C: [DE, FR]}
                    commonNameMustBeSan: true
                  keys: {types: [EC, RSA], minimumRsaBits: 2048, curves: [P-256, P-384]}
                  validity: {maximum: 397d, maximumBackdate: 1h}
                  keyUsages: [digitalSignature, keyEncipherment]
                  extendedKeyUsages: [serverAuth, clientAuth, '1.3.6.1.4.1.311.20.2.2']
                  customExtensions: ['1.3.6.1.4.1.55555.1']
                  certificatePolicies: ['2.23.140.1.2.1']
                  apiPassthrough: false
                teams:
                  payments: {}
                  billing:
                """);
        assertThat(policy.teams()).containsOnlyKeys("payments", "billing");
        assertThat(policy.version()).hasSize(64).matches("[0-9a-f]+");
        assertThat(policy.forTeam("payments").evaluate(Inputs.request().subject("CN=api.example.com")
                .dns("api.example.com").build())).isEmpty();
    }
}
