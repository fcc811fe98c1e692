package dev.certgateway.x509;

import static dev.certgateway.x509.ValidityPeriodType.ABSOLUTE;
import static dev.certgateway.x509.ValidityPeriodType.DAYS;
import static dev.certgateway.x509.ValidityPeriodType.END_DATE;
import static dev.certgateway.x509.ValidityPeriodType.MONTHS;
import static dev.certgateway.x509.ValidityPeriodType.YEARS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.certgateway.error.InvalidArgsException;

class ValidityCalculatorTests {

    /** Issuance time with a fraction, to check truncation to whole seconds. */
    static final Instant NOW = Instant.parse("2026-01-31T12:00:00.750Z");
    static final Instant NOW_S = Instant.parse("2026-01-31T12:00:00Z");
    static final Instant CA_NB = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant CA_NA = Instant.parse("2060-01-01T00:00:00Z");

    static Stream<Arguments> notAfter() {
        return Stream.of(
                Arguments.of("ok/days", v(30, DAYS), "2026-03-02T12:00:00Z"),
                Arguments.of("ok/months-clamps-to-month-end", v(1, MONTHS), "2026-02-28T12:00:00Z"),
                Arguments.of("ok/years", v(2, YEARS), "2028-01-31T12:00:00Z"),
                Arguments.of("ok/absolute", v(2524608000L, ABSOLUTE), "2050-01-01T00:00:00Z"),
                Arguments.of("ok/absolute-now-plus-1s", v(NOW_S.getEpochSecond() + 1, ABSOLUTE),
                        "2026-01-31T12:00:01Z"),
                Arguments.of("ok/end-date-utctime-49-pivot", v(491231235959L, END_DATE), "2049-12-31T23:59:59Z"),
                Arguments.of("ok/end-date-generalized", v(20500101000000L, END_DATE), "2050-01-01T00:00:00Z"),
                Arguments.of("ok/end-date-generalized-2027", v(20270228101112L, END_DATE), "2027-02-28T10:11:12Z"),
                Arguments.of("ok/end-date-utctime-leap-day", v(280229000000L, END_DATE), "2028-02-29T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAfter")
    void computesNotAfter(String name, Validity validity, String expected) {
        ValidityPeriod p = ValidityCalculator.compute(validity, null, NOW, CA_NB, CA_NA);

        assertThat(p.notAfter()).isEqualTo(Instant.parse(expected));
        assertThat(p.notBefore()).isEqualTo(Instant.parse("2026-01-31T11:00:00Z"));
    }

    static Stream<Arguments> rejected() {
        Validity ok = v(30, DAYS);
        return Stream.of(
                Arguments.of("fail/validity-missing", null, null, CA_NB, CA_NA, "validity is required"),
                Arguments.of("fail/type-missing", new Validity(30L, null), null, CA_NB, CA_NA, "validity.type is required"),
                Arguments.of("fail/value-missing", new Validity(null, DAYS), null, CA_NB, CA_NA,
                        "validity.value is required"),
                Arguments.of("fail/days-0", v(0, DAYS), null, CA_NB, CA_NA, "minimum validity is one day"),
                Arguments.of("fail/months-negative", v(-1, MONTHS), null, CA_NB, CA_NA, "validity.value: -1 Months"),
                Arguments.of("fail/years-overflow", v(Long.MAX_VALUE, YEARS), null, CA_NB, null, "9999-12-31T23:59:59Z"),
                Arguments.of("fail/days-beyond-9999", v(3_000_000, DAYS), null, CA_NB, null, "9999-12-31T23:59:59Z"),
                Arguments.of("fail/absolute-now", v(NOW_S.getEpochSecond(), ABSOLUTE), null, CA_NB, CA_NA,
                        "at least 1 second"),
                Arguments.of("fail/absolute-negative", v(-5, ABSOLUTE), null, CA_NB, CA_NA, "out of range"),
                Arguments.of("fail/absolute-beyond-9999", v(253402300800L, ABSOLUTE), null, CA_NB, null, "out of range"),
                Arguments.of("fail/end-date-1950-is-past", v(500101000000L, END_DATE), null, CA_NB, CA_NA,
                        "NotAfter 1950-01-01T00:00:00Z is not after the issuance time"),
                // A JSON long drops UTCTime's leading zeros; padding back to 12 digits reads 2007 (in the past here).
                Arguments.of("fail/end-date-11-digits-left-padded-to-2007", v(71231235959L, END_DATE), null, CA_NB,
                        CA_NA, "NotAfter 2007-12-31T23:59:59Z is not after"),
                Arguments.of("fail/end-date-10-digits-left-padded-to-2000", v(1231235959L, END_DATE), null, CA_NB,
                        CA_NA, "NotAfter 2000-12-31T23:59:59Z is not after"),
                Arguments.of("fail/end-date-13-digits", v(2027010100000L, END_DATE), null, CA_NB, CA_NA,
                        "has 13 digits"),
                Arguments.of("fail/end-date-15-digits", v(202701010000000L, END_DATE), null, CA_NB, CA_NA,
                        "has 15 digits"),
                Arguments.of("fail/end-date-month-13", v(271301000000L, END_DATE), null, CA_NB, CA_NA,
                        "is not a valid date"),
                Arguments.of("fail/end-date-feb-30", v(20270230000000L, END_DATE), null, CA_NB, CA_NA,
                        "is not a valid date"),
                Arguments.of("fail/end-date-hour-24", v(271231240000L, END_DATE), null, CA_NB, CA_NA,
                        "is not a valid date"),
                Arguments.of("fail/end-date-zero", v(0, END_DATE), null, CA_NB, CA_NA, "END_DATE 0 is not a date"),
                Arguments.of("fail/beyond-ca-not-after", v(40, YEARS), null, CA_NB, CA_NA,
                        "later than the issuing CA's NotAfter; the latest allowed is 2060-01-01T00:00:00Z"),
                Arguments.of("fail/not-before-type-days", ok, v(1, DAYS), CA_NB, CA_NA,
                        "validityNotBefore.type: DAYS is not accepted; use ABSOLUTE"),
                Arguments.of("fail/not-before-type-end-date", ok, v(270101000000L, END_DATE), CA_NB, CA_NA,
                        "validityNotBefore.type: END_DATE"),
                Arguments.of("fail/not-before-value-missing", ok, new Validity(null, ABSOLUTE), CA_NB, CA_NA,
                        "validityNotBefore.value is required"),
                Arguments.of("fail/not-before-before-ca", ok, v(CA_NB.getEpochSecond() - 1, ABSOLUTE), CA_NB, CA_NA,
                        "earlier than the issuing CA's NotBefore; the earliest allowed is 2025-01-01T00:00:00Z"),
                Arguments.of("fail/not-before-equals-not-after", v(NOW_S.getEpochSecond() + 10, ABSOLUTE),
                        v(NOW_S.getEpochSecond() + 10, ABSOLUTE), CA_NB, CA_NA, "must be before NotAfter"),
                Arguments.of("fail/not-before-after-not-after", ok, v(Instant.parse("2027-01-01T00:00:00Z")
                        .getEpochSecond(), ABSOLUTE), CA_NB, CA_NA, "validityNotBefore.value: NotBefore"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, Validity validity, Validity notBefore, Instant caNotBefore, Instant caNotAfter,
            String message) {
        assertThatThrownBy(() -> ValidityCalculator.compute(validity, notBefore, NOW, caNotBefore, caNotAfter))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> notBefore() {
        return Stream.of(
                Arguments.of("ok/default-is-now-minus-60-minutes", null, CA_NB, "2026-01-31T11:00:00Z"),
                Arguments.of("ok/default-clamped-to-ca-not-before", null, Instant.parse("2026-01-31T11:30:00Z"),
                        "2026-01-31T11:30:00Z"),
                Arguments.of("ok/default-without-ca-bound", null, null, "2026-01-31T11:00:00Z"),
                Arguments.of("ok/absolute-in-the-past", v(Instant.parse("2025-06-01T00:00:00Z").getEpochSecond(),
                        ABSOLUTE), CA_NB, "2025-06-01T00:00:00Z"),
                Arguments.of("ok/absolute-in-the-future", v(Instant.parse("2026-02-10T00:00:00Z").getEpochSecond(),
                        ABSOLUTE), CA_NB, "2026-02-10T00:00:00Z"),
                Arguments.of("ok/absolute-equal-to-ca-not-before", v(CA_NB.getEpochSecond(), ABSOLUTE), CA_NB,
                        "2025-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notBefore")
    void computesNotBefore(String name, Validity spec, Instant caNotBefore, String expected) {
        ValidityPeriod p = ValidityCalculator.compute(v(30, DAYS), spec, NOW, caNotBefore, CA_NA);

        assertThat(p.notBefore()).isEqualTo(Instant.parse(expected));
        // ValidityNotBefore never moves NotAfter.
        assertThat(p.notAfter()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
    }

    static Validity v(long value, ValidityPeriodType type) {
        return new Validity(value, type);
    }
}
