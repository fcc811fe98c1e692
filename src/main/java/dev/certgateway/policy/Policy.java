package dev.certgateway.policy;

import java.util.Map;

/**
 * One loaded policy: the baseline and the team sections, and its version (SHA-256 of the file's content).
 *
 * @param source where it was read from, for logs
 */
record Policy(String version, String source, RuleSet baseline, Map<String, RuleSet> teams) {

    Policy {
        teams = Map.copyOf(teams);
    }

    /** The policy in force when no file is configured. */
    static Policy allowAll() {
        return new Policy("allow-all", "(none)", RuleSet.ALLOW_ALL, Map.of());
    }

    /** The team's effective policy: the baseline narrowed by the team's section, or the baseline alone. */
    EffectivePolicy forTeam(String team) {
        RuleSet rules = baseline == RuleSet.ALLOW_ALL ? baseline : baseline.narrow(teams.get(team));
        return new EffectivePolicy(team, version, teams.containsKey(team), rules);
    }

    String shortVersion() {
        return version.length() > 12 ? version.substring(0, 12) : version;
    }
}
