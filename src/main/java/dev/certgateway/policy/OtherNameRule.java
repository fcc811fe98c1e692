package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SAN kinds beyond DNS, IP, email and URI (otherName, directoryName, registeredId, ediPartyName, x400Address): denied
 * unless the policy lists the kind, because relying parties rarely check them and they are easy to misuse.
 */
record OtherNameRule(Set<String> allowed) implements PolicyRule {

    @Override
    public List<Violation> evaluate(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        for (Sans.San san : Sans.of(input)) {
            String kind = Sans.OTHER_KINDS.get(san.tag());
            if (kind != null && !allowed.contains(kind)) {
                out.add(new Violation("otherNameKinds", san.field(), san.describe(), allowed.isEmpty()
                        ? "The policy allows only DNS, IP, email and URI names in the subjectAlternativeName"
                        : "The policy allows, besides DNS, IP, email and URI names, only "
                        + Lists.describe(allowed.stream().sorted().toList())));
            }
        }
        return out;
    }
}
