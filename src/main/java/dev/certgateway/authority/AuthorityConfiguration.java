package dev.certgateway.authority;

import dev.certgateway.authority.local.LocalAuthorityLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthorityConfiguration {

    @Bean
    AuthorityRegistry authorityRegistry(AuthorityProperties properties) {
        List<CertificateAuthority> authorities = new ArrayList<>();
        for (Map.Entry<String, AuthorityProperties.Authority> entry : properties.authorities().entrySet()) {
            authorities.add(LocalAuthorityLoader.load(entry.getKey(), entry.getValue()));
        }
        return new AuthorityRegistry(authorities);
    }
}
