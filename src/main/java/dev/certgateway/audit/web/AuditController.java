package dev.certgateway.audit.web;

import dev.certgateway.audit.AuditPage;
import dev.certgateway.audit.AuditTrail;
import dev.certgateway.error.InvalidArgsException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for security teams (scope {@code audit:read}): every team's events, or one team's. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 500;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    AuditPage listAuditEvents(@RequestParam(required = false) String team,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken) {
        int pageSize = maxResults == null ? DEFAULT_PAGE_SIZE : maxResults;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidArgsException("maxResults: " + pageSize + " is out of range; use 1 to " + MAX_PAGE_SIZE);
        }
        return trail.page(team, pageSize, nextToken);
    }
}
