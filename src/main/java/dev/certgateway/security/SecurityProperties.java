package dev.certgateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certgw.security.*}. The JWT itself is configured with Spring's standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param teamClaim  the JWT claim that names the caller's team
 * @param tokenCache how long and how many verified bearer tokens are remembered
 */
@ConfigurationProperties("certgw.security")
@Validated
public record SecurityProperties(
        @DefaultValue("team") @NotBlank String teamClaim,
        @DefaultValue @Valid @NotNull TokenCache tokenCache) {

    /**
     * @param maximumSize how many distinct tokens are remembered at most; 0 verifies every request's token afresh
     * @param timeToLive  how long a verified token is remembered (its expiry is still checked on every use); also
     *                    the longest a token signed with a withdrawn key stays accepted. 0 turns remembering off
     */
    public record TokenCache(
            @DefaultValue("10000") @PositiveOrZero int maximumSize,
            @DefaultValue("60s") @NotNull Duration timeToLive) {

        public TokenCache {
            if (timeToLive != null && timeToLive.isNegative()) {
                throw new IllegalArgumentException("certgw.security.token-cache.time-to-live must not be negative,"
                        + " got " + timeToLive);
            }
        }
    }
}
