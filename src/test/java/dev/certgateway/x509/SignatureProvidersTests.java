package dev.certgateway.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import dev.certgateway.error.MalformedCsrException;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RawContentVerifier;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureProvidersTests {

    private static final SignatureProviders NATIVE = SignatureProviders.preferNative();

    @Test
    void theNativeProviderRunsOnLinuxX8664() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the native library in the build is for Linux x86-64 only");

        assertThat(NATIVE.nativeEnabled()).as(NATIVE.description()).isTrue();
        assertThat(NATIVE.description()).contains("AWS-LC");
    }

    @Test
    void bouncyCastleOnlyTakesEveryAlgorithm() {
        SignatureProviders bc = SignatureProviders.bouncyCastleOnly();

        assertThat(bc.nativeEnabled()).isFalse();
        assertThat(bc.forSigning(SigningAlgorithm.SHA256WITHECDSA)).isSameAs(Bc.PROVIDER);
        assertThat(bc.forVerifying(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256),
                spki(TestPki.ec("secp256r1")))).isSameAs(Bc.PROVIDER);
        assertThat(bc.signingKey(TestPki.caKey().getPrivate(), KeyAlgorithm.EC_prime256v1))
                .isSameAs(TestPki.caKey().getPrivate());
    }

    @Test
    void theNativeProviderTakesOnlyWhatItOffers() {
        assumeTrue(NATIVE.nativeEnabled(), NATIVE.description());
        AlgorithmIdentifier ecdsa = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        AlgorithmIdentifier rsa = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption);

        assertThat(NATIVE.forVerifying(ecdsa, spki(TestPki.ec("secp256r1")))).isNotSameAs(Bc.PROVIDER);
        assertThat(NATIVE.forVerifying(ecdsa, spki(TestPki.ec("secp521r1")))).isNotSameAs(Bc.PROVIDER);
        assertThat(NATIVE.forVerifying(rsa, spki(TestPki.rsa(2048)))).isNotSameAs(Bc.PROVIDER);
        // A curve, a key type or a signature scheme AWS-LC does not offer, or an algorithm that does not fit the key.
        assertThat(NATIVE.forVerifying(ecdsa, spki(TestPki.sm2()))).isSameAs(Bc.PROVIDER);
        assertThat(NATIVE.forVerifying(ecdsa, spki(TestPki.ec("brainpoolP256r1")))).isSameAs(Bc.PROVIDER);
        assertThat(NATIVE.forVerifying(ecdsa, spki(TestPki.rsa(2048)))).isSameAs(Bc.PROVIDER);
        assertThat(NATIVE.forVerifying(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS,
                new RSASSAPSSparams()), spki(TestPki.rsa(2048)))).isSameAs(Bc.PROVIDER);
        assertThat(NATIVE.forVerifying(new AlgorithmIdentifier(org.bouncycastle.asn1.edec.EdECObjectIdentifiers
                .id_Ed25519), spki(TestPki.ed25519()))).isSameAs(Bc.PROVIDER);
        assertThat(NATIVE.forSigning(SigningAlgorithm.SM3WITHSM2)).isSameAs(Bc.PROVIDER);
        assertThat(NATIVE.signingKey(TestPki.sm2().getPrivate(), KeyAlgorithm.SM2)).isSameAs(TestPki.sm2().getPrivate());
    }

    /** Every algorithm the native provider signs with gives certificates BouncyCastle and the JDK accept. */
    @ParameterizedTest
    @CsvSource({
            "secp256r1, SHA256WITHECDSA", "secp256r1, SHA512WITHECDSA", "secp384r1, SHA384WITHECDSA",
            "secp521r1, SHA512WITHECDSA", "rsa2048, SHA256WITHRSA", "rsa2048, SHA384WITHRSA", "rsa3072, SHA512WITHRSA"})
    void nativeSignaturesVerifyElsewhere(String caKeyName, SigningAlgorithm algorithm) throws Exception {
        assumeTrue(NATIVE.nativeEnabled(), NATIVE.description());
        KeyPair caKey = caKeyName.startsWith("rsa") ? TestPki.rsa(Integer.parseInt(caKeyName.substring(3)))
                : TestPki.ec(caKeyName);
        PrivateKey signingKey = NATIVE.signingKey(caKey.getPrivate(), KeyAlgorithm.of(caKey.getPublic()));
        assertThat(signingKey.getClass().getName()).startsWith("com.amazon.corretto");
        CertificateBlueprint blueprint = new CertificateComposer().compose(
                TestPki.parsed(TestPki.ec("secp256r1"), "CN=native.example", "native.example"),
                CertificateTemplate.fromArn(null), null,
                new ValidityPeriod(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")),
                new IssuerInfo(TestPki.CA_NAME, spki(caKey), null, null, null, null, null), BigInteger.TEN);

        X509CertificateHolder certificate = CertificateAssembler.sign(blueprint,
                CertificateAssembler.signer(algorithm, signingKey, NATIVE));

        assertThat(certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER)
                .build(spki(caKey)))).isTrue();
        X509Certificate jdk = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
        jdk.verify(caKey.getPublic());
        assertThat(jdk.getSigAlgName()).isEqualToIgnoringCase(algorithm.jcaName());
    }

    @ParameterizedTest
    @CsvSource({"secp256r1", "secp384r1", "rsa"})
    void nativeVerificationAcceptsGoodProofsOfPossessionAndRejectsBadOnes(String keyName) {
        assumeTrue(NATIVE.nativeEnabled(), NATIVE.description());
        KeyPair keys = keyName.equals("rsa") ? TestPki.rsa(2048) : TestPki.ec(keyName);
        byte[] der = TestPki.sign(TestPki.csrBuilder(keys, "CN=pop.example", "pop.example"), keys);
        CsrParser parser = new CsrParser(NATIVE);

        assertThat(parser.parse(TestPki.pem(der)).subject().toString()).isEqualTo("CN=pop.example");

        // The last byte is inside the signature (the last field of the request): flipping it breaks the proof.
        byte[] tampered = der.clone();
        tampered[tampered.length - 1] ^= 0x01;
        assertThatThrownBy(() -> parser.parse(Base64.getEncoder().encodeToString(tampered)))
                .isInstanceOf(MalformedCsrException.class)
                .hasMessageContaining("signature");
    }

    @ParameterizedTest
    @CsvSource({"secp256r1", "rsa"})
    void nativeVerificationChecksTheSignatureOnceAndOnlyForItsAlgorithm(String keyName) throws Exception {
        assumeTrue(NATIVE.nativeEnabled(), NATIVE.description());
        KeyPair keys = keyName.equals("rsa") ? TestPki.rsa(2048) : TestPki.ec(keyName);
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(keyName.equals("rsa")
                ? PKCSObjectIdentifiers.sha256WithRSAEncryption : X9ObjectIdentifiers.ecdsa_with_SHA256);

        ContentVerifierProvider verifier = NATIVE.verifier(algorithm, spki(keys));

        // BouncyCastle's raw-signature verifier would verify every signature a second time.
        assertThat(verifier.get(algorithm)).isNotInstanceOf(RawContentVerifier.class);
        assertThatThrownBy(() -> verifier.get(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384)))
                .isInstanceOf(OperatorCreationException.class);
    }

    @ParameterizedTest
    @CsvSource({"secp256r1", "rsa"})
    void nativeVerificationRejectsAChangedRequest(String keyName) {
        assumeTrue(NATIVE.nativeEnabled(), NATIVE.description());
        KeyPair keys = keyName.equals("rsa") ? TestPki.rsa(2048) : TestPki.ec(keyName);
        byte[] der = TestPki.sign(TestPki.csrBuilder(keys, "CN=pop.example", "pop.example"), keys);
        // The signed content names pop.example; the same request naming pip.example is not what the key signed.
        byte[] changed = der.clone();
        int at = new String(changed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("pop.example");
        changed[at + 1] = 'i';

        assertThatThrownBy(() -> new CsrParser(NATIVE).parse(Base64.getEncoder().encodeToString(changed)))
                .isInstanceOf(MalformedCsrException.class)
                .hasMessageContaining("does not verify");
    }

    private static SubjectPublicKeyInfo spki(KeyPair keys) {
        return SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    }
}
