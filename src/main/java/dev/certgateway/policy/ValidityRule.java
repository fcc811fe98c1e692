package dev.certgateway.policy;

import dev.certgateway.x509.ValidityPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validity limits. The maximum is measured from the later of issuance and NotBefore to NotAfter: the time the
 * certificate can still be used. The hour ACM PCA backdates NotBefore by is not counted; {@code maximumBackdate}
 * limits that separately.
 */
record ValidityRule(Duration maximum, Duration maximumBackdate) implements PolicyRule {

    static final ValidityRule NONE = new ValidityRule(null, null);

    ValidityRule narrow(ValidityRule team) {
        return team == null ? this : new ValidityRule(Lists.min(maximum, team.maximum),
                Lists.min(maximumBackdate, team.maximumBackdate));
    }

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        ValidityPeriod validity = input.certificate().validity();
        // Certificates carry whole seconds; so do the limits quoted back to the caller.
        Instant now = input.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = validity.notBefore().isAfter(now) ? validity.notBefore() : now;
        if (maximum != null && Duration.between(from, validity.notAfter()).compareTo(maximum) > 0) {
            out.add(new Violation("validity.maximum", "validity", "NotAfter " + validity.notAfter(),
                    "The policy allows certificates valid for at most " + Durations.format(maximum)
                            + " from issuance; the latest NotAfter allowed now is " + from.plus(maximum)));
        }
        if (maximumBackdate != null
                && Duration.between(validity.notBefore(), now).compareTo(maximumBackdate) > 0) {
            out.add(new Violation("validity.maximumBackdate", "validityNotBefore",
                    "NotBefore " + validity.notBefore(), "The policy allows NotBefore at most "
                    + Durations.format(maximumBackdate) + " before issuance; the earliest allowed now is "
                    + now.minus(maximumBackdate)));
        }
        return out;
    }

    Map<String, Object> view() {
        return View.of("maximum", maximum == null ? null : Durations.format(maximum),
                "maximumBackdate", maximumBackdate == null ? null : Durations.format(maximumBackdate));
    }
}
