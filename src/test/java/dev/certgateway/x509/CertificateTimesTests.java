package dev.certgateway.x509;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Random;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class CertificateTimesTests {

    @Test
    void yearsFrom1950To2049AreUtcTimeAndOthersGeneralizedTime() {
        assertThat(encoded("1949-12-31T23:59:59Z")).isInstanceOf(ASN1GeneralizedTime.class)
                .extracting(time -> ((ASN1GeneralizedTime) time).getTimeString()).isEqualTo("19491231235959Z");
        assertThat(encoded("1950-01-01T00:00:00Z")).isInstanceOf(ASN1UTCTime.class).hasToString("500101000000Z");
        assertThat(encoded("2049-12-31T23:59:59Z")).isInstanceOf(ASN1UTCTime.class).hasToString("491231235959Z");
        assertThat(encoded("2050-01-01T00:00:00Z")).isInstanceOf(ASN1GeneralizedTime.class)
                .extracting(time -> ((ASN1GeneralizedTime) time).getTimeString()).isEqualTo("20500101000000Z");
    }

    @Test
    void fractionsOfASecondAreDropped() {
        assertThat(encoded("2026-03-01T10:15:30.999999999Z")).hasToString("260301101530Z");
    }

    @Test
    void encodesExactlyAsBouncyCastlesOwnConversionDoes() throws IOException {
        Random random = new Random(20261128);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 2_000; i++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000));
            Time ours = CertificateTimes.encode(instant);
            Time bouncyCastles = new Time(Date.from(instant));
            assertThat(ours.getEncoded("DER")).as("%s", instant).isEqualTo(bouncyCastles.getEncoded("DER"));
            assertThat(CertificateTimes.decode(ours)).isEqualTo(bouncyCastles.getDate().toInstant())
                    .isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Test
    void formsOtherThanDerAreReadAsBouncyCastleReadsThem() {
        // Without seconds, and with an offset: allowed by X.680, not by RFC 5280, still met in old certificates.
        Time withoutSeconds = new Time(new ASN1UTCTime("4912312359Z"));
        Time withOffset = new Time(new ASN1UTCTime("491231235959+0100"));
        Time withFraction = new Time(new ASN1GeneralizedTime("20500101000000.5Z"));

        assertThat(CertificateTimes.decode(withoutSeconds)).isEqualTo(Instant.parse("2049-12-31T23:59:00Z"))
                .isEqualTo(withoutSeconds.getDate().toInstant());
        assertThat(CertificateTimes.decode(withOffset)).isEqualTo(Instant.parse("2049-12-31T22:59:59Z"))
                .isEqualTo(withOffset.getDate().toInstant());
        assertThat(CertificateTimes.decode(withFraction)).isEqualTo(Instant.parse("2050-01-01T00:00:00.500Z"))
                .isEqualTo(withFraction.getDate().toInstant());
        // Dates that do not exist are left to BouncyCastle too, whatever it makes of them.
        for (Time impossible : new Time[] {new Time(new ASN1UTCTime("490231000000Z")),
                new Time(new ASN1UTCTime("991301000000Z")), new Time(new ASN1GeneralizedTime("20500101240000Z")),
                new Time(new ASN1GeneralizedTime("20490229120000Z"))}) {
            assertThat(CertificateTimes.decode(impossible)).isEqualTo(impossible.getDate().toInstant());
        }
    }

    @Test
    void readsACertificatesValidity() {
        X509CertificateHolder ca = TestPki.caCertificate(1);

        assertThat(CertificateTimes.notBefore(ca)).isEqualTo(TestPki.CA_NOT_BEFORE)
                .isEqualTo(ca.getNotBefore().toInstant());
        assertThat(CertificateTimes.notAfter(ca)).isEqualTo(TestPki.CA_NOT_AFTER)
                .isEqualTo(ca.getNotAfter().toInstant());
    }

    private static ASN1Primitive encoded(String instant) {
        return CertificateTimes.encode(Instant.parse(instant)).toASN1Primitive();
    }
}
