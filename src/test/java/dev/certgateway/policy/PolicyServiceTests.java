package dev.certgateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;

/** Loading at start-up and reloading: a good change goes into force, a bad one is refused and counted. */
class PolicyServiceTests {

    private static final String GOOD = "baseline:\n  dns: {allow: [.example.com]}\n";
    private static final String BETTER = "baseline:\n  dns: {allow: [.example.org]}\n";
    private static final String BAD = "baseline:\n  dns: {allow: ['*.*.example.com']}\n";

    @TempDir
    Path directory;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    private double failures() {
        return meters.counter(PolicyService.RELOAD_FAILURES).count();
    }

    @Test
    void goodChangeIsSwappedIn() throws IOException {
        Path file = write(GOOD);
        PolicyService service = new PolicyService(new FileSystemResource(file), meters);
        String before = service.version();
        assertThat(before).isEqualTo(PolicyLoader.version(GOOD));

        assertThat(service.reload()).isFalse();
        Files.writeString(file, BETTER);
        assertThat(service.reload()).isTrue();

        assertThat(service.version()).isEqualTo(PolicyLoader.version(BETTER)).isNotEqualTo(before);
        assertThat(service.forTeam("payments").evaluate(Inputs.request().dns("a.example.org").build())).isEmpty();
        assertThat(failures()).isZero();
    }

    @Test
    void badChangeIsRefusedCountedOnceAndTheLastGoodPolicyStays() throws IOException {
        Path file = write(GOOD);
        PolicyService service = new PolicyService(new FileSystemResource(file), meters);

        Files.writeString(file, BAD);
        assertThat(service.reload()).isFalse();
        assertThat(service.reload()).isFalse();

        assertThat(failures()).isEqualTo(1.0);
        assertThat(service.version()).isEqualTo(PolicyLoader.version(GOOD));
        assertThat(service.forTeam("payments").evaluate(Inputs.request().dns("a.example.org").build()))
                .extracting(Violation::rule).containsExactly("dns.allow");

        Files.writeString(file, BETTER);
        assertThat(service.reload()).isTrue();
        assertThat(service.version()).isEqualTo(PolicyLoader.version(BETTER));
    }

    @Test
    void missingFileAfterStartIsRefusedAndCountedOnce() throws IOException {
        Path file = write(GOOD);
        PolicyService service = new PolicyService(new FileSystemResource(file), meters);
        Files.delete(file);
        assertThat(service.reload()).isFalse();
        assertThat(service.reload()).isFalse();
        assertThat(failures()).isEqualTo(1.0);
        assertThat(service.version()).isEqualTo(PolicyLoader.version(GOOD));
    }

    @Test
    void invalidFileStopsStartUpNamingLineAndRule() throws IOException {
        Path file = write(BAD);
        new ApplicationContextRunner()
                .withUserConfiguration(Wiring.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("certgw.policy.location=file:" + file)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PolicyFileException.class)
                            .hasMessage("policy.yaml line 2: baseline.dns.allow[0]: '*.*.example.com' is not a"
                                    + " valid pattern; use 'name', '*.domain' or '.domain'");
                });
    }

    @Test
    void noLocationMeansAllowAllAndAValidFileIsLoaded() throws IOException {
        Path file = write(GOOD);
        new ApplicationContextRunner()
                .withUserConfiguration(Wiring.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context.getBean(PolicyService.class).version()).isEqualTo("allow-all"));
        new ApplicationContextRunner()
                .withUserConfiguration(Wiring.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("certgw.policy.location=file:" + file, "certgw.policy.reload-interval=1m")
                .run(context -> {
                    assertThat(context.getBean(PolicyService.class).version()).isEqualTo(PolicyLoader.version(GOOD));
                    assertThat(context.getBean(PolicyProperties.class).reloadInterval()).hasMinutes(1);
                });
    }

    @Test
    void reloadIntervalMustBePositive() {
        new ApplicationContextRunner()
                .withUserConfiguration(Wiring.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("certgw.policy.reload-interval=0s")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void unreadableFileAtStartUpNamesTheProperty() {
        assertThatThrownBy(() -> new PolicyService(new FileSystemResource(directory.resolve("nope.yaml")), meters))
                .isInstanceOf(PolicyFileException.class).hasMessageStartingWith("certgw.policy.location:");
    }

    private Path write(String content) throws IOException {
        Path file = directory.resolve("policy.yaml");
        Files.writeString(file, content);
        return file;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PolicyProperties.class)
    static class Wiring extends PolicyConfiguration {
    }
}
