package dev.certgateway.x509;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.PrivateKey;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Turns a {@link CertificateBlueprint} into a signed X.509 v3 certificate. It adds and decides nothing. */
public final class CertificateAssembler {

    private CertificateAssembler() {
    }

    /**
     * Signs the certificate the blueprint describes. Dates go through {@link CertificateTimes#encode}: UTCTime for
     * 1950-2049 and GeneralizedTime for other years, as RFC 5280 section 4.1.2.5 requires.
     */
    public static X509CertificateHolder sign(CertificateBlueprint blueprint, ContentSigner signer) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                blueprint.issuer(),
                blueprint.serialNumber(),
                CertificateTimes.encode(blueprint.validity().notBefore()),
                CertificateTimes.encode(blueprint.validity().notAfter()),
                blueprint.subject(),
                blueprint.publicKey());
        try {
            for (Extension extension : blueprint.extensions()) {
                builder.addExtension(extension);
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("extension could not be added: " + e.getMessage(), e);
        }
        return builder.build(new WholeMessageSigner(signer));
    }

    /** A BouncyCastle signer for the CA's private key; the key must belong to the algorithm's family. */
    public static ContentSigner signer(SigningAlgorithm algorithm, PrivateKey caKey) {
        return signer(algorithm, caKey, SignatureProviders.bouncyCastleOnly());
    }

    /**
     * A signer for the CA's private key with the provider {@code providers} chooses for the algorithm; the key
     * must belong to the algorithm's family and come from {@link SignatureProviders#signingKey}.
     */
    public static ContentSigner signer(SigningAlgorithm algorithm, PrivateKey caKey, SignatureProviders providers) {
        try {
            return new JcaContentSignerBuilder(algorithm.jcaName()).setProvider(providers.forSigning(algorithm))
                    .build(caKey);
        } catch (OperatorCreationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot sign with " + algorithm + " using a " + caKey.getAlgorithm()
                    + " key: " + e.getMessage(), e);
        }
    }

    /**
     * Hands the signer the to-be-signed certificate in one piece. BouncyCastle writes its DER encoding to the signer
     * element by element, dozens of small writes, each one a {@code Signature.update}, which AWS-LC's provider copies
     * into a buffer it grows as they come; encoded into a buffer that holds a certificate at once, it is one update.
     */
    private static final class WholeMessageSigner implements ContentSigner {

        private final ContentSigner signer;
        private final ByteArrayOutputStream message = new ByteArrayOutputStream(2048);

        WholeMessageSigner(ContentSigner signer) {
            this.signer = signer;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return signer.getAlgorithmIdentifier();
        }

        @Override
        public OutputStream getOutputStream() {
            return message;
        }

        @Override
        public byte[] getSignature() {
            try (OutputStream out = signer.getOutputStream()) {
                message.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("the certificate could not be handed to the signer", e);
            }
            return signer.getSignature();
        }
    }
}
