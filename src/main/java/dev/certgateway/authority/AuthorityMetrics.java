package dev.certgateway.authority;

import dev.certgateway.x509.CertificateTimes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Per authority: when its CA certificate expires ({@code certgw_authority_certificate_expiry_seconds}, Unix
 * time) and its status ({@code certgw_authority_status}, 1 for the current status, 0 for the others).
 */
@Component
class AuthorityMetrics {

    AuthorityMetrics(AuthorityRegistry registry, MeterRegistry meters, Clock clock) {
        for (CertificateAuthority authority : registry.all()) {
            Gauge.builder("certgw.authority.certificate.expiry", authority,
                            a -> CertificateTimes.notAfter(a.certificate()).getEpochSecond())
                    .description("When the authority's CA certificate expires, as Unix time")
                    .baseUnit("seconds")
                    .tag("authority", authority.alias())
                    .register(meters);
            for (AuthorityStatus status : AuthorityStatus.values()) {
                Gauge.builder("certgw.authority.status", authority, a -> a.status(clock.instant()) == status ? 1 : 0)
                        .description("1 for the authority's current status, 0 for the others")
                        .tag("authority", authority.alias())
                        .tag("status", status.name())
                        .register(meters);
            }
        }
    }
}
