package dev.certgateway.x509;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dev.certgateway.error.InvalidArgsException;

/**
 * Computes NotBefore and NotAfter from ACM PCA's {@code Validity} and {@code ValidityNotBefore}, capped by the
 * issuing CA's own validity. All arithmetic is in UTC with whole seconds, because certificates carry seconds only.
 */
public final class ValidityCalculator {

    /** The latest instant X.509 can express (GeneralizedTime year 9999). */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** ACM PCA back-dates NotBefore by an hour to absorb clock skew between systems. */
    static final long DEFAULT_BACKDATE_MINUTES = 60;

    private static final String TYPES = "END_DATE, ABSOLUTE, DAYS, MONTHS or YEARS";

    private ValidityCalculator() {
    }

    /**
     * @param validity      required; ACM PCA's {@code Validity}
     * @param notBeforeSpec optional; ACM PCA's {@code ValidityNotBefore}, type ABSOLUTE only
     * @param now           the issuance time; truncated to whole seconds
     * @param caNotBefore   the issuing CA certificate's NotBefore; null means no lower bound
     * @param caNotAfter    the issuing CA certificate's NotAfter; null means no upper bound
     * @throws InvalidArgsException naming the offending field and what is accepted
     */
    public static ValidityPeriod compute(Validity validity, Validity notBeforeSpec, Instant now, Instant caNotBefore,
            Instant caNotAfter) {
        if (now == null) {
            throw new IllegalArgumentException("now is required");
        }
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        if (validity == null) {
            throw new InvalidArgsException("validity is required; give {value, type} with type " + TYPES);
        }
        if (validity.type() == null) {
            throw new InvalidArgsException("validity.type is required; use one of " + TYPES);
        }
        if (validity.value() == null) {
            throw new InvalidArgsException("validity.value is required; give a whole number interpreted by"
                    + " validity.type " + validity.type());
        }
        Instant notAfter = notAfter(validity, issuedAt);
        if (!notAfter.isAfter(issuedAt)) {
            throw new InvalidArgsException("validity.value: NotAfter " + notAfter + " is not after the issuance time "
                    + issuedAt + "; the certificate must be valid for at least 1 second");
        }
        if (caNotAfter != null && notAfter.isAfter(caNotAfter)) {
            throw new InvalidArgsException("validity.value: NotAfter " + notAfter
                    + " is later than the issuing CA's NotAfter; the latest allowed is " + caNotAfter);
        }
        Instant notBefore = notBefore(notBeforeSpec, issuedAt, caNotBefore);
        if (!notBefore.isBefore(notAfter)) {
            throw new InvalidArgsException("validityNotBefore.value: NotBefore " + notBefore
                    + " must be before NotAfter " + notAfter);
        }
        return new ValidityPeriod(notBefore, notAfter);
    }

    private static Instant notAfter(Validity validity, Instant issuedAt) {
        long value = validity.value();
        return switch (validity.type()) {
            case END_DATE -> endDate(value);
            case ABSOLUTE -> epochSeconds(value, "validity.value");
            case DAYS -> relative(issuedAt, value, ChronoUnit.DAYS);
            case MONTHS -> relative(issuedAt, value, ChronoUnit.MONTHS);
            case YEARS -> relative(issuedAt, value, ChronoUnit.YEARS);
        };
    }

    /**
     * END_DATE is a date written as digits: 12 digits are UTCTime YYMMDDHHMMSS, 14 digits GeneralizedTime
     * YYYYMMDDHHMMSS. Fewer than 12 digits are left-padded, because a JSON number drops the leading zeros of a
     * UTCTime in the years 2000-2009 (e.g. 051231235959 arrives as 51231235959).
     */
    private static Instant endDate(long value) {
        String accepted = "; give UTCTime YYMMDDHHMMSS (12 digits) or GeneralizedTime YYYYMMDDHHMMSS (14 digits), UTC";
        if (value < 1) {
            throw new InvalidArgsException("validity.value: END_DATE " + value + " is not a date" + accepted);
        }
        String digits = Long.toString(value);
        int year;
        int rest;
        if (digits.length() <= 12) {
            digits = "0".repeat(12 - digits.length()) + digits;
            int yy = Integer.parseInt(digits.substring(0, 2));
            // RFC 5280 section 4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY.
            year = yy >= 50 ? 1900 + yy : 2000 + yy;
            rest = 2;
        } else if (digits.length() == 14) {
            year = Integer.parseInt(digits.substring(0, 4));
            rest = 4;
        } else {
            throw new InvalidArgsException("validity.value: END_DATE " + value + " has " + digits.length()
                    + " digits" + accepted);
        }
        try {
            LocalDateTime date = LocalDateTime.of(year,
                    field(digits, rest), field(digits, rest + 2), field(digits, rest + 4),
                    field(digits, rest + 6), field(digits, rest + 8));
            return date.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidArgsException("validity.value: END_DATE " + digits + " is not a valid date and time ("
                    + e.getMessage() + ")" + accepted);
        }
    }

    private static int field(String digits, int at) {
        return Integer.parseInt(digits.substring(at, at + 2));
    }

    private static Instant epochSeconds(long value, String field) {
        if (value < 0 || value > LATEST.getEpochSecond()) {
            throw new InvalidArgsException(field + ": ABSOLUTE " + value + " is out of range; give seconds since"
                    + " 1970-01-01T00:00:00Z, at most " + LATEST.getEpochSecond() + " (" + LATEST + ")");
        }
        return Instant.ofEpochSecond(value);
    }

    private static Instant relative(Instant issuedAt, long value, ChronoUnit unit) {
        if (value < 1) {
            throw new InvalidArgsException("validity.value: " + value + " " + unit + " is too short; the minimum"
                    + " validity is one day, so give a value of at least 1");
        }
        Instant result;
        try {
            result = OffsetDateTime.ofInstant(issuedAt, ZoneOffset.UTC).plus(value, unit).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            result = null;
        }
        if (result == null || result.isAfter(LATEST)) {
            throw new InvalidArgsException("validity.value: " + value + " " + unit + " from now is later than "
                    + LATEST + ", the latest date a certificate can carry");
        }
        return result;
    }

    private static Instant notBefore(Validity spec, Instant issuedAt, Instant caNotBefore) {
        if (spec == null) {
            Instant backdated = issuedAt.minus(DEFAULT_BACKDATE_MINUTES, ChronoUnit.MINUTES);
            return caNotBefore != null && backdated.isBefore(caNotBefore) ? caNotBefore : backdated;
        }
        if (spec.type() != ValidityPeriodType.ABSOLUTE) {
            throw new InvalidArgsException("validityNotBefore.type: " + spec.type()
                    + " is not accepted; use ABSOLUTE (seconds since the epoch)");
        }
        if (spec.value() == null) {
            throw new InvalidArgsException("validityNotBefore.value is required; give seconds since the epoch");
        }
        Instant notBefore = epochSeconds(spec.value(), "validityNotBefore.value");
        if (caNotBefore != null && notBefore.isBefore(caNotBefore)) {
            throw new InvalidArgsException("validityNotBefore.value: NotBefore " + notBefore
                    + " is earlier than the issuing CA's NotBefore; the earliest allowed is " + caNotBefore);
        }
        return notBefore;
    }
}
