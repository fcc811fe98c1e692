package dev.certgateway;

import dev.certgateway.x509.SignatureProviders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One decision, made at start-up and logged, about which provider signs and verifies. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    SignatureProviders signatureProviders(CryptoProperties properties) {
        SignatureProviders providers = properties.nativeSignatures()
                ? SignatureProviders.preferNative() : SignatureProviders.bouncyCastleOnly();
        log.info("Signatures: {}", providers.description());
        return providers;
    }
}
