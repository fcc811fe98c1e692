package dev.certgateway.authority;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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

    /** Where an authority's key lives. */
    public enum Backend {
        /** The gateway holds the key and signs with BouncyCastle. */
        LOCAL,
        /** The key stays in AWS Private CA; the gateway forwards IssueCertificate through the AWS SDK. */
        ACM_PCA
    }

    /**
     * One authority. A local authority's key and chain come either from PEM files ({@code certificate-chain}
     * and {@code private-key}) or from one PKCS#12 keystore ({@code keystore}); an ACM PCA authority is
     * configured under {@code acm-pca}.
     *
     * @param backend {@code local} (default) or {@code acm-pca}
     * @param arn ARN to present; defaults to a stable ARN derived from the alias
     * @param enabled a disabled authority is listed but refuses to issue (InvalidStateException)
     * @param certificateChain PEM file: the authority's certificate first, then its issuers up to the root
     * @param privateKey PEM file with the authority's private key (PKCS#8, or traditional RSA/EC)
     * @param keystore PKCS#12 keystore holding key and chain, instead of the two PEM files
     * @param crlDistributionPoint URI put in issued certificates' CRL distribution points, when set
     * @param caIssuers URI of the authority's certificate put in issued certificates' AIA, when set
     * @param ocsp URI of the OCSP responder put in issued certificates' AIA, when set
     * @param acmPca the AWS Private CA to forward to, for {@code backend: acm-pca}
     */
    public record Authority(
            Backend backend,
            String arn,
            Boolean enabled,
            Resource certificateChain,
            Resource privateKey,
            Keystore keystore,
            String crlDistributionPoint,
            String caIssuers,
            String ocsp,
            AcmPca acmPca) {

        @ConstructorBinding
        public Authority {
            backend = backend == null ? Backend.LOCAL : backend;
        }

        /** A local authority (the form code and tests construct directly). */
        public Authority(String arn, Boolean enabled, Resource certificateChain, Resource privateKey,
                Keystore keystore, String crlDistributionPoint, String caIssuers, String ocsp) {
            this(Backend.LOCAL, arn, enabled, certificateChain, privateKey, keystore, crlDistributionPoint,
                    caIssuers, ocsp, null);
        }

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

    /**
     * An authority in AWS Private CA. Credentials come from the SDK's default chain (environment, system
     * properties, web identity / IRSA, profile, container and instance roles).
     *
     * @param arn the CA's ARN (required)
     * @param region the CA's Region; defaults to the Region in the ARN
     * @param endpoint override of the service endpoint: a VPC interface endpoint, or a test double
     * @param roleArn a role to assume (through STS) for a CA in another account; none by default
     * @param callTimeout bound on one SDK call including its retries (default 10s)
     * @param attemptTimeout bound on one HTTP attempt (default 3s)
     * @param maxAttempts attempts per call, the first included, under the SDK's adaptive retry mode (default 4)
     * @param rateLimit IssueCertificate requests per second this replica sends to this CA (default 5)
     * @param getCertificateRateLimit GetCertificate requests per second (default three times {@code rateLimit},
     *                                the ratio of ACM PCA's default quotas, 75 to 25)
     * @param pollDeadline how long an issuing request waits for the certificate before answering 202 (default 10s)
     * @param refreshInterval how often the CA's status and certificate are read again (default 5m)
     */
    public record AcmPca(
            String arn,
            String region,
            URI endpoint,
            String roleArn,
            Duration callTimeout,
            Duration attemptTimeout,
            Integer maxAttempts,
            Double rateLimit,
            Double getCertificateRateLimit,
            Duration pollDeadline,
            Duration refreshInterval) {

        public AcmPca {
            callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
            attemptTimeout = attemptTimeout == null ? Duration.ofSeconds(3) : attemptTimeout;
            maxAttempts = maxAttempts == null ? 4 : maxAttempts;
            rateLimit = rateLimit == null ? 5.0 : rateLimit;
            getCertificateRateLimit = getCertificateRateLimit == null ? 3 * rateLimit : getCertificateRateLimit;
            pollDeadline = pollDeadline == null ? Duration.ofSeconds(10) : pollDeadline;
            refreshInterval = refreshInterval == null ? Duration.ofMinutes(5) : refreshInterval;
        }
    }
}
