package dev.certgateway.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints RS256 bearer tokens the way an identity provider would, for tests and the development run. */
public final class JwtMinter {

    public static final String ISSUER = "cert-gateway-dev";
    public static final List<String> ALL_SCOPES = List.of("certificates:issue", "certificates:read", "audit:read");

    private final PrivateKey key;

    public JwtMinter(PrivateKey key) {
        this.key = key;
    }

    public String mint(String team, String subject, List<String> scopes, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("scope", String.join(" ", scopes));
        if (team != null) {
            claims.claim("team", team);
        }
        return sign(claims.build());
    }

    public String expired(String team) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(new JWTClaimsSet.Builder().issuer(ISSUER).subject("late").claim("team", team)
                .claim("scope", String.join(" ", ALL_SCOPES)).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build());
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
