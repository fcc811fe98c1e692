package dev.certgateway.policy;

import dev.certgateway.security.Caller;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/policy}: what the caller's team may ask for, and the version of the policy in force. */
@RestController
class PolicyController {

    private final PolicyService policies;

    PolicyController(PolicyService policies) {
        this.policies = policies;
    }

    @GetMapping(path = "/api/v1/policy", produces = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "Policy", description = "The team policies that decide what each team may get")
    @Operation(operationId = "getPolicy", summary = "The caller's team's effective policy",
            description = "The baseline merged with the team's section, with the policy version (content hash). "
                    + "See docs/policy.md for the rules. Scope certificates:read or certificates:issue.")
    @ApiResponse(responseCode = "200", description = "The effective policy and its version")
    Map<String, Object> effectivePolicy(@Parameter(hidden = true) Caller caller) {
        return policies.forTeam(caller.team()).describe();
    }
}
