package dev.certgateway.audit;

import java.util.List;

/** One page of the audit trail, newest first; {@code nextToken} is null on the last page. */
public record AuditPage(List<AuditEvent> events, String nextToken) {
}
