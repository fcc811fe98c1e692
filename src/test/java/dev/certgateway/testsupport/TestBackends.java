package dev.certgateway.testsupport;

import dev.certgateway.authority.AuthorityProperties;
import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.authority.local.LocalAuthorityLoader;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.FileSystemResource;

/** Test-only authorities registered as beans next to the configured ones. */
@TestConfiguration(proxyBeanMethods = false)
public class TestBackends {

    @Bean
    ControllableAuthority controllableAuthority() {
        return ControllableAuthority.remote(testEc());
    }

    @Bean
    ControllableAuthority inProcessControllableAuthority() {
        return ControllableAuthority.inProcess(testEc());
    }

    private static CertificateAuthority testEc() {
        TestAuthorities pki = TestAuthorities.get();
        AuthorityProperties.Authority config = new AuthorityProperties.Authority(null, true,
                new FileSystemResource(pki.directory().resolve("test-ec").resolve("chain.pem")),
                new FileSystemResource(pki.directory().resolve("test-ec").resolve("key.pem")), null, null, null, null);
        return LocalAuthorityLoader.load("test-ec", config);
    }
}
