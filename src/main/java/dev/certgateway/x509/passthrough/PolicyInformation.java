package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One certificate policy: its OID and optional CPS qualifiers. */
@Schema(description = "One certificate policy")
public record PolicyInformation(
        @Schema(description = "The policy OID", example = "2.23.140.1.2.1") String certPolicyId,
        @Schema(description = "CPS qualifiers") List<PolicyQualifierInfo> policyQualifiers) {
}
