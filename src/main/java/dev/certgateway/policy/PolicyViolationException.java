package dev.certgateway.policy;

import dev.certgateway.error.ErrorCode;
import dev.certgateway.error.GatewayException;
import java.util.List;

/** The caller's team policy denies the request; every violation is listed, not only the first. */
public class PolicyViolationException extends GatewayException {

    private final transient List<Violation> violations;

    public PolicyViolationException(String team, List<Violation> violations) {
        super(ErrorCode.PolicyViolation, "The policy of team '" + team + "' denies this request: "
                + violations.size() + (violations.size() == 1 ? " violation" : " violations") + "; see violations[]");
        this.violations = List.copyOf(violations);
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
