package dev.certgateway.authority.acmpca;

import dev.certgateway.authority.AuthorityRegistry;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-reads every ACM PCA authority whose {@code refresh-interval} has passed: a CA disabled or re-enabled in
 * AWS, or one that was unreachable at start-up, is noticed without a restart.
 */
@Component
class AcmPcaRefreshJob {

    private final AuthorityRegistry authorities;
    private final Clock clock;

    AcmPcaRefreshJob(AuthorityRegistry authorities, Clock clock) {
        this.authorities = authorities;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${certgw.acm-pca.refresh-check-interval:PT10S}")
    void refreshDueAuthorities() {
        authorities.all().stream()
                .filter(AcmPcaCertificateAuthority.class::isInstance)
                .map(AcmPcaCertificateAuthority.class::cast)
                .filter(authority -> authority.refreshDue(clock.instant()))
                .forEach(AcmPcaCertificateAuthority::refresh);
    }
}
