package dev.certgateway.authority;

import dev.certgateway.x509.Pem;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What a backend answers to a signing request. A local key signs at once; ACM PCA accepts the request, names
 * the certificate it will issue, and issues it asynchronously, so the orchestrator must be able to record
 * "accepted, not yet issued" and finish later, possibly on another replica.
 */
public sealed interface SigningResult {

    /**
     * The certificate exists.
     *
     * @param certificateArn the backend's name for it; null when the backend has none (the gateway derives one)
     * @param chain the issuing authority's certificate followed by its issuers, as the backend returned them
     * @param chainPem {@code chain} in PEM, as stored and returned with the certificate
     */
    record Issued(String certificateArn, X509CertificateHolder certificate, List<X509CertificateHolder> chain,
            String chainPem) implements SigningResult {

        public Issued {
            chain = List.copyOf(chain);
            Objects.requireNonNull(chainPem, "chainPem");
        }

        /** With the chain encoded here; an authority whose chain does not change encodes it once instead. */
        public Issued(String certificateArn, X509CertificateHolder certificate, List<X509CertificateHolder> chain) {
            this(certificateArn, certificate, chain, Pem.chain(chain));
        }
    }

    /** The backend accepted the request; {@link CertificateAuthority#fetch(String)} returns it once issued. */
    record Pending(String certificateArn) implements SigningResult {
    }
}
