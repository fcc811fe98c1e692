package dev.certgateway.issuance.web;

import dev.certgateway.authority.AuthorityRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/authorities", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthorityController {

    private final AuthorityRegistry authorities;
    private final Clock clock;

    AuthorityController(AuthorityRegistry authorities, Clock clock) {
        this.authorities = authorities;
        this.clock = clock;
    }

    @GetMapping
    AuthorityListResponse listAuthorities() {
        Instant now = clock.instant();
        return new AuthorityListResponse(authorities.all().stream().map(a -> AuthorityResponse.of(a, now)).toList());
    }
}
