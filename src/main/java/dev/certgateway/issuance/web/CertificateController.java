package dev.certgateway.issuance.web;

import dev.certgateway.error.InvalidArgsException;
import dev.certgateway.error.ResourceNotFoundException;
import dev.certgateway.inventory.CertificateInventory;
import dev.certgateway.inventory.CertificatePage;
import dev.certgateway.inventory.CertificateStatus;
import dev.certgateway.inventory.IssuedCertificate;
import dev.certgateway.idempotency.IdempotencyKeys;
import dev.certgateway.issuance.CertificatePreview;
import dev.certgateway.issuance.IssuanceResult;
import dev.certgateway.issuance.IssuanceService;
import dev.certgateway.issuance.PendingCertificates;
import dev.certgateway.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
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
    ResponseEntity<CertificateResponse> issueCertificate(Caller caller,
            @Valid @RequestBody IssueCertificateRequest request,
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
    CertificatePreview previewCertificate(Caller caller, @Valid @RequestBody IssueCertificateRequest request) {
        return issuance.preview(caller, request.toCommand(request.idempotencyToken()));
    }

    /** 200 with the certificate; 202 with Retry-After while an asynchronous backend has not issued it yet. */
    @GetMapping("/{id}")
    ResponseEntity<CertificateResponse> getCertificate(Caller caller, @PathVariable String id) {
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
    CertificateListResponse listCertificates(Caller caller,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken) {
        int pageSize = maxResults == null ? DEFAULT_PAGE_SIZE : maxResults;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidArgsException("maxResults: " + pageSize + " is out of range; use 1 to " + MAX_PAGE_SIZE);
        }
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
