package dev.certgateway.authority;

import dev.certgateway.authority.local.LocalAuthorityLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthorityConfiguration {

    /**
     * The configured local authorities, plus any authority defined as a bean (backends that are not
     * configured through {@code certgw.authorities}).
     */
    @Bean
    AuthorityRegistry authorityRegistry(AuthorityProperties properties, ObjectProvider<CertificateAuthority> beans) {
        List<CertificateAuthority> authorities = new ArrayList<>();
        beans.orderedStream().forEach(authorities::add);
        for (Map.Entry<String, AuthorityProperties.Authority> entry : properties.authorities().entrySet()) {
            authorities.add(LocalAuthorityLoader.load(entry.getKey(), entry.getValue()));
        }
        return new AuthorityRegistry(authorities);
    }
}
