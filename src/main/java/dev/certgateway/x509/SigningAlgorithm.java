package dev.certgateway.x509;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.certgateway.error.InvalidArgsException;

/** ACM PCA SigningAlgorithm values. */
public enum SigningAlgorithm {
    SHA256WITHECDSA(KeyFamily.EC, "SHA256withECDSA"),
    SHA384WITHECDSA(KeyFamily.EC, "SHA384withECDSA"),
    SHA512WITHECDSA(KeyFamily.EC, "SHA512withECDSA"),
    SHA256WITHRSA(KeyFamily.RSA, "SHA256withRSA"),
    SHA384WITHRSA(KeyFamily.RSA, "SHA384withRSA"),
    SHA512WITHRSA(KeyFamily.RSA, "SHA512withRSA"),
    SM3WITHSM2(KeyFamily.SM2, "SM3withSM2");

    private final KeyFamily family;
    private final String jcaName;

    SigningAlgorithm(KeyFamily family, String jcaName) {
        this.family = family;
        this.jcaName = jcaName;
    }

    public KeyFamily family() {
        return family;
    }

    /** The name BouncyCastle's {@code JcaContentSignerBuilder} accepts. */
    public String jcaName() {
        return jcaName;
    }

    /** The algorithms a key of the given family can sign with, in declaration order. */
    public static List<SigningAlgorithm> forFamily(KeyFamily keyFamily) {
        return Arrays.stream(values()).filter(a -> a.family == keyFamily).toList();
    }

    /**
     * Rejects an algorithm the authority's key cannot produce, e.g. an RSA algorithm for an EC key.
     *
     * @throws InvalidArgsException naming {@code signingAlgorithm} and the algorithms that would work
     */
    public void requireCompatibleWith(KeyFamily authorityKeyFamily) {
        if (authorityKeyFamily == null) {
            throw new IllegalArgumentException("authorityKeyFamily is required");
        }
        if (family == authorityKeyFamily) {
            return;
        }
        String usable = forFamily(authorityKeyFamily).stream().map(Enum::name).collect(Collectors.joining(", "));
        throw new InvalidArgsException("signingAlgorithm: " + name() + " is an " + family
                + " algorithm but the authority's key is " + authorityKeyFamily + "; use one of " + usable);
    }
}
