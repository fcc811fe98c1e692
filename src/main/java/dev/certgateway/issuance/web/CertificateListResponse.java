package dev.certgateway.issuance.web;

import java.util.List;

/** A page of the caller's certificates, newest first; pass {@code nextToken} back for the next page. */
public record CertificateListResponse(List<CertificateSummary> certificates, String nextToken) {
}
