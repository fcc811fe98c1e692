package dev.certgateway.x509;

import java.math.BigInteger;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;

import dev.certgateway.error.MalformedCsrException;

/**
 * Decides whether a subject public key is good enough to certify (the "goodkey" check). Accepted: RSA of 2048 to
 * 8192 bits with public exponent 65537, and EC keys on the named NIST curves P-256, P-384 and P-521 whose point
 * lies on the curve. Everything else is rejected, because relying parties and ACM PCA itself do not handle it
 * uniformly (DSA, EdDSA, SM2) or because it is weak (small RSA, exponent 3) or a known attack surface (explicit
 * curve parameters, invalid points).
 */
final class KeyChecker {

    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 8192;
    static final BigInteger RSA_EXPONENT = BigInteger.valueOf(65537);

    static final String ACCEPTED = "use RSA 2048 to 8192 bits with exponent 65537, or EC P-256, P-384 or P-521";

    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            X9ObjectIdentifiers.prime256v1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384",
            SECObjectIdentifiers.secp521r1, "P-521");

    private final String field;

    /** @param field the request field the key came from, named in every message (e.g. {@code csr}) */
    KeyChecker(String field) {
        this.field = field;
    }

    /** @throws MalformedCsrException when the key is not acceptable; the message says what is */
    KeyDescription check(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            return checkRsa(key);
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            return checkEc(key);
        }
        throw reject(describeOther(algorithm) + " is not accepted");
    }

    private KeyDescription checkRsa(SubjectPublicKeyInfo key) {
        RSAPublicKey rsa;
        try {
            rsa = RSAPublicKey.getInstance(key.parsePublicKey());
        } catch (Exception e) {
            throw reject("RSA public key does not parse");
        }
        BigInteger modulus = rsa.getModulus();
        if (modulus.signum() <= 0 || !modulus.testBit(0)) {
            throw reject("RSA public key has an invalid modulus (it must be positive and odd)");
        }
        int bits = modulus.bitLength();
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw reject("RSA key of " + bits + " bits is not accepted");
        }
        if (!RSA_EXPONENT.equals(rsa.getPublicExponent())) {
            throw reject("RSA key with public exponent " + rsa.getPublicExponent() + " is not accepted");
        }
        return new KeyDescription(KeyFamily.RSA, bits, null);
    }

    private KeyDescription checkEc(SubjectPublicKeyInfo key) {
        ASN1Encodable parameters = key.getAlgorithm().getParameters();
        if (!(parameters instanceof ASN1ObjectIdentifier curveOid)) {
            // Explicit parameters let the requester pick the curve; RFC 5480 requires namedCurve in certificates.
            throw reject("EC key with explicit curve parameters is not accepted (a named curve is required)");
        }
        String curveName = CURVES.get(curveOid);
        if (curveName == null) {
            String known = GMObjectIdentifiers.sm2p256v1.equals(curveOid) ? "SM2 (sm2p256v1)"
                    : nameOf(curveOid);
            throw reject("EC key on curve " + known + " is not accepted");
        }
        X9ECParameters curve = ECNamedCurveTable.getByOID(curveOid);
        try {
            ECPoint point = curve.getCurve().decodePoint(key.getPublicKeyData().getOctets());
            if (point.isInfinity() || !point.isValid()) {
                throw new IllegalArgumentException("not on the curve");
            }
        } catch (RuntimeException e) {
            throw reject("EC public key is not a valid point on " + curveName);
        }
        return new KeyDescription(KeyFamily.EC, curve.getCurve().getFieldSize(), curveName);
    }

    private static String nameOf(ASN1ObjectIdentifier curveOid) {
        String name = ECNamedCurveTable.getName(curveOid);
        return name == null ? curveOid.getId() : name + " (" + curveOid.getId() + ")";
    }

    private static String describeOther(ASN1ObjectIdentifier algorithm) {
        if (X9ObjectIdentifiers.id_dsa.equals(algorithm)) {
            return "DSA key";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            return "Ed25519 key";
        }
        if (EdECObjectIdentifiers.id_Ed448.equals(algorithm)) {
            return "Ed448 key";
        }
        if (EdECObjectIdentifiers.id_X25519.equals(algorithm) || EdECObjectIdentifiers.id_X448.equals(algorithm)) {
            return "X25519/X448 key";
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm)) {
            return "RSASSA-PSS key";
        }
        return "key of algorithm " + algorithm.getId();
    }

    private MalformedCsrException reject(String problem) {
        return new MalformedCsrException(field + ": " + problem + "; " + ACCEPTED);
    }
}
