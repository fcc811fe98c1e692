package dev.certgateway.policy;

import static dev.certgateway.policy.Inputs.NOW;
import static dev.certgateway.policy.Inputs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.certgateway.x509.KeyFamily;
import dev.certgateway.x509.SigningAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The three team policies of docs/policy.md load and mean what the document says. */
class DocumentedPolicyTests {

    static String documentedPolicy() throws IOException {
        String doc = Files.readString(Path.of("docs", "policy.md"));
        String section = doc.substring(doc.indexOf("## Three realistic team policies"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        return section.substring(start, section.indexOf("```\n", start));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("ok/payments serves its zone", "payments", request().authority("issuing-ec")
                        .template("EndEntityServerAuthCertificate").subject("CN=pay.payments.example.com")
                        .dns("pay.payments.example.com"), List.of()),
                arguments("fail/payments outside its zone, an IP, too long", "payments", request()
                        .authority("issuing-ec").template("EndEntityServerAuthCertificate")
                        .subject("CN=x.corp.example.com").dns("x.corp.example.com").ip("10.0.0.1")
                        .validity(NOW, NOW.plus(Duration.ofDays(120))),
                        List.of("dns.deny", "ip.allow", "validity.maximum")),
                arguments("ok/mesh workload", "mesh", request().authority("issuing-ec")
                        .template("EndEntityCertificate_APIPassthrough").passthrough().subject("O=Example Corp")
                        .uri("spiffe://example.org/ns/payments/sa/api")
                        .validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(24))), List.of()),
                arguments("fail/mesh cannot name kube-system", "mesh", request().authority("issuing-ec")
                        .template("EndEntityCertificate_APIPassthrough").passthrough().subject("O=Example Corp")
                        .uri("spiffe://example.org/ns/kube-system/sa/admin")
                        .validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(24))),
                        List.of("uri.deny")),
                arguments("ok/pki issues a subordinate CA", "pki", request().authority("issuing-rsa")
                        .algorithm(SigningAlgorithm.SHA256WITHRSA).template("SubordinateCACertificate_PathLen0")
                        .subject("CN=Example Corp Issuing CA,O=Example Corp,C=DE").key(KeyFamily.RSA, 4096, null)
                        .validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(365))), List.of()),
                arguments("fail/pki only for the organisation's CA names", "pki", request().authority("issuing-rsa")
                        .algorithm(SigningAlgorithm.SHA256WITHRSA).template("SubordinateCACertificate_PathLen0")
                        .subject("CN=Rogue CA,O=Example Corp,C=DE").key(KeyFamily.RSA, 2048, null)
                        .validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(730))),
                        List.of("subject.allowed.CN", "keys.minimumRsaBits", "validity.maximum")),
                arguments("fail/payments may not issue a subordinate CA", "payments", request()
                        .authority("issuing-ec").template("SubordinateCACertificate_PathLen0")
                        .subject("CN=pay.payments.example.com").dns("pay.payments.example.com"),
                        List.of("templates")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void documentedPolicy(String name, String team, Inputs input, List<String> expected) throws IOException {
        List<Violation> violations = Inputs.evaluate(documentedPolicy(), team, input);
        assertThat(Inputs.rules(violations)).as(violations.toString()).containsExactlyElementsOf(expected);
    }
}
