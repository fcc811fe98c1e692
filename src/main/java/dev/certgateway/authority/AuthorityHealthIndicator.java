package dev.certgateway.authority;

import dev.certgateway.x509.CertificateTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports every authority's state under {@code authorities} in health. It stays UP while any authority is
 * ACTIVE, so one disabled or unreachable CA is visible without taking the whole gateway out of service.
 */
@Component("authoritiesHealthIndicator")
class AuthorityHealthIndicator implements HealthIndicator {

    private final AuthorityRegistry registry;
    private final Clock clock;

    AuthorityHealthIndicator(AuthorityRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Map<String, Object> states = new LinkedHashMap<>();
        boolean anyActive = false;
        for (CertificateAuthority authority : registry.all()) {
            AuthorityStatus status = authority.status(now);
            anyActive |= status == AuthorityStatus.ACTIVE;
            states.put(authority.alias(), Map.of("status", status.name(), "arn", authority.arn(),
                    "notAfter", CertificateTimes.notAfter(authority.certificate()).toString()));
        }
        Health.Builder health = anyActive || states.isEmpty() ? Health.up() : Health.outOfService();
        return health.withDetails(states).build();
    }
}
