package dev.certgateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers bearer tokens the identity provider's decoder has accepted, for a short while, so that a client
 * sending the same token on every request pays for the signature verification and claim parsing once rather
 * than on each request. A remembered token is still checked for expiry and not-before on every use, with the
 * same 60 s clock skew the decoder allows. Rejected tokens are never remembered. A token signed with a key the
 * identity provider has since withdrawn stays accepted for at most the time-to-live.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final String CACHE_NAME = "verified-bearer-tokens";

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified;
    private final JwtTimestampValidator timestamps = new JwtTimestampValidator();

    /**
     * @param clock  what a remembered token's expiry is checked against
     * @param ticker what the time-to-live is measured with
     */
    VerifiedTokenCache(JwtDecoder decoder, int maximumSize, Duration timeToLive, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(timeToLive)
                .ticker(ticker)
                .recordStats()
                .build();
        this.timestamps.setClock(clock);
    }

    /**
     * The decoder behind a cache whose hits, misses and size are published as {@code cache_*} metrics tagged
     * {@code cache="verified-bearer-tokens"}; the decoder itself when remembering is off (a size or
     * time-to-live of zero).
     */
    static JwtDecoder around(JwtDecoder decoder, SecurityProperties.TokenCache settings, MeterRegistry meters) {
        if (settings.maximumSize() == 0 || settings.timeToLive().isZero()) {
            return decoder;
        }
        // The decoder checks a token's times against the system clock; remembered ones are checked the same way.
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, settings.maximumSize(), settings.timeToLive(),
                Clock.systemUTC(), Ticker.systemTicker());
        CaffeineCacheMetrics.monitor(meters, cache.verified, CACHE_NAME);
        return cache;
    }

    @Override
    public Jwt decode(String token) {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered == null) {
            Jwt jwt = decoder.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = timestamps.validate(remembered);
        if (result.hasErrors()) {
            verified.invalidate(token);
            // The decoder's own wording, so a client sees the same message whether its token was remembered or not.
            String description = result.getErrors().stream()
                    .map(OAuth2Error::getDescription)
                    .filter(text -> text != null && !text.isEmpty())
                    .findFirst()
                    .orElse("Unable to validate Jwt");
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors());
        }
        return remembered;
    }
}
