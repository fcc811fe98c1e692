package dev.certgateway.issuance;

import dev.certgateway.authority.BackendException;
import dev.certgateway.error.GatewayException;
import dev.certgateway.inventory.CertificateStatus;
import dev.certgateway.idempotency.IdempotencyTokenInProgressException;
import dev.certgateway.idempotency.IdempotencyTokenReusedException;
import dev.certgateway.policy.PolicyViolationException;
import dev.certgateway.policy.Violation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The issuance metrics (prefix {@code certgw_}, documented in docs/operations.md): requests by team, authority,
 * backend, template and outcome; latency by outcome and backend; policy denials by rule; idempotency replays
 * and conflicts. Label values are the resolved authority alias and template name, never raw caller input, so
 * the number of series stays bounded.
 */
@Component
public class IssuanceMetrics {

    static final String NONE = "none";

    private final MeterRegistry meters;

    public IssuanceMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Starts observing one issuance request; labels are filled in as the request is resolved. */
    Observation start(String team) {
        return new Observation(team, System.nanoTime());
    }

    /** One request's labels and start time. */
    final class Observation {

        private final String team;
        private final long startNanos;
        private String authority = NONE;
        private String backend = NONE;
        private String template = NONE;

        private Observation(String team, long startNanos) {
            this.team = team;
            this.startNanos = startNanos;
        }

        void resolved(String authorityAlias, String backendName, String templateName) {
            this.authority = authorityAlias;
            this.backend = backendName;
            this.template = templateName;
        }

        void succeeded(IssuanceResult result) {
            boolean replayed = result.replayed();
            if (replayed) {
                Counter.builder("certgw.idempotency.replays").description("Requests answered with an earlier certificate")
                        .tag("team", team).register(meters).increment();
            }
            finish(replayed ? "replayed"
                    : result.certificate().status() == CertificateStatus.PENDING ? "pending" : "issued");
        }

        void failed(RuntimeException failure) {
            finish(outcomeOf(failure));
        }

        private String outcomeOf(RuntimeException failure) {
            if (failure instanceof PolicyViolationException denied) {
                Set<String> rules = new HashSet<>();
                for (Violation violation : denied.violations()) {
                    rules.add(violation.rule());
                }
                for (String rule : rules) {
                    Counter.builder("certgw.policy.denials").description("Requests denied by policy, per rule broken")
                            .tag("team", team).tag("rule", rule).register(meters).increment();
                }
                return "denied";
            }
            if (failure instanceof IdempotencyTokenInProgressException) {
                conflict("in_progress");
                return "conflict";
            }
            if (failure instanceof IdempotencyTokenReusedException) {
                conflict("reused");
                return "conflict";
            }
            if (failure instanceof BackendException) {
                return "backend_error";
            }
            if (failure instanceof GatewayException gateway) {
                return gateway.code().httpStatus() < 500 ? "invalid" : "unavailable";
            }
            return "internal_error";
        }

        private void conflict(String kind) {
            Counter.builder("certgw.idempotency.conflicts").description("Idempotency conflicts: in progress or reused")
                    .tag("team", team).tag("kind", kind).register(meters).increment();
        }

        private void finish(String outcome) {
            Counter.builder("certgw.issuance.requests").description("Issuance requests by outcome")
                    .tag("team", team).tag("authority", authority).tag("backend", backend).tag("template", template)
                    .tag("outcome", outcome)
                    .register(meters).increment();
            Timer.builder("certgw.issuance.duration").description("Time to answer an issuance request")
                    .tag("outcome", outcome).tag("backend", backend)
                    .register(meters).record(Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
