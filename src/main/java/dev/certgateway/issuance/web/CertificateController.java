package dev.certgateway.issuance.web;

import dev.certgateway.error.ResourceNotFoundException;
import dev.certgateway.inventory.CertificateInventory;
import dev.certgateway.inventory.CertificatePage;
import dev.certgateway.inventory.CertificateStatus;
import dev.certgateway.inventory.IssuedCertificate;
import dev.certgateway.idempotency.IdempotencyKeys;
import dev.certgateway.issuance.CertificatePreview;
import dev.certgateway.issuance.IssuanceResult;
import dev.certgateway.issuance.IssuanceService;
import dev.certgateway.paging.PageCursor;
import dev.certgateway.issuance.PendingCertificates;
import dev.certgateway.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Certificates", description = "Issue, preview, fetch and list the caller's team's certificates")
@RequestMapping(path = "/api/v1/certificates", produces = MediaType.APPLICATION_JSON_VALUE)
class CertificateController {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final IssuanceService issuance;
    private final CertificateInventory inventory;
    private final PendingCertificates pending;

    CertificateController(IssuanceService issuance, CertificateInventory inventory, PendingCertificates pending) {
        this.issuance = issuance;
        this.inventory = inventory;
        this.pending = pending;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "issueCertificate", summary = "Issue a certificate (ACM PCA IssueCertificate)",
            description = "Validates the request, composes the effective certificate (template > API passthrough > "
                    + "CSR), checks the team's policy, claims the idempotency token, signs and records. Scope "
                    + "certificates:issue.")
    @ApiResponse(responseCode = "201", description = "Issued, or replayed for the same idempotency token "
            + "(header Idempotent-Replayed: true)", headers = {
                    @Header(name = "Location", description = "Where GET returns the same body",
                            schema = @Schema(type = "string")),
                    @Header(name = "Idempotent-Replayed", description = "true when an earlier certificate is "
                            + "returned for the same idempotency token", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "202", description = "Accepted by an asynchronous backend (ACM PCA) but not issued "
            + "within the poll deadline; GET the Location after Retry-After seconds", headers = {
                    @Header(name = "Location", description = "Where to fetch the certificate",
                            schema = @Schema(type = "string")),
                    @Header(name = "Retry-After", schema = @Schema(type = "integer"))})
    ResponseEntity<CertificateResponse> issueCertificate(@Parameter(hidden = true) Caller caller,
            @Valid @RequestBody IssueCertificateRequest request,
            @Parameter(description = "Idempotency token (IETF draft header), instead of idempotencyToken in the "
                    + "body; 1 to 36 printable ASCII characters", example = "deploy-4711-web-1")
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        String token = IdempotencyKeys.resolve(request.idempotencyToken(), idempotencyKey);
        IssuanceResult result = issuance.issue(caller, request.toCommand(token));
        IssuedCertificate issued = result.certificate();
        URI location = URI.create("/api/v1/certificates/" + issued.id());
        // Accepted by an asynchronous backend but not issued within the poll deadline: the caller polls Location.
        ResponseEntity.BodyBuilder response = issued.status() == CertificateStatus.PENDING
                ? ResponseEntity.accepted().location(location).header("Retry-After", retryAfterSeconds())
                : ResponseEntity.created(location);
        if (result.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.body(CertificateResponse.of(issued));
    }

    /** The same body as issuance; answers what issuance would do, without signing, recording or claiming. */
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "previewCertificate", summary = "Preview an issuance without issuing",
            description = "Takes the issuance body and answers with the policy decision, every violation, the "
                    + "effective certificate and warnings; nothing is signed, recorded or claimed. Scope "
                    + "certificates:issue.")
    @ApiResponse(responseCode = "200", description = "The decision and the effective certificate")
    CertificatePreview previewCertificate(@Parameter(hidden = true) Caller caller,
            @Valid @RequestBody IssueCertificateRequest request) {
        return issuance.preview(caller, request.toCommand(request.idempotencyToken()));
    }

    /** 200 with the certificate; 202 with Retry-After while an asynchronous backend has not issued it yet. */
    @GetMapping("/{id}")
    @Operation(operationId = "getCertificate", summary = "Fetch one of the team's certificates",
            description = "200 with the certificate; 202 with Retry-After while an asynchronous backend (ACM PCA) "
                    + "has not issued it yet. Another team's certificate is answered as not found. Scope "
                    + "certificates:read.")
    @ApiResponse(responseCode = "200", description = "The certificate, as issuance returned it")
    @ApiResponse(responseCode = "202", description = "Accepted by the backend but not issued yet; retry after "
            + "Retry-After seconds", headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")))
    ResponseEntity<CertificateResponse> getCertificate(@Parameter(hidden = true) Caller caller,
            @Parameter(description = "The certificate's id, from issuance or a listing",
                    example = "4b62843b-0028-4d17-bf9a-82748c123b7e") @PathVariable String id) {
        IssuedCertificate found = parseId(id).flatMap(uuid -> inventory.find(caller.team(), uuid))
                .orElseThrow(() -> new ResourceNotFoundException("No certificate with id '" + id
                        + "' exists for team '" + caller.team() + "'"));
        IssuedCertificate current = pending.current(found);
        if (current.status() == CertificateStatus.PENDING) {
            return ResponseEntity.accepted().header("Retry-After", retryAfterSeconds())
                    .body(CertificateResponse.of(current));
        }
        return ResponseEntity.ok(CertificateResponse.of(current));
    }

    private static String retryAfterSeconds() {
        return Long.toString(PendingCertificates.RETRY_AFTER.toSeconds());
    }

    @GetMapping
    @Operation(operationId = "listCertificates", summary = "List the team's certificates, newest first",
            description = "Paged with maxResults and nextToken. Scope certificates:read.")
    @ApiResponse(responseCode = "200", description = "One page")
    CertificateListResponse listCertificates(@Parameter(hidden = true) Caller caller,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(required = false) Integer maxResults,
            @Parameter(description = "The nextToken of the previous page; omit for the first page")
            @RequestParam(required = false) String nextToken) {
        int pageSize = PageCursor.pageSize(maxResults, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        CertificatePage page = inventory.list(caller.team(), pageSize, nextToken);
        return new CertificateListResponse(page.certificates().stream().map(CertificateSummary::of).toList(),
                page.nextToken());
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
