package dev.certgateway.policy;

import static dev.certgateway.policy.Inputs.NOW;
import static dev.certgateway.policy.Inputs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.certgateway.testsupport.DevelopmentEnvironment;
import dev.certgateway.x509.KeyFamily;
import dev.certgateway.x509.SigningAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The example policy of the development run lets team dev do what the README's example does, and no more. */
class DevelopmentPolicyTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("ok/the README example", request().authority("dev-ec").subject("CN=demo.example.internal")
                        .dns("demo.example.internal"), List.of()),
                arguments("ok/RSA authority, deeper name, 10/8 address and 397 days", request().authority("dev-rsa")
                        .algorithm(SigningAlgorithm.SHA256WITHRSA).key(KeyFamily.RSA, 2048, null)
                        .subject("CN=api.team.example.internal").dns("api.team.example.internal").ip("10.20.30.40")
                        .validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(397))), List.of()),
                arguments("fail/name outside example.internal", request().authority("dev-ec")
                        .subject("CN=demo.dev.internal").dns("demo.dev.internal"), List.of("dns.allow")),
                arguments("fail/address outside 10/8", request().authority("dev-ec")
                        .subject("CN=demo.example.internal").dns("demo.example.internal").ip("192.168.0.1"),
                        List.of("ip.allow")),
                arguments("fail/longer than 397 days", request().authority("dev-ec").subject("CN=a.example.internal")
                        .dns("a.example.internal").validity(NOW, NOW.plus(Duration.ofDays(398))),
                        List.of("validity.maximum")),
                arguments("fail/a test authority", request().authority("test-ec").subject("CN=a.example.internal")
                        .dns("a.example.internal"), List.of("authorities")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void developmentPolicy(String name, Inputs input, List<String> expected) {
        List<Violation> violations = Inputs.evaluate(DevelopmentEnvironment.examplePolicy(), "dev", input);
        assertThat(Inputs.rules(violations)).as(violations.toString()).containsExactlyElementsOf(expected);
        assertThat(name).startsWith(expected.isEmpty() ? "ok/" : "fail/");
    }
}
