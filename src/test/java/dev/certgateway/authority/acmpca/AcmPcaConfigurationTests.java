package dev.certgateway.authority.acmpca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.authority.AuthorityProperties;
import dev.certgateway.authority.AuthorityRegistry;
import dev.certgateway.authority.AuthorityStatus;
import dev.certgateway.testsupport.AcmPcaFake;
import dev.certgateway.x509.SignatureProviders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** {@code backend: acm-pca} wiring: start-up failures name the property, an unreachable CA does not stop start-up. */
class AcmPcaConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthorityProperties.class)
    @ComponentScan(basePackageClasses = AuthorityRegistry.class, useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = "dev\\.certgateway\\.authority\\.AuthorityConfiguration"))
    static class Wiring {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Wiring.class)
            .withBean(SignatureProviders.class, SignatureProviders::preferNative);

    private static final String ARN = "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/abc-123";

    static String[] valid(String... overrides) {
        List<String> values = new ArrayList<>(List.of(
                "certgw.authorities.prod.backend=acm-pca",
                "certgw.authorities.prod.acm-pca.arn=" + ARN,
                // Nothing listens on the discard port: the CA cannot be read.
                "certgw.authorities.prod.acm-pca.endpoint=http://127.0.0.1:9",
                "certgw.authorities.prod.acm-pca.attempt-timeout=500ms",
                "certgw.authorities.prod.acm-pca.call-timeout=1s",
                "certgw.authorities.prod.acm-pca.max-attempts=1"));
        values.addAll(List.of(overrides));
        return values.toArray(String[]::new);
    }

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                Arguments.of("fail/no-arn", new String[] {"certgw.authorities.prod.acm-pca.arn="},
                        "certgw.authorities.prod.acm-pca.arn is required"),
                Arguments.of("fail/not-a-ca-arn", new String[] {"certgw.authorities.prod.acm-pca.arn=arn:aws:s3:::x"},
                        "certgw.authorities.prod.acm-pca.arn"),
                Arguments.of("fail/zero-rate", new String[] {"certgw.authorities.prod.acm-pca.rate-limit=0"},
                        "certgw.authorities.prod.acm-pca.rate-limit"),
                Arguments.of("fail/attempt-longer-than-call", new String[] {
                        "certgw.authorities.prod.acm-pca.attempt-timeout=5s"},
                        "certgw.authorities.prod.acm-pca.attempt-timeout"),
                Arguments.of("fail/local-key-on-acm-pca", new String[] {
                        "certgw.authorities.prod.private-key=file:/tmp/key.pem"},
                        "certgw.authorities.prod.backend is acm-pca"),
                Arguments.of("fail/bad-role", new String[] {"certgw.authorities.prod.acm-pca.role-arn=admin"},
                        "certgw.authorities.prod.acm-pca.role-arn"),
                Arguments.of("fail/unknown-backend", new String[] {"certgw.authorities.prod.backend=vault"},
                        "certgw.authorities.prod.backend"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misconfigurations")
    void startUpFailsNamingTheProperty(String name, String[] overrides, String message) {
        runner.withPropertyValues(valid(overrides)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(message);
        });
    }

    @Test
    void anUnreachableCaIsUnavailableButTheGatewayStarts() {
        AcmPcaFake.get(); // dummy credentials, so only the network is missing
        runner.withPropertyValues(valid()).run(context -> {
            assertThat(context).hasNotFailed();
            AuthorityRegistry registry = context.getBean(AuthorityRegistry.class);
            assertThat(registry.resolve("prod").status(Instant.now())).isEqualTo(AuthorityStatus.UNAVAILABLE);
            assertThat(registry.resolve(ARN).alias()).isEqualTo("prod");
            assertThat(registry.resolve("prod").certificate()).isNull();
        });
    }

    @Test
    void theRegionComesFromTheArnAndDefaultsApply() {
        AuthorityProperties.AcmPca config = AcmPcaAuthorities.validate("certgw.authorities.prod.",
                new AuthorityProperties.Authority(AuthorityProperties.Backend.ACM_PCA, null, null, null, null, null,
                        null, null, null, new AuthorityProperties.AcmPca(ARN, null, null, null, null, null, null,
                        null, null, null, null)));
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.rateLimit()).isEqualTo(5.0);
        assertThat(config.getCertificateRateLimit()).isEqualTo(15.0);
        assertThat(config.pollDeadline()).hasSeconds(10);
    }
}
