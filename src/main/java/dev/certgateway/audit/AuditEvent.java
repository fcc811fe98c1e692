package dev.certgateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the audit trail: who (team, requester), what (authority, template, names, validity, serial,
 * fingerprint), the decision and its reasons. Fields that do not apply to the action are null.
 */
public record AuditEvent(
        UUID id,
        Instant occurredAt,
        String requestId,
        AuditAction action,
        String team,
        String requester,
        String authority,
        String templateArn,
        String subject,
        List<String> subjectAlternativeNames,
        Instant notBefore,
        Instant notAfter,
        String serialNumber,
        String sha256Fingerprint,
        UUID certificateId,
        List<String> reasons) {

    public AuditEvent {
        subjectAlternativeNames = subjectAlternativeNames == null ? List.of() : List.copyOf(subjectAlternativeNames);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
