package dev.certgateway.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.util.stream.Stream;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.certgateway.error.MalformedCsrException;

class KeyCheckerTests {

    private final KeyChecker checker = new KeyChecker("csr");

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("ok/rsa-2048", spki(TestPki.rsa(2048)), new KeyDescription(KeyFamily.RSA, 2048, null)),
                Arguments.of("ok/rsa-8192-constructed", rsa(8192, 65537),
                        new KeyDescription(KeyFamily.RSA, 8192, null)),
                Arguments.of("ok/ec-p256", spki(TestPki.ec("secp256r1")), new KeyDescription(KeyFamily.EC, 256, "P-256")),
                Arguments.of("ok/ec-p384", spki(TestPki.ec("secp384r1")), new KeyDescription(KeyFamily.EC, 384, "P-384")),
                Arguments.of("ok/ec-p521", spki(TestPki.ec("secp521r1")),
                        new KeyDescription(KeyFamily.EC, 521, "P-521")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String name, SubjectPublicKeyInfo key, KeyDescription expected) {
        assertThat(checker.check(key)).isEqualTo(expected);
    }

    static Stream<Arguments> rejected() {
        SubjectPublicKeyInfo p256 = spki(TestPki.ec("secp256r1"));
        X9ECParameters explicit = ECNamedCurveTable.getByOID(X9ObjectIdentifiers.prime256v1);
        byte[] offCurve = p256.getPublicKeyData().getOctets().clone();
        offCurve[offCurve.length - 1] ^= 1;
        return Stream.of(
                Arguments.of("fail/rsa-1024", spki(TestPki.rsa(1024)), "RSA key of 1024 bits is not accepted"),
                Arguments.of("fail/rsa-2047", rsa(2047, 65537), "RSA key of 2047 bits"),
                Arguments.of("fail/rsa-16384", rsa(16384, 65537), "RSA key of 16384 bits"),
                Arguments.of("fail/rsa-exponent-3", spki(TestPki.rsaExponent3()), "public exponent 3"),
                Arguments.of("fail/rsa-even-modulus", rsaModulus(BigInteger.ONE.shiftLeft(2047), 65537),
                        "invalid modulus"),
                Arguments.of("fail/ec-secp256k1", spki(TestPki.ec("secp256k1")), "secp256k1"),
                Arguments.of("fail/ec-explicit-parameters", new SubjectPublicKeyInfo(
                        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, explicit),
                        p256.getPublicKeyData().getOctets()), "explicit curve parameters"),
                Arguments.of("fail/ec-point-off-curve", new SubjectPublicKeyInfo(p256.getAlgorithm(), offCurve),
                        "not a valid point on P-256"),
                Arguments.of("fail/ec-p384-oid-with-p256-point", new SubjectPublicKeyInfo(
                        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp384r1),
                        p256.getPublicKeyData().getOctets()), "not a valid point on P-384"),
                Arguments.of("fail/sm2", spki(TestPki.sm2()), "SM2"),
                Arguments.of("fail/ed25519", spki(TestPki.ed25519()), "Ed25519 key is not accepted"),
                Arguments.of("fail/dsa", new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa),
                        new byte[] {2, 1, 1}), "DSA key is not accepted"),
                Arguments.of("fail/unknown-algorithm", new SubjectPublicKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_alg_ESDH), new byte[] {2, 1, 1}),
                        "key of algorithm 1.2.840.113549.1.9.16.3.5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, SubjectPublicKeyInfo key, String expected) {
        assertThatThrownBy(() -> checker.check(key))
                .isInstanceOf(MalformedCsrException.class)
                .hasMessageStartingWith("csr: ")
                .hasMessageContaining(expected)
                .hasMessageEndingWith("use RSA 2048 to 8192 bits with exponent 65537, or EC P-256, P-384 or P-521");
    }

    static SubjectPublicKeyInfo spki(KeyPair keys) {
        return SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    }

    /** An RSA key of any size without generating one: an odd modulus of exactly {@code bits} bits. */
    static SubjectPublicKeyInfo rsa(int bits, int exponent) {
        return rsaModulus(BigInteger.ONE.shiftLeft(bits - 1).setBit(0), exponent);
    }

    static SubjectPublicKeyInfo rsaModulus(BigInteger modulus, int exponent) {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    new RSAPublicKey(modulus, BigInteger.valueOf(exponent)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
