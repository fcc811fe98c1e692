package dev.certgateway.authority.acmpca;

import dev.certgateway.authority.AuthorityArn;
import dev.certgateway.authority.AuthorityProperties;
import dev.certgateway.error.InvalidArnException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acmpca.AcmPcaClient;
import software.amazon.awssdk.services.acmpca.AcmPcaClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Turns one {@code certgw.authorities.<alias>} entry with {@code backend: acm-pca} into an authority. A
 * configuration mistake stops start-up with a message naming the property; a CA that cannot be read
 * (missing, no permission, no network) does not: that authority starts UNAVAILABLE and the rest of the
 * gateway works.
 */
public final class AcmPcaAuthorities {

    private AcmPcaAuthorities() {
    }

    public static AcmPcaCertificateAuthority create(String alias, AuthorityProperties.Authority authority,
            MeterRegistry meters) {
        String prefix = "certgw.authorities." + alias + ".";
        AuthorityProperties.AcmPca config = validate(prefix, authority);
        AcmPcaCertificateAuthority created = new AcmPcaCertificateAuthority(alias, config,
                client(config, new AcmPcaCallMetrics(alias, meters)), Clock.systemUTC(), meters);
        // Read once now, so the first request and GET /api/v1/authorities see the CA as it is.
        created.refresh();
        return created;
    }

    static AuthorityProperties.AcmPca validate(String prefix, AuthorityProperties.Authority authority) {
        AuthorityProperties.AcmPca config = authority.acmPca();
        if (config == null || config.arn() == null || config.arn().isBlank()) {
            throw new IllegalStateException(prefix + "acm-pca.arn is required for backend acm-pca: the ARN of the "
                    + "private CA, arn:aws:acm-pca:REGION:ACCOUNT:certificate-authority/ID");
        }
        try {
            AuthorityArn.requireValid(prefix + "acm-pca.arn", config.arn());
        } catch (InvalidArnException e) {
            throw new IllegalStateException(e.detail(), e);
        }
        if (authority.arn() != null && !authority.arn().equals(config.arn())) {
            throw new IllegalStateException(prefix + "arn: an ACM PCA authority's ARN is its acm-pca.arn; remove "
                    + prefix + "arn or make it equal");
        }
        if (authority.certificateChain() != null || authority.privateKey() != null || authority.keystore() != null) {
            throw new IllegalStateException(prefix + "backend is acm-pca, whose key stays in AWS: remove "
                    + prefix + "certificate-chain, private-key and keystore");
        }
        if (authority.enabled() != null) {
            throw new IllegalStateException(prefix + "enabled does not apply to backend acm-pca: the CA's own "
                    + "status (DescribeCertificateAuthority) decides; disable the CA in AWS Private CA instead");
        }
        requirePositive(prefix + "acm-pca.call-timeout", config.callTimeout());
        requirePositive(prefix + "acm-pca.attempt-timeout", config.attemptTimeout());
        requirePositive(prefix + "acm-pca.refresh-interval", config.refreshInterval());
        if (config.pollDeadline().isNegative()) {
            throw new IllegalStateException(prefix + "acm-pca.poll-deadline must not be negative (0 answers 202 at "
                    + "once), was " + config.pollDeadline());
        }
        if (config.attemptTimeout().compareTo(config.callTimeout()) > 0) {
            throw new IllegalStateException(prefix + "acm-pca.attempt-timeout (" + config.attemptTimeout()
                    + ") must not exceed " + prefix + "acm-pca.call-timeout (" + config.callTimeout() + ")");
        }
        if (config.maxAttempts() < 1 || config.maxAttempts() > 10) {
            throw new IllegalStateException(prefix + "acm-pca.max-attempts must be 1 to 10, was "
                    + config.maxAttempts());
        }
        if (!(config.rateLimit() > 0)) {
            throw new IllegalStateException(prefix + "acm-pca.rate-limit must be a positive number of "
                    + "IssueCertificate requests per second, was " + config.rateLimit());
        }
        if (!(config.getCertificateRateLimit() > 0)) {
            throw new IllegalStateException(prefix + "acm-pca.get-certificate-rate-limit must be a positive number "
                    + "of GetCertificate requests per second, was " + config.getCertificateRateLimit());
        }
        if (config.endpoint() != null && (config.endpoint().getScheme() == null
                || !config.endpoint().getScheme().matches("https?") || config.endpoint().getHost() == null)) {
            throw new IllegalStateException(prefix + "acm-pca.endpoint must be an http(s) URL such as "
                    + "https://acm-pca.eu-west-1.amazonaws.com, was " + config.endpoint());
        }
        String region = config.region() != null ? config.region() : config.arn().split(":")[3];
        if (config.roleArn() != null && !config.roleArn().matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
            throw new IllegalStateException(prefix + "acm-pca.role-arn must be an IAM role ARN, "
                    + "arn:aws:iam::ACCOUNT:role/NAME, was " + config.roleArn());
        }
        return new AuthorityProperties.AcmPca(config.arn(), region, config.endpoint(), config.roleArn(),
                config.callTimeout(), config.attemptTimeout(), config.maxAttempts(), config.rateLimit(),
                config.getCertificateRateLimit(), config.pollDeadline(), config.refreshInterval());
    }

    private static void requirePositive(String property, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalStateException(property + " must be positive, was " + value);
        }
    }

    private static AcmPcaClient client(AuthorityProperties.AcmPca config, AcmPcaCallMetrics metrics) {
        Region region = Region.of(config.region());
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        if (config.roleArn() != null) {
            // Cross-account CAs: the default chain's identity (on Kubernetes, the service account's role) assumes
            // the CA account's role; the provider refreshes the session before it expires.
            StsClient sts = StsClient.builder().region(region).credentialsProvider(credentials)
                    .httpClientBuilder(ApacheHttpClient.builder()).build();
            credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                    .refreshRequest(r -> r.roleArn(config.roleArn()).roleSessionName("cert-gateway"))
                    .build();
        }
        AcmPcaClientBuilder builder = AcmPcaClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(config.attemptTimeout())
                        .socketTimeout(config.attemptTimeout()))
                .overrideConfiguration(o -> o
                        .addExecutionInterceptor(metrics)
                        .apiCallTimeout(config.callTimeout())
                        .apiCallAttemptTimeout(config.attemptTimeout())
                        // Adaptive: exponential backoff with jitter, and after throttling a client-side send
                        // rate that adapts to what AWS accepts, instead of every replica retrying at once.
                        .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                                .maxAttempts(config.maxAttempts()).build()));
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        return builder.build();
    }
}
