package dev.certgateway.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.certgateway.error.InvalidArgsException;

class SigningAlgorithmTests {

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void jcaNameIsUnderstoodByBouncyCastle(SigningAlgorithm algorithm) {
        var keys = switch (algorithm.family()) {
            case RSA -> TestPki.rsa(2048);
            case EC -> TestPki.ec("secp256r1");
            case SM2 -> TestPki.sm2();
        };
        assertThatCode(() -> algorithm.requireCompatibleWith(KeyAlgorithm.of(keys.getPublic()).family()))
                .doesNotThrowAnyException();
        assertThat(CertificateAssembler.signer(algorithm, keys.getPrivate()).getAlgorithmIdentifier()).isNotNull();
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                Arguments.of("fail/rsa-algorithm-ec-key", SigningAlgorithm.SHA256WITHRSA, KeyFamily.EC,
                        "signingAlgorithm: SHA256WITHRSA is an RSA algorithm but the authority's key is EC; use one of"
                                + " SHA256WITHECDSA, SHA384WITHECDSA, SHA512WITHECDSA"),
                Arguments.of("fail/ecdsa-algorithm-rsa-key", SigningAlgorithm.SHA384WITHECDSA, KeyFamily.RSA,
                        "use one of SHA256WITHRSA, SHA384WITHRSA, SHA512WITHRSA"),
                Arguments.of("fail/sm3-algorithm-ec-key", SigningAlgorithm.SM3WITHSM2, KeyFamily.EC,
                        "SM3WITHSM2 is an SM2 algorithm but the authority's key is EC"),
                Arguments.of("fail/ecdsa-algorithm-sm2-key", SigningAlgorithm.SHA256WITHECDSA, KeyFamily.SM2,
                        "use one of SM3WITHSM2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatches")
    void rejectsAlgorithmOfAnotherFamily(String name, SigningAlgorithm algorithm, KeyFamily key, String message) {
        assertThatThrownBy(() -> algorithm.requireCompatibleWith(key))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageContaining(message);
    }

    @Test
    void keyAlgorithmDescribesAuthorityKeys() {
        assertThat(KeyAlgorithm.of(TestPki.rsa(2048).getPublic())).isEqualTo(KeyAlgorithm.RSA_2048);
        assertThat(KeyAlgorithm.of(TestPki.ec("secp256r1").getPublic())).isEqualTo(KeyAlgorithm.EC_prime256v1);
        assertThat(KeyAlgorithm.of(TestPki.ec("secp384r1").getPublic())).isEqualTo(KeyAlgorithm.EC_secp384r1);
        assertThat(KeyAlgorithm.of(TestPki.ec("secp521r1").getPublic())).isEqualTo(KeyAlgorithm.EC_secp521r1);
        assertThat(KeyAlgorithm.of(TestPki.sm2().getPublic())).isEqualTo(KeyAlgorithm.SM2);
        assertThat(KeyAlgorithm.of(KeyCheckerTests.rsa(3072, 65537))).isEqualTo(KeyAlgorithm.RSA_3072);
        assertThat(KeyAlgorithm.of(KeyCheckerTests.rsa(4096, 65537))).isEqualTo(KeyAlgorithm.RSA_4096);
        assertThat(KeyAlgorithm.SM2.family()).isEqualTo(KeyFamily.SM2);
    }

    @Test
    void keyAlgorithmRejectsKeysAcmPcaDoesNotOffer() {
        SubjectPublicKeyInfo rsa8192 = KeyCheckerTests.rsa(8192, 65537);
        assertThatThrownBy(() -> KeyAlgorithm.of(rsa8192)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RSA key of 8192 bits");
        assertThatThrownBy(() -> KeyAlgorithm.of(TestPki.ec("secp256k1").getPublic()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.3.132.0.10");
        assertThatThrownBy(() -> KeyAlgorithm.of(TestPki.ed25519().getPublic()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.3.101.112");
    }
}
