package dev.certgateway.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policy that applies to one team, as decisions are made with it and as {@code GET /api/v1/policy} shows it. */
public final class EffectivePolicy {

    private final String team;
    private final String version;
    private final boolean teamSection;
    private final RuleSet rules;

    EffectivePolicy(String team, String version, boolean teamSection, RuleSet rules) {
        this.team = team;
        this.version = version;
        this.teamSection = teamSection;
        this.rules = rules;
    }

    public String team() {
        return team;
    }

    public String version() {
        return version;
    }

    /** Every violation of every rule; empty when the request is allowed. */
    public List<Violation> evaluate(PolicyInput input) {
        return rules.evaluate(input);
    }

    /** The JSON body of {@code GET /api/v1/policy}. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("team", team);
        out.put("version", version);
        out.put("teamSection", teamSection);
        out.put("policy", rules.view());
        return out;
    }

    RuleSet rules() {
        return rules;
    }
}
