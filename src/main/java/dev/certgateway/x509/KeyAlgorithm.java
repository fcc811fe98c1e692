package dev.certgateway.x509;

import java.io.IOException;
import java.security.PublicKey;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** ACM PCA KeyAlgorithm names, used to describe authorities. */
public enum KeyAlgorithm {
    RSA_2048(KeyFamily.RSA),
    RSA_3072(KeyFamily.RSA),
    RSA_4096(KeyFamily.RSA),
    EC_prime256v1(KeyFamily.EC),
    EC_secp384r1(KeyFamily.EC),
    EC_secp521r1(KeyFamily.EC),
    SM2(KeyFamily.SM2);

    private final KeyFamily family;

    KeyAlgorithm(KeyFamily family) {
        this.family = family;
    }

    public KeyFamily family() {
        return family;
    }

    /**
     * Describes a CA public key.
     *
     * @throws IllegalArgumentException for RSA sizes other than 2048/3072/4096, curves ACM PCA does not offer, or
     *                                  other key types: a CA configured with such a key is a configuration error
     */
    public static KeyAlgorithm of(PublicKey key) {
        if (key == null) {
            throw new IllegalArgumentException("key is required");
        }
        return of(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    /** As {@link #of(PublicKey)}, for a key already in its X.509 encoding. */
    public static KeyAlgorithm of(SubjectPublicKeyInfo key) {
        if (key == null) {
            throw new IllegalArgumentException("key is required");
        }
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            int bits = rsaModulusBits(key);
            return switch (bits) {
                case 2048 -> RSA_2048;
                case 3072 -> RSA_3072;
                case 4096 -> RSA_4096;
                default -> throw new IllegalArgumentException("RSA key of " + bits
                        + " bits is not an ACM PCA key algorithm; use RSA 2048, 3072 or 4096");
            };
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            // SM2 keys carry id-ecPublicKey with the sm2p256v1 curve; they are their own family for signing.
            if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
                throw new IllegalArgumentException(
                        "EC key with explicit curve parameters is not an ACM PCA key algorithm; use a named curve");
            }
            if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
                return EC_prime256v1;
            }
            if (SECObjectIdentifiers.secp384r1.equals(curve)) {
                return EC_secp384r1;
            }
            if (SECObjectIdentifiers.secp521r1.equals(curve)) {
                return EC_secp521r1;
            }
            if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
                return SM2;
            }
            throw new IllegalArgumentException("EC key on curve " + curve.getId()
                    + " is not an ACM PCA key algorithm; use prime256v1, secp384r1, secp521r1 or sm2p256v1");
        }
        throw new IllegalArgumentException("key algorithm " + algorithm.getId()
                + " is not an ACM PCA key algorithm; use RSA 2048/3072/4096, EC prime256v1/secp384r1/secp521r1 or SM2");
    }

    private static int rsaModulusBits(SubjectPublicKeyInfo key) {
        try {
            return RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("RSA key does not parse", e);
        }
    }
}
