package dev.certgateway.authority;

import dev.certgateway.x509.IssuerInfo;
import dev.certgateway.x509.KeyAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * One configured certificate authority, whatever its backend. The issuance orchestrator decides what to
 * sign; an authority only signs what it is given.
 */
public interface CertificateAuthority {

    /** The short name callers may use instead of the ARN. */
    String alias();

    /** The authority's ARN in ACM PCA's form. */
    String arn();

    /** Which kind of backend signs for this authority ({@code local}, {@code acm-pca}), for metrics and logs. */
    String backend();

    /** The key algorithm; may be null only while {@link #status(Instant)} is UNAVAILABLE. */
    KeyAlgorithm keyAlgorithm();

    /** The authority's own certificate; may be null only while {@link #status(Instant)} is UNAVAILABLE. */
    X509CertificateHolder certificate();

    /** The authority's certificate followed by its issuers, up to and including the root (empty if unknown). */
    List<X509CertificateHolder> chain();

    AuthorityStatus status(Instant now);

    /** What certificate composition needs to know about this issuer. */
    IssuerInfo issuerInfo();

    /**
     * Signs one certificate, or has the backend accept it for asynchronous issuance. The request has passed
     * every check; only backend failures remain, reported as {@link BackendException}.
     */
    SigningResult sign(SigningRequest request);

    /**
     * One look at a certificate that {@link #sign} left pending; never waits for it. Synchronous backends never
     * return {@link SigningResult.Pending}, so they never get asked.
     */
    default SigningResult fetch(String certificateArn) {
        throw new UnsupportedOperationException("authority " + alias() + " issues synchronously; nothing is pending");
    }

    /**
     * True when the certificate {@link #sign} returns was composed from the blueprint and signed in this
     * process with a key checked against {@link #certificate()} at start-up. A backend that composes or signs
     * elsewhere returns false, and the orchestrator compares what comes back with what it decided to issue.
     */
    default boolean signsInProcess() {
        return false;
    }

    /** How long an issuing request may wait for a pending certificate before answering 202 Accepted. */
    default Duration pollDeadline() {
        return Duration.ZERO;
    }
}
