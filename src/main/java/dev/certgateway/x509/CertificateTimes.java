package dev.certgateway.x509;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
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
 * width, so java.time's immutable formatters write them and a digit-by-digit reader reads them; any other form
 * is left to BouncyCastle.
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
        // Both give the time as encoded, not reformatted.
        Instant fixedWidth = primitive instanceof ASN1UTCTime utc
                ? fixedWidth(utc.toString(), 2)
                : fixedWidth(((ASN1GeneralizedTime) primitive).getTimeString(), 4);
        // Another form (no seconds, an offset, a fraction) or no real date (a 13th month, say): BouncyCastle
        // decides, as it did before.
        return fixedWidth != null ? fixedWidth : time.getDate().toInstant();
    }

    /**
     * The DER form, read digit by digit (a formatter's parse cost a per cent of an issuance's CPU): YYMMDDHHMMSSZ
     * with two-digit years meaning 1950-2049, or YYYYMMDDHHMMSSZ. Null for any other text or for a date or time
     * that does not exist.
     */
    private static Instant fixedWidth(String text, int yearDigits) {
        int length = yearDigits + 11;
        if (text.length() != length || text.charAt(length - 1) != 'Z') {
            return null;
        }
        for (int i = 0; i < length - 1; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        int year = number(text, 0, yearDigits);
        if (yearDigits == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        int at = yearDigits;
        try {
            return LocalDateTime.of(year, number(text, at, 2), number(text, at + 2, 2), number(text, at + 4, 2),
                    number(text, at + 6, 2), number(text, at + 8, 2)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String digits, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
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
