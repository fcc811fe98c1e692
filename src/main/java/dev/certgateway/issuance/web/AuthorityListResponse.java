package dev.certgateway.issuance.web;

import java.util.List;

/** Every configured authority. */
public record AuthorityListResponse(List<AuthorityResponse> authorities) {
}
