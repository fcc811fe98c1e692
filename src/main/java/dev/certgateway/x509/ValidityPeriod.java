package dev.certgateway.x509;

import java.time.Instant;

/** A certificate's validity: both ends inclusive (RFC 5280 section 4.1.2.5), whole seconds. */
public record ValidityPeriod(Instant notBefore, Instant notAfter) {
}
