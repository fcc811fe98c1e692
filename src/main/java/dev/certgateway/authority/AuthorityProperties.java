package dev.certgateway.authority;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code certgw.authorities.<alias>.*}: the authorities this gateway issues from, keyed by alias.
 */
@ConfigurationProperties("certgw")
public record AuthorityProperties(Map<String, Authority> authorities) {

    public AuthorityProperties {
        // Sorted so listings and start-up order do not depend on how the configuration was merged.
        authorities = authorities == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(authorities));
    }

    /**
     * One authority. A local authority's key and chain come either from PEM files ({@code certificate-chain}
     * and {@code private-key}) or from one PKCS#12 keystore ({@code keystore}).
     *
     * @param arn ARN to present; defaults to a stable ARN derived from the alias
     * @param enabled a disabled authority is listed but refuses to issue (InvalidStateException)
     * @param certificateChain PEM file: the authority's certificate first, then its issuers up to the root
     * @param privateKey PEM file with the authority's private key (PKCS#8, or traditional RSA/EC)
     * @param keystore PKCS#12 keystore holding key and chain, instead of the two PEM files
     * @param crlDistributionPoint URI put in issued certificates' CRL distribution points, when set
     * @param caIssuers URI of the authority's certificate put in issued certificates' AIA, when set
     * @param ocsp URI of the OCSP responder put in issued certificates' AIA, when set
     */
    public record Authority(
            String arn,
            Boolean enabled,
            Resource certificateChain,
            Resource privateKey,
            Keystore keystore,
            String crlDistributionPoint,
            String caIssuers,
            String ocsp) {

        public boolean isEnabled() {
            return enabled == null || enabled;
        }
    }

    /**
     * @param location the PKCS#12 file
     * @param password the store's (and key's) password
     * @param alias the key entry to use; the first key entry when absent
     */
    public record Keystore(Resource location, String password, String alias) {
    }
}
