package dev.certgateway.authority.local;

import dev.certgateway.authority.AuthorityStatus;
import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.authority.SigningRequest;
import dev.certgateway.authority.SigningResult;
import dev.certgateway.x509.CertificateAssembler;
import dev.certgateway.x509.CertificateTimes;
import dev.certgateway.x509.IssuerInfo;
import dev.certgateway.x509.KeyAlgorithm;
import dev.certgateway.x509.Pem;
import dev.certgateway.x509.SignatureProviders;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * An authority whose private key the gateway holds; signs in this process with the provider
 * {@link SignatureProviders} picks (the native one where it runs, BouncyCastle otherwise).
 */
public final class LocalCertificateAuthority implements CertificateAuthority {

    private final String alias;
    private final String arn;
    private final boolean enabled;
    private final List<X509CertificateHolder> chain;
    /** Encoded once: every certificate this authority signs is stored and returned with it. */
    private final String chainPem;
    private final PrivateKey privateKey;
    private final KeyAlgorithm keyAlgorithm;
    private final IssuerInfo issuerInfo;
    private final SignatureProviders providers;

    LocalCertificateAuthority(String alias, String arn, boolean enabled, List<X509CertificateHolder> chain,
            PrivateKey privateKey, KeyAlgorithm keyAlgorithm, IssuerInfo issuerInfo, SignatureProviders providers) {
        this.alias = alias;
        this.arn = arn;
        this.enabled = enabled;
        this.chain = List.copyOf(chain);
        this.chainPem = Pem.chain(this.chain);
        this.privateKey = privateKey;
        this.keyAlgorithm = keyAlgorithm;
        this.issuerInfo = issuerInfo;
        this.providers = providers;
    }

    @Override
    public String alias() {
        return alias;
    }

    @Override
    public String arn() {
        return arn;
    }

    @Override
    public String backend() {
        return "local";
    }

    @Override
    public KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }

    @Override
    public X509CertificateHolder certificate() {
        return chain.get(0);
    }

    @Override
    public List<X509CertificateHolder> chain() {
        return chain;
    }

    @Override
    public AuthorityStatus status(Instant now) {
        if (!enabled) {
            return AuthorityStatus.DISABLED;
        }
        if (now.isAfter(CertificateTimes.notAfter(certificate()))) {
            return AuthorityStatus.EXPIRED;
        }
        return AuthorityStatus.ACTIVE;
    }

    @Override
    public IssuerInfo issuerInfo() {
        return issuerInfo;
    }

    /**
     * True: the certificate is built from the blueprint and signed here, with a key that start-up proved to
     * belong to the authority's certificate, so there is nothing a second look could find.
     */
    @Override
    public boolean signsInProcess() {
        return true;
    }

    @Override
    public SigningResult sign(SigningRequest request) {
        return new SigningResult.Issued(null, CertificateAssembler.sign(request.blueprint(),
                CertificateAssembler.signer(request.signingAlgorithm(), privateKey, providers)), chain, chainPem);
    }
}
