package dev.certgateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.authority.AuthorityProperties;
import dev.certgateway.idempotency.IdempotencyProperties;
import dev.certgateway.security.SecurityProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/**
 * The chart's generated application.yaml, bound to the gateway's own configuration records the way Spring does
 * at start-up: a misspelt property name in the template would bind to nothing and fail here.
 */
class RenderedConfigurationTests {

    @Test
    void productionValuesBindToTheGatewaysProperties() throws Exception {
        Binder binder = binder(HelmChart.render(Map.of(), HelmChart.PRODUCTION_VALUES));

        IdempotencyProperties idempotency = binder.bind("certgw.idempotency", IdempotencyProperties.class).get();
        assertThat(idempotency.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(idempotency.lease()).isEqualTo(Duration.ofSeconds(45));
        assertThat(idempotency.cleanupInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(idempotency.cleanupBatchSize()).isEqualTo(1000);

        assertThat(binder.bind("certgw.security", SecurityProperties.class).get().teamClaim()).isEqualTo("tenant");

        AuthorityProperties authorities = binder.bind("certgw", AuthorityProperties.class).get();
        // prod-issuing (backend acm-pca) binds once the Authority record has the acm-pca members; the chart's
        // rendering of it is checked in HelmChartTests.
        assertThat(authorities.authorities()).containsKeys("legacy", "payments");
        AuthorityProperties.Authority payments = authorities.authorities().get("payments");
        assertThat(payments.certificateChain().getFile()).hasToString("/etc/cert-gateway/authorities/payments/tls.crt");
        assertThat(payments.privateKey().getFile()).hasToString("/etc/cert-gateway/authorities/payments/tls.key");
        assertThat(payments.crlDistributionPoint()).isEqualTo("http://pki.example.internal/crl/payments.crl");
        AuthorityProperties.Keystore legacy = authorities.authorities().get("legacy").keystore();
        assertThat(legacy.location().getFile()).hasToString("/etc/cert-gateway/authorities/legacy/legacy.p12");
        assertThat(legacy.alias()).isEqualTo("issuing");

        assertThat(binder.bind("spring.datasource.url", String.class).get()).startsWith("jdbc:postgresql://");
        assertThat(binder.bind("spring.security.oauth2.resourceserver.jwt.audiences", String[].class).get())
                .containsExactly("cert-gateway");
        // extraConfig, the later document, is in force.
        assertThat(binder.bind("spring.datasource.hikari.maximum-pool-size", Integer.class).get()).isEqualTo(20);
    }

    @Test
    void extraConfigOverridesAGeneratedSetting() throws Exception {
        Binder binder = binder(HelmChart.render(HelmChart.sets("extraConfig.certgw.security.team-claim", "tenant-id")));
        assertThat(binder.bind("certgw.security", SecurityProperties.class).get().teamClaim()).isEqualTo("tenant-id");
    }

    /** Loads the file as Spring Boot does: each later YAML document takes precedence over the ones before it. */
    private static Binder binder(HelmChart.Manifests manifests) throws Exception {
        Map<String, Object> config = manifests.named("ConfigMap", "certgw-cert-gateway-config");
        String yaml = (String) HelmChart.map(config.get("data")).get("application.yaml");
        List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                .load("application.yaml", new ByteArrayResource(yaml.getBytes()));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (PropertySource<?> document : documents) {
            environment.getPropertySources().addFirst(document);
        }
        return Binder.get(environment);
    }
}
