package dev.certgateway.issuance.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every configured authority. */
@Schema(description = "The authorities")
public record AuthorityListResponse(
        @Schema(description = "Every configured authority") List<AuthorityResponse> authorities) {
}
