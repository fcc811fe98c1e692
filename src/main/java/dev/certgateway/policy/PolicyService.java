package dev.certgateway.policy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * The policy in force and the decisions made with it. The file is read at start-up (an invalid file stops
 * start-up) and compared with the policy in force on every {@link #reload()}: a valid change is swapped in
 * atomically, an invalid one is refused, logged and counted, and the last good policy stays.
 */
public class PolicyService {

    static final String RELOAD_FAILURES = "certgw.policy.reload.failures";

    private static final String UNREADABLE = "unreadable";

    private static final Logger log = LoggerFactory.getLogger(PolicyService.class);

    private final Resource location;
    private final Counter reloadFailures;
    private final AtomicReference<Policy> current = new AtomicReference<>();
    /** The content hash of the last refused file, so one bad edit is logged and counted once, not every interval. */
    private volatile String refusedVersion;

    /** @param location null: no policy file; every team may do whatever the gateway itself accepts */
    public PolicyService(Resource location, MeterRegistry meters) {
        this.location = location;
        this.reloadFailures = Counter.builder(RELOAD_FAILURES)
                .description("Changes to the policy file that were refused because the file is invalid")
                .register(meters);
        if (location == null) {
            log.warn("No policy file configured (certgw.policy.location): every team may use every authority,"
                    + " template and name the gateway accepts. Configure a policy file for production.");
            current.set(Policy.allowAll());
        } else {
            Policy policy = read();
            current.set(policy);
            log.info("Policy {} loaded from {} (baseline and {} team sections)", policy.shortVersion(),
                    policy.source(), policy.teams().size());
        }
    }

    /** The team's effective policy now. */
    public EffectivePolicy forTeam(String team) {
        return current.get().forTeam(team);
    }

    /**
     * @throws PolicyViolationException listing every violation when the team's policy denies the request
     */
    public void enforce(String team, PolicyInput input) {
        EffectivePolicy policy = forTeam(team);
        List<Violation> violations = policy.evaluate(input);
        if (!violations.isEmpty()) {
            // Operators see denials without the callers' bodies: which team, which rules, which policy version.
            log.info("Policy {} denies a request of team {}: {}", policy.version().substring(0,
                    Math.min(12, policy.version().length())), team, violations.stream().map(Violation::rule)
                    .distinct().toList());
            throw new PolicyViolationException(team, violations);
        }
    }

    /** The version (SHA-256 of the file's content) in force. */
    public String version() {
        return current.get().version();
    }

    /**
     * Reads the file and swaps in its policy when the content changed and is valid.
     *
     * @return whether a new policy was put in force
     */
    public boolean reload() {
        if (location == null) {
            return false;
        }
        String content;
        try {
            content = content();
        } catch (IOException e) {
            if (!UNREADABLE.equals(refusedVersion)) {
                refuse(UNREADABLE, "the policy file cannot be read (" + e + "); location: " + describe());
            }
            return false;
        }
        String version = PolicyLoader.version(content);
        Policy inForce = current.get();
        if (version.equals(inForce.version())) {
            refusedVersion = null;
            return false;
        }
        if (version.equals(refusedVersion)) {
            return false;
        }
        try {
            Policy policy = PolicyLoader.load(fileName(), describe(), content);
            current.set(policy);
            refusedVersion = null;
            log.info("Policy {} is now in force (was {}), from {}", policy.shortVersion(), inForce.shortVersion(),
                    policy.source());
            return true;
        } catch (RuntimeException e) {
            // PolicyFileException as a rule; anything else is a loader bug, and must not drop the good policy either.
            refuse(version, e instanceof PolicyFileException ? e.getMessage() : e.toString());
            return false;
        }
    }

    private void refuse(String version, String message) {
        refusedVersion = version;
        reloadFailures.increment();
        log.error("Policy change refused; policy {} stays in force: {}", current.get().shortVersion(), message);
    }

    private Policy read() {
        try {
            return PolicyLoader.load(fileName(), describe(), content());
        } catch (IOException e) {
            throw new PolicyFileException("certgw.policy.location: the policy file " + describe()
                    + " cannot be read (" + e.getMessage() + "); give a readable YAML file, e.g."
                    + " file:/etc/cert-gateway/policy.yaml", e);
        }
    }

    private String content() throws IOException {
        try (InputStream in = location.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String fileName() {
        String name = location.getFilename();
        return name == null ? describe() : name;
    }

    private String describe() {
        return location.getDescription();
    }
}
