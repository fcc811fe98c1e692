package dev.certgateway.x509;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Which JCA provider computes and checks the gateway's signatures. BouncyCastle can do every algorithm the
 * gateway accepts. Where the native provider (AWS-LC through the Amazon Corretto Crypto Provider) loads and
 * passes its self-tests, it takes the common ones (ECDSA on the NIST curves and RSA PKCS#1 v1.5 with SHA-2),
 * where it is several times faster: ECDSA P-256 verification of the CSR was half of an issuance's CPU. SM2,
 * RSASSA-PSS, EdDSA and curves AWS-LC does not offer always go to BouncyCastle.
 *
 * <p>Thread-safe and immutable; build one with {@link #preferNative()} or {@link #bouncyCastleOnly()}.
 */
public final class SignatureProviders {

    private static final Map<ASN1ObjectIdentifier, NativeSignature> NATIVE_SIGNATURES = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, new NativeSignature(KeyFamily.EC, "SHA256withECDSA"),
            X9ObjectIdentifiers.ecdsa_with_SHA384, new NativeSignature(KeyFamily.EC, "SHA384withECDSA"),
            X9ObjectIdentifiers.ecdsa_with_SHA512, new NativeSignature(KeyFamily.EC, "SHA512withECDSA"),
            PKCSObjectIdentifiers.sha256WithRSAEncryption, new NativeSignature(KeyFamily.RSA, "SHA256withRSA"),
            PKCSObjectIdentifiers.sha384WithRSAEncryption, new NativeSignature(KeyFamily.RSA, "SHA384withRSA"),
            PKCSObjectIdentifiers.sha512WithRSAEncryption, new NativeSignature(KeyFamily.RSA, "SHA512withRSA"));

    private static final Set<ASN1ObjectIdentifier> NATIVE_CURVES = Set.of(
            SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);

    private static final SignatureProviders BOUNCY_CASTLE_ONLY = new SignatureProviders(null,
            "native signatures are switched off");

    private final Provider nativeProvider;
    private final String nativeUnavailableReason;

    private SignatureProviders(Provider nativeProvider, String nativeUnavailableReason) {
        this.nativeProvider = nativeProvider;
        this.nativeUnavailableReason = nativeUnavailableReason;
    }

    /** BouncyCastle for everything. */
    public static SignatureProviders bouncyCastleOnly() {
        return BOUNCY_CASTLE_ONLY;
    }

    /**
     * The native provider for the algorithms it offers when its library loads on this platform and its
     * self-tests pass; BouncyCastle otherwise, with the reason in {@link #description()}.
     */
    public static SignatureProviders preferNative() {
        AmazonCorrettoCryptoProvider accp;
        try {
            accp = AmazonCorrettoCryptoProvider.INSTANCE;
        } catch (LinkageError e) {
            return new SignatureProviders(null, "the native provider did not load: " + e);
        }
        Throwable loadingError = accp.getLoadingError();
        if (loadingError != null) {
            // Expected off Linux x86-64: the jar carries only that platform's library.
            return new SignatureProviders(null, "the native provider does not run on " + System.getProperty("os.name")
                    + "/" + System.getProperty("os.arch") + ": " + loadingError.getMessage());
        }
        try {
            accp.assertHealthy();
        } catch (RuntimeException e) {
            return new SignatureProviders(null, "the native provider failed its self-tests: " + e.getMessage());
        }
        return new SignatureProviders(accp, null);
    }

    /**
     * The gateway's one BouncyCastle provider instance, for code outside this package that needs BouncyCastle
     * itself (PEM keys, checking a signature independently of the native provider).
     */
    public static Provider bouncyCastle() {
        return Bc.PROVIDER;
    }

    /** True when the native provider takes the common algorithms. */
    public boolean nativeEnabled() {
        return nativeProvider != null;
    }

    /** One line for the start-up log: which provider signs, and why BouncyCastle does everything if it does. */
    public String description() {
        if (nativeProvider == null) {
            return "BouncyCastle for all signatures (" + nativeUnavailableReason + ")";
        }
        return nativeProvider.getName() + " " + ((AmazonCorrettoCryptoProvider) nativeProvider).getVersionStr()
                + " (AWS-LC " + ((AmazonCorrettoCryptoProvider) nativeProvider).getAwsLcVersionStr()
                + ") for ECDSA on P-256/P-384/P-521 and RSA with SHA-2; BouncyCastle for the rest";
    }

    /** The provider that checks a signature of this algorithm made by this key (a CSR's proof of possession). */
    public Provider forVerifying(AlgorithmIdentifier signatureAlgorithm, SubjectPublicKeyInfo key) {
        NativeSignature known = NATIVE_SIGNATURES.get(signatureAlgorithm.getAlgorithm());
        if (nativeProvider == null || known == null || known.family() != familyOf(key)) {
            return Bc.PROVIDER;
        }
        return known.family() == KeyFamily.EC && !NATIVE_CURVES.contains(curveOf(key)) ? Bc.PROVIDER : nativeProvider;
    }

    /**
     * A verifier for signatures of this algorithm made by this key, from the provider {@link #forVerifying}
     * picks.
     *
     * @throws OperatorCreationException when the key does not decode or the algorithm is not supported
     */
    public ContentVerifierProvider verifier(AlgorithmIdentifier signatureAlgorithm, SubjectPublicKeyInfo key)
            throws OperatorCreationException {
        Provider provider = forVerifying(signatureAlgorithm, key);
        if (provider == Bc.PROVIDER) {
            return new JcaContentVerifierProviderBuilder().setProvider(provider).build(key);
        }
        // BouncyCastle looks key factories up by names the native provider does not register ("ECDSA", OIDs),
        // so the key is decoded here, by the factory name the native provider does have.
        PublicKey publicKey;
        try {
            publicKey = KeyFactory.getInstance(familyOf(key) == KeyFamily.RSA ? "RSA" : "EC", provider)
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new OperatorCreationException("the public key does not decode: " + e.getMessage(), e);
        }
        try {
            Signature signature = Signature.getInstance(
                    NATIVE_SIGNATURES.get(signatureAlgorithm.getAlgorithm()).jcaName(), provider);
            signature.initVerify(publicKey);
            return new OneSignatureVerifier(signatureAlgorithm, signature);
        } catch (GeneralSecurityException e) {
            throw new OperatorCreationException("the signature cannot be checked: " + e.getMessage(), e);
        }
    }

    /** The provider that signs with this algorithm; the CA key must come from {@link #signingKey}. */
    public Provider forSigning(SigningAlgorithm algorithm) {
        return nativeProvider != null && algorithm.family() != KeyFamily.SM2 ? nativeProvider : Bc.PROVIDER;
    }

    /**
     * The CA key in the form {@link #forSigning} needs, converted once at start-up rather than on every
     * signature. Keys the native provider cannot hold are returned as they are.
     *
     * @throws IllegalArgumentException when the native provider rejects a key it should accept
     */
    public PrivateKey signingKey(PrivateKey key, KeyAlgorithm algorithm) {
        if (nativeProvider == null || algorithm.family() == KeyFamily.SM2) {
            return key;
        }
        try {
            return KeyFactory.getInstance(algorithm.family() == KeyFamily.RSA ? "RSA" : "EC", nativeProvider)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the native provider cannot use the " + algorithm + " key: "
                    + e.getMessage(), e);
        }
    }

    private static KeyFamily familyOf(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            return KeyFamily.RSA;
        }
        return X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm) ? KeyFamily.EC : null;
    }

    private static ASN1ObjectIdentifier curveOf(SubjectPublicKeyInfo key) {
        return Optional.ofNullable(key.getAlgorithm().getParameters())
                .filter(ASN1ObjectIdentifier.class::isInstance)
                .map(ASN1ObjectIdentifier.class::cast)
                .orElse(null);
    }

    /** A signature algorithm the native provider checks, by the name the JCA knows it under. */
    private record NativeSignature(KeyFamily family, String jcaName) {
    }
}
