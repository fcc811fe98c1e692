package dev.certgateway.issuance.web;

import dev.certgateway.authority.AuthorityRegistry;
import java.time.Clock;
import java.time.Instant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authorities", description = "The certificate authorities the gateway issues from")
@RequestMapping(path = "/api/v1/authorities", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthorityController {

    private final AuthorityRegistry authorities;
    private final Clock clock;

    AuthorityController(AuthorityRegistry authorities, Clock clock) {
        this.authorities = authorities;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listAuthorities", summary = "List the authorities",
            description = "Alias, ARN, key algorithm, subject, validity, status and chain of every authority. "
                    + "Scope certificates:issue or certificates:read.")
    @ApiResponse(responseCode = "200", description = "Every configured authority")
    AuthorityListResponse listAuthorities() {
        Instant now = clock.instant();
        return new AuthorityListResponse(authorities.all().stream().map(a -> AuthorityResponse.of(a, now)).toList());
    }
}
