package dev.certgateway.x509;

/**
 * What a public key is: its family, its size in bits (RSA modulus length, or the EC field size) and, for EC keys,
 * the NIST name of its curve ("P-256", "P-384", "P-521"); {@code curve} is null for RSA.
 */
public record KeyDescription(KeyFamily family, int sizeBits, String curve) {
}
