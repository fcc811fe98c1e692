package dev.certgateway.authority.acmpca;

import dev.certgateway.authority.AuthorityRegistry;
import dev.certgateway.authority.AuthorityStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The ACM PCA authorities in {@code /actuator/health} (component {@code acmPca}) and in metrics. It stays UP
 * when a CA is unusable: the gateway still serves every other authority, and a readiness probe that failed
 * here would take those down too. Which CA is unusable, and why, is in the details and in
 * {@code certgw.authority.available} / {@code certgw.authority.refresh.failures}.
 */
@Component("acmPca")
class AcmPcaAuthorityHealth implements HealthIndicator {

    private final List<AcmPcaCertificateAuthority> authorities;
    private final Clock clock;

    AcmPcaAuthorityHealth(AuthorityRegistry registry, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.authorities = registry.all().stream().filter(AcmPcaCertificateAuthority.class::isInstance)
                .map(AcmPcaCertificateAuthority.class::cast).toList();
        this.clock = clock;
        meters.ifAvailable(registryOfMeters -> authorities.forEach(authority -> {
            FunctionCounter.builder("certgw.authority.refresh.failures", authority,
                            AcmPcaCertificateAuthority::refreshFailures)
                    .description("Failed reads of an ACM PCA authority (DescribeCertificateAuthority and its certificate)")
                    .tag("authority", authority.alias()).register(registryOfMeters);
            Gauge.builder("certgw.authority.available", authority,
                            a -> a.status(clock.instant()) == AuthorityStatus.ACTIVE ? 1 : 0)
                    .description("1 when the authority can issue, else 0")
                    .tag("authority", authority.alias()).register(registryOfMeters);
        }));
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        for (AcmPcaCertificateAuthority authority : authorities) {
            AcmPcaCertificateAuthority.Snapshot snapshot = authority.snapshot();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("arn", authority.arn());
            detail.put("status", authority.status(now).name());
            detail.put("refreshedAt", snapshot.refreshedAt().toString());
            if (snapshot.problem() != null) {
                detail.put("problem", snapshot.problem());
            }
            details.put(authority.alias(), detail);
        }
        return Health.up().withDetails(details).build();
    }
}
