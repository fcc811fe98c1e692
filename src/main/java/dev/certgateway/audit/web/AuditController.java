package dev.certgateway.audit.web;

import dev.certgateway.audit.AuditPage;
import dev.certgateway.audit.AuditTrail;
import dev.certgateway.paging.PageCursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for security teams (scope {@code audit:read}): every team's events, or one team's. */
@RestController
@Tag(name = "Audit", description = "Who got which certificate, and who was refused and why")
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 500;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(operationId = "listAuditEvents", summary = "Page through the audit trail, newest first",
            description = "Issuances, replays, policy denials and backend failures of every team, or of one. "
                    + "Scope audit:read.")
    @ApiResponse(responseCode = "200", description = "One page of events")
    AuditPage listAuditEvents(
            @Parameter(description = "Only this team's events", example = "payments")
            @RequestParam(required = false) String team,
            @Parameter(description = "Page size, 1 to 500", example = "50")
            @RequestParam(required = false) Integer maxResults,
            @Parameter(description = "The nextToken of the previous page; omit for the first page")
            @RequestParam(required = false) String nextToken) {
        int pageSize = PageCursor.pageSize(maxResults, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return trail.page(team, pageSize, nextToken);
    }
}
