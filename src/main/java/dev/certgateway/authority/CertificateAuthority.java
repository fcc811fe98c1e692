package dev.certgateway.authority;

import dev.certgateway.x509.IssuerInfo;
import dev.certgateway.x509.KeyAlgorithm;
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

    KeyAlgorithm keyAlgorithm();

    /** The authority's own certificate. */
    X509CertificateHolder certificate();

    /** The authority's certificate followed by its issuers, up to and including the root. */
    List<X509CertificateHolder> chain();

    AuthorityStatus status(Instant now);

    /** What certificate composition needs to know about this issuer. */
    IssuerInfo issuerInfo();

    /** Signs one certificate. The request has passed every check; only backend failures remain. */
    X509CertificateHolder sign(SigningRequest request);
}
