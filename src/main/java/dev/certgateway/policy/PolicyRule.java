package dev.certgateway.policy;

import java.util.List;

/**
 * One check of a team's policy. Rules are independent and report every violation they find, so a caller learns
 * everything that is wrong with a request at once.
 */
interface PolicyRule {

    List<Violation> evaluate(PolicyInput input);
}
