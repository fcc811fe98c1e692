package dev.certgateway.x509;

import java.io.OutputStream;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jcajce.io.OutputStreamFactory;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * Checks one signature with a JCA {@link Signature} already initialised with the signer's public key, and does
 * nothing else. BouncyCastle's {@code JcaContentVerifierProviderBuilder} hands out a verifier that, whenever the
 * provider also offers the algorithm's raw form (NONEwithECDSA, NONEwithRSA), runs that raw signature's
 * verification too after the real one, to free PKCS#11 sessions: for ECDSA a second full verification, which
 * was half of the CSR check's CPU.
 */
final class OneSignatureVerifier implements ContentVerifierProvider {

    private final AlgorithmIdentifier algorithm;
    private final Signature signature;

    /** @param signature initialised for verification, used once */
    OneSignatureVerifier(AlgorithmIdentifier algorithm, Signature signature) {
        this.algorithm = algorithm;
        this.signature = signature;
    }

    @Override
    public boolean hasAssociatedCertificate() {
        return false;
    }

    @Override
    public X509CertificateHolder getAssociatedCertificate() {
        return null;
    }

    @Override
    public ContentVerifier get(AlgorithmIdentifier requested) throws OperatorCreationException {
        if (!algorithm.equals(requested)) {
            throw new OperatorCreationException("this verifier checks " + algorithm.getAlgorithm().getId()
                    + " signatures, not " + requested.getAlgorithm().getId());
        }
        return new ContentVerifier() {
            private final OutputStream content = OutputStreamFactory.createStream(signature);

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return content;
            }

            @Override
            public boolean verify(byte[] expected) {
                try {
                    return signature.verify(expected);
                } catch (SignatureException e) {
                    throw new RuntimeOperatorException("signature could not be checked: " + e.getMessage(), e);
                }
            }
        };
    }
}
