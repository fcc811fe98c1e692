package dev.certgateway.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.TestAuthorities;
import dev.certgateway.x509.SignatureProviders;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The wiring from {@code certgw.authorities.*} to the registry, and the start-up failures that name the property. */
class AuthorityConfigurationTests {

    private static final TestAuthorities PKI = TestAuthorities.get();

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthorityProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, AuthorityConfiguration.class)
            .withBean(SignatureProviders.class, SignatureProviders::preferNative);

    private static String file(String alias, String name) {
        return "file:" + PKI.directory().resolve(alias).resolve(name);
    }

    @Test
    void pemAndPkcs12AuthoritiesAreLoadedByAliasWithStableArns() {
        runner.withPropertyValues(
                "certgw.authorities.one.certificate-chain=" + file("test-sub", "chain.pem"),
                "certgw.authorities.one.private-key=" + file("test-sub", "key.pem"),
                "certgw.authorities.two.keystore.location=" + file("test-p12", "ca.p12"),
                "certgw.authorities.two.keystore.password=" + TestAuthorities.STORE_PASSWORD,
                "certgw.authorities.three.certificate-chain=" + file("test-rsa", "chain.pem"),
                "certgw.authorities.three.private-key=" + file("test-rsa", "key.pem"),
                "certgw.authorities.three.arn=arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/abc-123")
                .run(context -> {
                    AuthorityRegistry registry = context.getBean(AuthorityRegistry.class);
                    assertThat(registry.all()).extracting(CertificateAuthority::alias)
                            .containsExactly("one", "three", "two");
                    assertThat(registry.resolve("one").chain()).hasSize(2);
                    assertThat(registry.resolve("one").arn()).isEqualTo(AuthorityArn.forLocalAlias("one"));
                    assertThat(registry.resolve("arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/abc-123")
                            .alias()).isEqualTo("three");
                    assertThat(registry.resolve("two").keyAlgorithm().name()).isEqualTo("EC_prime256v1");
                });
    }

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                Arguments.of("fail/missing-key-file", new String[] {
                        "certgw.authorities.x.certificate-chain=" + file("test-ec", "chain.pem"),
                        "certgw.authorities.x.private-key=file:/nonexistent/key.pem"},
                        "certgw.authorities.x.private-key"),
                Arguments.of("fail/no-key-property", new String[] {
                        "certgw.authorities.x.certificate-chain=" + file("test-ec", "chain.pem")},
                        "certgw.authorities.x.private-key is required"),
                Arguments.of("fail/no-chain-property", new String[] {
                        "certgw.authorities.x.private-key=" + file("test-ec", "key.pem")},
                        "certgw.authorities.x.certificate-chain is required"),
                Arguments.of("fail/key-of-another-authority", new String[] {
                        "certgw.authorities.x.certificate-chain=" + file("test-ec", "chain.pem"),
                        "certgw.authorities.x.private-key=" + file("test-sm2", "key.pem")},
                        "certgw.authorities.x.private-key does not match"),
                Arguments.of("fail/chain-is-not-pem", new String[] {
                        "certgw.authorities.x.certificate-chain=" + file("test-ec", "key.pem"),
                        "certgw.authorities.x.private-key=" + file("test-ec", "key.pem")},
                        "certgw.authorities.x.certificate-chain"),
                Arguments.of("fail/keystore-password", new String[] {
                        "certgw.authorities.x.keystore.location=" + file("test-p12", "ca.p12"),
                        "certgw.authorities.x.keystore.password=wrong"},
                        "certgw.authorities.x.keystore"),
                Arguments.of("fail/bad-arn", new String[] {
                        "certgw.authorities.x.certificate-chain=" + file("test-ec", "chain.pem"),
                        "certgw.authorities.x.private-key=" + file("test-ec", "key.pem"),
                        "certgw.authorities.x.arn=not-an-arn"},
                        "certgw.authorities.x.arn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misconfigurations")
    void misconfigurationStopsStartUpNamingTheProperty(String name, String[] properties, String message) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessages(context.getStartupFailure())).contains(message);
        });
    }

    private static String rootMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
