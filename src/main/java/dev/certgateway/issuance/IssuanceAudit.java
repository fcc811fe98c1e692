package dev.certgateway.issuance;

import dev.certgateway.audit.AuditAction;
import dev.certgateway.audit.AuditEvent;
import dev.certgateway.audit.AuditTrail;
import dev.certgateway.error.GatewayException;
import dev.certgateway.inventory.IssuedCertificate;
import dev.certgateway.policy.Violation;
import dev.certgateway.security.Caller;
import dev.certgateway.sql.RowIds;
import dev.certgateway.sql.RowInsert;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Turns the outcomes of issuance into audit events: issued, replayed, denied, failed. */
@Component
class IssuanceAudit {

    private static final Logger log = LoggerFactory.getLogger(IssuanceAudit.class);

    private final AuditTrail trail;
    private final Clock clock;

    IssuanceAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Called inside the issuance transaction, so the event commits with the certificate or not at all. */
    void issued(IssuedCertificate certificate) {
        trail.record(issuedEvent(certificate));
    }

    /** The ISSUED event of a certificate, for {@link #row} and, once it is stored, {@link #logged}. */
    AuditEvent issuedEvent(IssuedCertificate certificate) {
        return fromCertificate(AuditAction.ISSUED, certificate.team(), certificate.requester(), certificate,
                List.of());
    }

    RowInsert row(AuditEvent event) {
        return trail.row(event);
    }

    void logged(AuditEvent event) {
        trail.logged(event);
    }

    void replayed(Caller caller, IssuedCertificate certificate) {
        bestEffort(fromCertificate(AuditAction.REPLAYED, caller.team(), caller.subject(), certificate,
                List.of("idempotency token replay")));
    }

    void denied(Caller caller, PreparedIssuance prepared, List<Violation> violations) {
        bestEffort(fromRequest(AuditAction.DENIED, caller, prepared, violations.stream()
                .map(v -> v.rule() + ": " + v.field() + " '" + v.value() + "': " + v.message()).toList()));
    }

    void failed(Caller caller, PreparedIssuance prepared, RuntimeException failure) {
        String reason = failure instanceof GatewayException gateway ? gateway.code() + ": " + gateway.detail()
                : "InternalFailure: " + failure.getClass().getSimpleName();
        bestEffort(fromRequest(AuditAction.FAILED, caller, prepared, List.of(reason)));
    }

    private AuditEvent fromCertificate(AuditAction action, String team, String requester,
            IssuedCertificate certificate, List<String> reasons) {
        return new AuditEvent(RowIds.next(), clock.instant(), MDC.get("requestId"), action, team, requester,
                certificate.authorityAlias(), certificate.templateArn(), certificate.subject(),
                certificate.subjectAlternativeNames(), certificate.notBefore(), certificate.notAfter(),
                certificate.serialNumber(), certificate.sha256Fingerprint(), certificate.id(), reasons);
    }

    private AuditEvent fromRequest(AuditAction action, Caller caller, PreparedIssuance prepared,
            List<String> reasons) {
        return new AuditEvent(RowIds.next(), clock.instant(), MDC.get("requestId"), action, caller.team(),
                caller.subject(), prepared.authority().alias(), prepared.template().arn(),
                prepared.blueprint().subject().toString(),
                SubjectAlternativeNames.describe(prepared.blueprint().subjectAlternativeNames()),
                prepared.blueprint().validity().notBefore(), prepared.blueprint().validity().notAfter(), null, null,
                null, reasons);
    }

    /**
     * Denials and failures are recorded outside any issuance transaction; if the database is what failed, the
     * event still reaches the log.
     */
    private void bestEffort(AuditEvent event) {
        try {
            trail.record(event);
        } catch (RuntimeException e) {
            log.warn("Audit event {} for team {} could not be stored ({}); it is logged only: {}", event.action(),
                    event.team(), e.getMessage(), event);
        }
    }
}
