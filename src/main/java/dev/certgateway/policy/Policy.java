package dev.certgateway.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * One loaded policy: the baseline and the team sections, and its version (SHA-256 of the file's content). The
 * effective policy of every team with a section, and the one of every other team, are merged once at load, so a
 * request pays for no merging and a merge that cannot work fails the load, not a request.
 *
 * @param source where it was read from, for logs
 */
record Policy(String version, String source, RuleSet baseline, Map<String, RuleSet> teams,
        Map<String, RuleSet> effective, RuleSet withoutSection) {

    Policy(String version, String source, RuleSet baseline, Map<String, RuleSet> teams) {
        this(version, source, baseline, Map.copyOf(teams), merge(baseline, teams),
                baseline == RuleSet.ALLOW_ALL ? baseline : baseline.narrow(null));
    }

    Policy {
        teams = Map.copyOf(teams);
        effective = Map.copyOf(effective);
    }

    private static Map<String, RuleSet> merge(RuleSet baseline, Map<String, RuleSet> teams) {
        Map<String, RuleSet> out = new HashMap<>();
        teams.forEach((team, section) -> out.put(team, baseline.narrow(section)));
        return out;
    }

    /** The policy in force when no file is configured. */
    static Policy allowAll() {
        return new Policy("allow-all", "(none)", RuleSet.ALLOW_ALL, Map.of());
    }

    /** The team's effective policy: the baseline narrowed by the team's section, or the baseline alone. */
    EffectivePolicy forTeam(String team) {
        RuleSet section = effective.get(team);
        return new EffectivePolicy(team, version, section != null, section != null ? section : withoutSection);
    }

    String shortVersion() {
        return version.length() > 12 ? version.substring(0, 12) : version;
    }
}
