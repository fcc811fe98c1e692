package dev.certgateway.x509;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A certificate's validity times (RFC 5280 section 4.1.2.5) to and from {@link Instant}s. BouncyCastle's own
 * conversions build a new {@code SimpleDateFormat} for every time they read or write (two to write one, since
 * its UTCTime constructor parses what it was given); an issuance converts nine times, which made these
 * conversions the largest single source of garbage per request. The DER forms RFC 5280 prescribes are fixed
 * width, so java.time's immutable formatters handle them; any other form is left to BouncyCastle.
 */
public final class CertificateTimes {

    /** UTCTime: YYMMDDHHMMSSZ, two-digit years meaning 1950-2049. */
    private static final DateTimeFormatter UTC_TIME = new DateTimeFormatterBuilder()
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1950)
            .appendPattern("MMddHHmmss'Z'")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(ZoneOffset.UTC);

    /** GeneralizedTime without fractions: YYYYMMDDHHMMSSZ. */
    private static final DateTimeFormatter GENERALIZED_TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendPattern("MMddHHmmss'Z'")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(ZoneOffset.UTC);

    private static final int UTC_TIME_TAG = 0x17;
    private static final int GENERALIZED_TIME_TAG = 0x18;

    private CertificateTimes() {
    }

    /**
     * The time as RFC 5280 requires it in a certificate: UTCTime for the years 1950 through 2049, GeneralizedTime
     * otherwise, to the second (fractions are dropped, as BouncyCastle's {@code Time(Date)} drops them).
     */
    public static Time encode(Instant instant) {
        int year = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear();
        if (year >= 1950 && year <= 2049) {
            return new Time(ASN1UTCTime.getInstance(der(UTC_TIME_TAG, UTC_TIME.format(instant))));
        }
        return new Time(ASN1GeneralizedTime.getInstance(der(GENERALIZED_TIME_TAG, GENERALIZED_TIME.format(instant))));
    }

    public static Instant notBefore(X509CertificateHolder certificate) {
        return decode(certificate.toASN1Structure().getStartDate());
    }

    public static Instant notAfter(X509CertificateHolder certificate) {
        return decode(certificate.toASN1Structure().getEndDate());
    }

    static Instant decode(Time time) {
        ASN1Primitive primitive = time.toASN1Primitive();
        try {
            // Both give the time as encoded, not reformatted; the formatters accept the DER form and nothing else.
            if (primitive instanceof ASN1UTCTime utc) {
                return UTC_TIME.parse(utc.toString(), Instant::from);
            }
            return GENERALIZED_TIME.parse(((ASN1GeneralizedTime) primitive).getTimeString(), Instant::from);
        } catch (DateTimeParseException e) {
            // Another form (no seconds, an offset, a fraction) or no real date (a 13th month, say): BouncyCastle
            // decides, as it did before.
            return time.getDate().toInstant();
        }
    }

    /** The DER encoding of a time of at most 127 characters, which BouncyCastle reads without parsing. */
    private static byte[] der(int tag, String text) {
        byte[] encoded = new byte[text.length() + 2];
        encoded[0] = (byte) tag;
        encoded[1] = (byte) text.length();
        for (int i = 0; i < text.length(); i++) {
            encoded[i + 2] = (byte) text.charAt(i);
        }
        return encoded;
    }
}
