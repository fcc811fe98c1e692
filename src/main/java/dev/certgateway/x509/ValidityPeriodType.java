package dev.certgateway.x509;

/** How a {@link Validity} value is read: a date (END_DATE, ABSOLUTE) or a span from issuance (DAYS, MONTHS, YEARS). */
public enum ValidityPeriodType {
    END_DATE,
    ABSOLUTE,
    DAYS,
    MONTHS,
    YEARS
}
