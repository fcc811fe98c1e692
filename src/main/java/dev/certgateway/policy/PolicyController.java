package dev.certgateway.policy;

import dev.certgateway.security.Caller;
import java.util.Map;
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
    Map<String, Object> effectivePolicy(Caller caller) {
        return policies.forTeam(caller.team()).describe();
    }
}
