package dev.certgateway.issuance.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of the caller's certificates, newest first; pass {@code nextToken} back for the next page. */
@Schema(description = "A page of the team's certificates")
public record CertificateListResponse(
        @Schema(description = "The team's certificates, newest first") List<CertificateSummary> certificates,
        @Schema(description = "Pass back as nextToken for the next page; absent on the last page") String nextToken) {
}
