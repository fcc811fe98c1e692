package dev.certgateway.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

class CertificateAssemblerTests {

    private final CertificateComposer composer = new CertificateComposer();

    @Test
    void issuesAVerifiableCertificateFromACsr() throws Exception {
        Instant now = Instant.parse("2026-03-01T10:15:30.123Z");
        ParsedCsr csr = new CsrParser().parse(TestPki.csrPem(TestPki.rsa(2048), "CN=app.example.com",
                "app.example.com"));
        X509CertificateHolder ca = TestPki.caCertificate(1);
        ValidityPeriod validity = ValidityCalculator.compute(new Validity(90L, ValidityPeriodType.DAYS), null, now,
                TestPki.CA_NOT_BEFORE, TestPki.CA_NOT_AFTER);
        BigInteger serial = SerialNumbers.next(now, new SecureRandom());
        CertificateBlueprint blueprint = composer.compose(csr, CertificateTemplate.fromArn(null), null, validity,
                IssuerInfo.of(ca, null, null, null), serial);

        X509CertificateHolder cert = CertificateAssembler.sign(blueprint, TestPki.signer());

        assertThat(cert.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER)
                .build(ca.getSubjectPublicKeyInfo()))).isTrue();
        assertThat(cert.getIssuer()).isEqualTo(ca.getSubject());
        assertThat(cert.getSubject().toString()).isEqualTo("CN=app.example.com");
        assertThat(cert.getSerialNumber()).isEqualTo(serial);
        assertThat(cert.getVersionNumber()).isEqualTo(3);
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-05-30T10:15:30Z"));
        assertThat(cert.getExtensions()).isEqualTo(blueprint.toExtensions());
        assertThat(List.of(cert.getExtensions().getExtensionOIDs())).containsExactlyElementsOf(
                blueprint.extensions().stream().map(e -> e.getExtnId()).toList());

        // The JDK parses and validates it too, and the chain link to the CA verifies.
        String pem = Pem.certificate(cert);
        X509Certificate jdk = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        X509Certificate jdkCa = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(ca.getEncoded()));
        jdk.verify(jdkCa.getPublicKey());
        assertThat(jdk.getBasicConstraints()).isEqualTo(-1);
        assertThat(jdk.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(jdk.getKeyUsage()).startsWith(true, false, true);
        assertThat(jdk.getCriticalExtensionOIDs()).containsExactly("2.5.29.15");
    }

    @Test
    void datesBefore2050AreUtcTimeAndFrom2050GeneralizedTime() throws Exception {
        ParsedCsr csr = TestPki.parsed(TestPki.ec("secp256r1"), "CN=long-lived");
        ValidityPeriod validity = new ValidityPeriod(Instant.parse("2049-12-31T23:59:59Z"),
                Instant.parse("2050-01-01T00:00:00Z"));
        CertificateBlueprint blueprint = composer.compose(csr, CertificateTemplate.fromArn(null), null, validity,
                TestPki.issuer(null), BigInteger.TEN);

        Certificate cert = Certificate.getInstance(CertificateAssembler.sign(blueprint, TestPki.signer())
                .getEncoded());

        assertThat(cert.getStartDate().toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
        assertThat(cert.getEndDate().toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
        assertThat(cert.getEndDate().getDate().toInstant()).isEqualTo(Instant.parse("2050-01-01T00:00:00Z"));
    }

    @Test
    void signsWithAnRsaAuthorityKey() throws Exception {
        KeyPair rsaCa = TestPki.rsa(2048);
        ParsedCsr csr = TestPki.parsed(TestPki.ec("secp256r1"), "CN=leaf");
        IssuerInfo issuer = new IssuerInfo(TestPki.CA_NAME, KeyCheckerTests.spki(rsaCa), null, null, null, null,
                null);
        CertificateBlueprint blueprint = composer.compose(csr, CertificateTemplate.fromArn(null), null,
                CertificateComposerTests.VALIDITY, issuer, BigInteger.TWO);

        X509CertificateHolder cert = CertificateAssembler.sign(blueprint,
                CertificateAssembler.signer(SigningAlgorithm.SHA384WITHRSA, rsaCa.getPrivate()));

        assertThat(cert.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.113549.1.1.12");
        assertThat(cert.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER)
                .build(rsaCa.getPublic()))).isTrue();
    }

    @Test
    void pemHasSixtyFourCharacterLines() throws Exception {
        CertificateBlueprint blueprint = composer.compose(TestPki.parsed(TestPki.ec("secp256r1"), "CN=pem"),
                CertificateTemplate.fromArn(null), null, CertificateComposerTests.VALIDITY, TestPki.issuer(null),
                BigInteger.ONE);
        String pem = Pem.certificate(CertificateAssembler.sign(blueprint, TestPki.signer()));

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n");
        assertThat(pem.lines().skip(1).filter(l -> !l.startsWith("-----"))).allSatisfy(l ->
                assertThat(l.length()).isBetween(1, 64));
        assertThat(pem.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
    }

    @Test
    void serialsArePositiveAtMost128BitsAndDistinct() {
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now();
        Set<BigInteger> seen = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> {
            // All in the same millisecond: the random bits alone keep them apart.
            BigInteger serial = SerialNumbers.next(now, random);
            assertThat(serial.signum()).isOne();
            assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
            assertThat(serial.toByteArray().length).isLessThanOrEqualTo(16);
            seen.add(serial);
        });
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aLaterSerialSortsAfterAnEarlierOneAsNumberAndAsFixedWidthHex() {
        SecureRandom random = new SecureRandom();
        Instant earlier = Instant.parse("2026-11-29T19:40:00.000Z");
        for (int i = 0; i < 100; i++) {
            BigInteger first = SerialNumbers.next(earlier, random);
            BigInteger second = SerialNumbers.next(earlier.plusMillis(1), random);
            assertThat(second).isGreaterThan(first);
            assertThat(String.format("%032x", second)).isGreaterThan(String.format("%032x", first));
        }
    }

    @Test
    void serialIsTheMillisecondsThenEightyRandomBitsAndNeverZero() {
        Instant now = Instant.parse("2026-11-29T19:40:00.123Z");
        BigInteger millis = BigInteger.valueOf(now.toEpochMilli()).shiftLeft(80);

        assertThat(SerialNumbers.next(now, fillingWith((byte) 0))).isEqualTo(millis);
        assertThat(SerialNumbers.next(now, fillingWith((byte) 0xff)))
                .isEqualTo(millis.or(BigInteger.ONE.shiftLeft(80).subtract(BigInteger.ONE)));
        assertThatThrownBy(() -> SerialNumbers.next(Instant.EPOCH, fillingWith((byte) 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SecureRandom fillingWith(byte value) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, value);
            }
        };
    }
}
