package dev.certgateway.authority;

import dev.certgateway.authority.acmpca.AcmPcaAuthorities;
import dev.certgateway.authority.local.LocalAuthorityLoader;
import dev.certgateway.x509.SignatureProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthorityConfiguration {

    /**
     * The configured authorities (local or ACM PCA, by {@code backend}), plus any authority defined as a bean
     * (backends that are not configured through {@code certgw.authorities}).
     */
    @Bean
    AuthorityRegistry authorityRegistry(AuthorityProperties properties, ObjectProvider<CertificateAuthority> beans,
            ObjectProvider<MeterRegistry> meters, SignatureProviders signatureProviders) {
        MeterRegistry meterRegistry = meters.getIfAvailable(SimpleMeterRegistry::new);
        List<CertificateAuthority> authorities = new ArrayList<>();
        beans.orderedStream().forEach(authorities::add);
        try {
            for (Map.Entry<String, AuthorityProperties.Authority> entry : properties.authorities().entrySet()) {
                authorities.add(switch (entry.getValue().backend()) {
                    case LOCAL -> LocalAuthorityLoader.load(entry.getKey(), entry.getValue(),
                            signatureProviders);
                    case ACM_PCA -> AcmPcaAuthorities.create(entry.getKey(), entry.getValue(), meterRegistry);
                });
            }
            return new AuthorityRegistry(authorities);
        } catch (RuntimeException e) {
            // Clients already built hold connection pools; a failed start-up must not leak them.
            AuthorityRegistry.closeAll(authorities);
            throw e;
        }
    }
}
