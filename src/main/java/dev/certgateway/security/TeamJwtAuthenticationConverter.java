package dev.certgateway.security;

import java.util.Collection;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Accepts a JWT only when it names a team: a token without one cannot be scoped to any team's
 * certificates, so it is rejected as invalid (401) rather than let through.
 */
class TeamJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String teamClaim;
    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    TeamJwtAuthenticationConverter(String teamClaim) {
        this.teamClaim = teamClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String team = jwt.getClaimAsString(teamClaim);
        if (team == null || team.isBlank()) {
            throw new InvalidBearerTokenException("The bearer token has no '" + teamClaim
                    + "' claim; the gateway needs it to know which team is calling");
        }
        Collection<GrantedAuthority> authorities = scopes.convert(jwt);
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
