package dev.certgateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certgateway.testsupport.JwtMinter;
import dev.certgateway.testsupport.MutableClock;
import dev.certgateway.testsupport.TestPki;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokenCacheTests {

    private static final KeyPair KEY = TestPki.rsaKey(2048);
    private static final JwtMinter MINTER = new JwtMinter(KEY.getPrivate());
    private static final List<String> SCOPES = List.of("certificates:issue");

    private final CountingDecoder decoder = new CountingDecoder(
            NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEY.getPublic()).build());
    private final MutableClock clock = new MutableClock();
    private final AtomicLong nanos = new AtomicLong();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 100, Duration.ofSeconds(60), clock,
            nanos::get);

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() {
        String token = MINTER.mint("payments", "alice", SCOPES, Duration.ofMinutes(5));

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(second.getClaimAsString("team")).isEqualTo("payments");
        assertThat(decoder.calls).hasValue(1);
    }

    @Test
    void eachTokenIsVerifiedOnItsOwn() {
        cache.decode(MINTER.mint("payments", "alice", SCOPES, Duration.ofMinutes(5)));
        Jwt other = cache.decode(MINTER.mint("billing", "bob", SCOPES, Duration.ofMinutes(5)));

        assertThat(other.getClaimAsString("team")).isEqualTo("billing");
        assertThat(decoder.calls).hasValue(2);
    }

    @Test
    void aRememberedTokenStillExpires() {
        String token = MINTER.mint("payments", "alice", SCOPES, Duration.ofMinutes(5));
        cache.decode(token);

        // past the token's expiry and the 60 s skew the decoder allows, but within the cache's time-to-live
        clock.advance(Duration.ofMinutes(6).plusSeconds(1));

        assertThatThrownBy(() -> cache.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageStartingWith("An error occurred while attempting to decode the Jwt: Jwt expired at");
        assertThat(decoder.calls).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheTimeToLive() {
        String token = MINTER.mint("payments", "alice", SCOPES, Duration.ofMinutes(5));
        cache.decode(token);

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        cache.decode(token);

        assertThat(decoder.calls).hasValue(2);
    }

    @Test
    void rejectedTokensAreNeverRemembered() {
        String foreign = new JwtMinter(TestPki.rsaKey(2048).getPrivate())
                .mint("payments", "mallory", SCOPES, Duration.ofMinutes(5));

        assertThatThrownBy(() -> cache.decode(foreign)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(foreign)).isInstanceOf(BadJwtException.class);
        assertThat(decoder.calls).hasValue(2);
    }

    @Test
    void aSizeOrTimeToLiveOfZeroLeavesTheDecoderAlone() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        assertThat(VerifiedTokenCache.around(decoder, new SecurityProperties.TokenCache(0, Duration.ofSeconds(60)),
                meters)).isSameAs(decoder);
        assertThat(VerifiedTokenCache.around(decoder, new SecurityProperties.TokenCache(100, Duration.ZERO), meters))
                .isSameAs(decoder);
        assertThat(VerifiedTokenCache.around(decoder, new SecurityProperties.TokenCache(100, Duration.ofSeconds(1)),
                meters)).isInstanceOf(VerifiedTokenCache.class);
    }

    @Test
    void hitsAndMissesArePublished() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JwtDecoder published = VerifiedTokenCache.around(decoder,
                new SecurityProperties.TokenCache(100, Duration.ofSeconds(60)), meters);
        String token = MINTER.mint("payments", "alice", SCOPES, Duration.ofMinutes(5));

        published.decode(token);
        published.decode(token);
        published.decode(token);

        assertThat(meters.get("cache.gets").tag("cache", VerifiedTokenCache.CACHE_NAME).tag("result", "hit")
                .functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("cache.gets").tag("cache", VerifiedTokenCache.CACHE_NAME).tag("result", "miss")
                .functionCounter().count()).isEqualTo(1);
    }

    @Test
    void aNegativeTimeToLiveIsRejectedAtStartUp() {
        assertThatThrownBy(() -> new SecurityProperties.TokenCache(100, Duration.ofSeconds(-1)))
                .hasMessageContaining("certgw.security.token-cache.time-to-live");
    }

    /** The real decoder, counting how often it is asked. */
    private static final class CountingDecoder implements JwtDecoder {
        private final JwtDecoder decoder;
        private final AtomicInteger calls = new AtomicInteger();

        CountingDecoder(JwtDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            return decoder.decode(token);
        }
    }
}
