package dev.certgateway.authority.acmpca;

import dev.certgateway.authority.AuthorityProperties;
import dev.certgateway.authority.AuthorityStatus;
import dev.certgateway.authority.BackendException;
import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.authority.SigningRequest;
import dev.certgateway.authority.SigningResult;
import dev.certgateway.error.ErrorCode;
import dev.certgateway.x509.CertificateTimes;
import dev.certgateway.x509.IssuerInfo;
import dev.certgateway.x509.KeyAlgorithm;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.acmpca.AcmPcaClient;
import software.amazon.awssdk.services.acmpca.model.DescribeCertificateAuthorityResponse;
import software.amazon.awssdk.services.acmpca.model.GetCertificateAuthorityCertificateResponse;
import software.amazon.awssdk.services.acmpca.model.GetCertificateResponse;
import software.amazon.awssdk.services.acmpca.model.IssueCertificateRequest;
import software.amazon.awssdk.services.acmpca.model.IssueCertificateResponse;
import software.amazon.awssdk.services.acmpca.model.RequestInProgressException;

/**
 * An authority whose key lives in AWS Private CA. The gateway's checks run before anything is sent here;
 * this class only forwards IssueCertificate and reads certificates back. What it knows about the CA (status,
 * key algorithm, certificate and chain) is a snapshot read at start-up and every {@code refresh-interval},
 * so a CA that is missing or unreachable makes this authority UNAVAILABLE instead of stopping the gateway.
 */
public final class AcmPcaCertificateAuthority implements CertificateAuthority, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AcmPcaCertificateAuthority.class);

    /** How long a poll for a pending certificate may wait for the local rate limit before reporting "not yet". */
    private static final Duration FETCH_MAX_WAIT = Duration.ofMillis(200);

    private final String alias;
    private final AuthorityProperties.AcmPca config;
    private final AcmPcaClient client;
    private final TokenBucket issueLimit;
    private final TokenBucket getLimit;
    private final Clock clock;
    private final AtomicLong refreshFailures = new AtomicLong();
    private final Timer rateLimitWait;
    private volatile Snapshot snapshot;

    AcmPcaCertificateAuthority(String alias, AuthorityProperties.AcmPca config, AcmPcaClient client, Clock clock,
            MeterRegistry meters) {
        this.alias = alias;
        this.rateLimitWait = Timer.builder("certgw.rate.limit.wait")
                .description("Time requests waited for the authority's client-side rate limit")
                .tag("authority", alias).register(meters);
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.issueLimit = new TokenBucket(config.rateLimit());
        this.getLimit = new TokenBucket(config.getCertificateRateLimit());
        this.snapshot = Snapshot.unavailable(null, "not read yet", Instant.EPOCH);
    }

    /** What the gateway last learned about the CA. */
    record Snapshot(AuthorityStatus status, KeyAlgorithm keyAlgorithm, List<X509CertificateHolder> chain,
            IssuerInfo issuerInfo, String problem, Instant refreshedAt) {

        static Snapshot unavailable(Snapshot previous, String problem, Instant at) {
            // The certificate stays known (listing keeps showing it); only the status says it cannot issue.
            return previous == null
                    ? new Snapshot(AuthorityStatus.UNAVAILABLE, null, List.of(), null, problem, at)
                    : new Snapshot(AuthorityStatus.UNAVAILABLE, previous.keyAlgorithm(), previous.chain(),
                            previous.issuerInfo(), problem, at);
        }
    }

    /**
     * Reads the CA's status and certificate again. Never throws: a failure is logged, counted, and makes the
     * authority UNAVAILABLE until a later refresh succeeds.
     */
    public void refresh() {
        Instant now = clock.instant();
        Snapshot previous = snapshot;
        DescribeCertificateAuthorityResponse described;
        try {
            described = client.describeCertificateAuthority(r -> r.certificateAuthorityArn(config.arn()));
        } catch (SdkException e) {
            markUnavailable(previous, "DescribeCertificateAuthority", e, now);
            return;
        }
        AuthorityStatus status = status(described.certificateAuthority().statusAsString());
        List<X509CertificateHolder> chain = previous.chain();
        try {
            GetCertificateAuthorityCertificateResponse certificate = client.getCertificateAuthorityCertificate(
                    r -> r.certificateAuthorityArn(config.arn()));
            chain = new ArrayList<>(parsePem(certificate.certificate()));
            chain.addAll(parsePem(certificate.certificateChain()));
        } catch (SdkException e) {
            // A CA without a certificate (CREATING, PENDING_CERTIFICATE) has none to give; only an ACTIVE one
            // without a certificate is a problem.
            if (status == AuthorityStatus.ACTIVE) {
                markUnavailable(previous, "GetCertificateAuthorityCertificate", e, now);
                return;
            }
        } catch (IllegalArgumentException e) {
            markUnavailable(previous, "GetCertificateAuthorityCertificate", e, now);
            return;
        }
        KeyAlgorithm keyAlgorithm = chain.isEmpty() ? keyAlgorithm(described) : KeyAlgorithm.of(
                chain.get(0).getSubjectPublicKeyInfo());
        IssuerInfo issuerInfo = chain.isEmpty() ? null : IssuerInfo.of(chain.get(0), null, null, null);
        if (status == AuthorityStatus.ACTIVE && (chain.isEmpty() || keyAlgorithm == null)) {
            markUnavailable(previous, "GetCertificateAuthorityCertificate",
                    new IllegalStateException("no usable CA certificate"), now);
            return;
        }
        if (previous.status() != status) {
            log.info("ACM PCA authority {} ({}) is {}", alias, config.arn(), status);
        }
        snapshot = new Snapshot(status, keyAlgorithm, List.copyOf(chain), issuerInfo, null, now);
    }

    private void markUnavailable(Snapshot previous, String operation, Exception failure, Instant now) {
        refreshFailures.incrementAndGet();
        String problem;
        if (failure instanceof SdkException sdk) {
            BackendException translated = AcmPcaErrors.translate(alias, operation, sdk);
            problem = translated.code() + ": " + translated.detail();
        } else {
            problem = operation + ": " + failure.getMessage();
        }
        log.warn("ACM PCA authority {} ({}) is unavailable, it will not issue until a refresh succeeds: {}", alias,
                config.arn(), problem);
        snapshot = Snapshot.unavailable(previous.chain().isEmpty() ? null : previous, problem, now);
    }

    private static AuthorityStatus status(String acmStatus) {
        try {
            return AuthorityStatus.valueOf(acmStatus);
        } catch (IllegalArgumentException | NullPointerException e) {
            return AuthorityStatus.UNAVAILABLE;
        }
    }

    private static KeyAlgorithm keyAlgorithm(DescribeCertificateAuthorityResponse described) {
        try {
            return KeyAlgorithm.valueOf(described.certificateAuthority().certificateAuthorityConfiguration()
                    .keyAlgorithmAsString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True when the last refresh is older than {@code refresh-interval}. */
    boolean refreshDue(Instant now) {
        return !snapshot.refreshedAt().plus(config.refreshInterval()).isAfter(now);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    long refreshFailures() {
        return refreshFailures.get();
    }

    @Override
    public SigningResult sign(SigningRequest request) {
        if (!acquire(issueLimit, config.attemptTimeout())) {
            throw rateLimited("IssueCertificate", issueLimit);
        }
        IssueCertificateRequest.Builder issue = IssueCertificateRequest.builder()
                .certificateAuthorityArn(config.arn())
                .csr(SdkBytes.fromString(csrPem(request.csr().encoded()), StandardCharsets.US_ASCII))
                .signingAlgorithm(request.signingAlgorithm().name())
                .templateArn(request.template().arn())
                .validity(v -> v.value(request.validity().value()).type(request.validity().type().name()))
                .apiPassthrough(ApiPassthroughConverter.toSdk(request.apiPassthrough()))
                .idempotencyToken(request.idempotencyToken());
        if (request.validityNotBefore() != null) {
            issue.validityNotBefore(v -> v.value(request.validityNotBefore().value())
                    .type(request.validityNotBefore().type().name()));
        }
        IssueCertificateResponse issued;
        try {
            issued = client.issueCertificate(issue.build());
        } catch (SdkException e) {
            throw AcmPcaErrors.translate(alias, "IssueCertificate", e);
        }
        log.info("ACM PCA accepted a certificate request for authority {}: {}", alias, issued.certificateArn());
        return new SigningResult.Pending(issued.certificateArn());
    }

    @Override
    public SigningResult fetch(String certificateArn) {
        if (!acquire(getLimit, FETCH_MAX_WAIT)) {
            // This replica is at its GetCertificate rate: to the caller that is the same as "not issued yet".
            return new SigningResult.Pending(certificateArn);
        }
        GetCertificateResponse response;
        try {
            response = client.getCertificate(r -> r.certificateAuthorityArn(config.arn())
                    .certificateArn(certificateArn));
        } catch (RequestInProgressException e) {
            return new SigningResult.Pending(certificateArn);
        } catch (SdkException e) {
            throw AcmPcaErrors.translate(alias, "GetCertificate", e);
        }
        List<X509CertificateHolder> certificate = parsePem(response.certificate());
        if (certificate.size() != 1) {
            throw new BackendException(ErrorCode.RequestFailedException, "ACM PCA GetCertificate (authority '"
                    + alias + "') returned " + certificate.size() + " certificates for " + certificateArn
                    + " instead of one", false, null);
        }
        List<X509CertificateHolder> chain = parsePem(response.certificateChain());
        // Callers get the issuing CA first, then its issuers; should an answer's chain not start with the
        // issuer, the chain read from GetCertificateAuthorityCertificate is the one that is right.
        boolean startsWithIssuer = !chain.isEmpty()
                && chain.get(0).getSubject().equals(certificate.get(0).getIssuer());
        return new SigningResult.Issued(certificateArn, certificate.get(0), startsWithIssuer ? chain : chain());
    }

    private boolean acquire(TokenBucket bucket, Duration maxWait) {
        long start = System.nanoTime();
        try {
            return bucket.acquire(maxWait);
        } finally {
            rateLimitWait.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private BackendException rateLimited(String operation, TokenBucket bucket) {
        return new BackendException(ErrorCode.ThrottlingException, "The gateway's rate limit for ACM PCA "
                + operation + " on authority '" + alias + "' is reached; retry later", true,
                bucket.untilAvailable().plus(Duration.ofMillis(1)), null);
    }

    static String csrPem(byte[] der) {
        return "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    static List<X509CertificateHolder> parsePem(String pem) {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        if (pem == null || pem.isBlank()) {
            return certificates;
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof X509CertificateHolder certificate) {
                    certificates.add(certificate);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("ACM PCA returned PEM that does not parse: " + e.getMessage(), e);
        }
        return certificates;
    }

    @Override
    public String alias() {
        return alias;
    }

    @Override
    public String arn() {
        return config.arn();
    }

    @Override
    public String backend() {
        return "acm-pca";
    }

    @Override
    public KeyAlgorithm keyAlgorithm() {
        return snapshot.keyAlgorithm();
    }

    @Override
    public X509CertificateHolder certificate() {
        List<X509CertificateHolder> chain = snapshot.chain();
        return chain.isEmpty() ? null : chain.get(0);
    }

    @Override
    public List<X509CertificateHolder> chain() {
        return snapshot.chain();
    }

    @Override
    public AuthorityStatus status(Instant now) {
        Snapshot current = snapshot;
        if (current.status() == AuthorityStatus.ACTIVE && !current.chain().isEmpty()
                && now.isAfter(CertificateTimes.notAfter(current.chain().get(0)))) {
            return AuthorityStatus.EXPIRED;
        }
        return current.status();
    }

    @Override
    public IssuerInfo issuerInfo() {
        return snapshot.issuerInfo();
    }

    @Override
    public Duration pollDeadline() {
        return config.pollDeadline();
    }

    @Override
    public void close() {
        client.close();
    }
}
