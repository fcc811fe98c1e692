package dev.certgateway.authority.acmpca;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certgateway.authority.AuthorityProperties;
import dev.certgateway.authority.BackendException;
import dev.certgateway.authority.SigningRequest;
import dev.certgateway.authority.SigningResult;
import dev.certgateway.error.ErrorCode;
import dev.certgateway.testsupport.AcmPcaFake;
import dev.certgateway.testsupport.TestCsr;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.CsrParser;
import dev.certgateway.x509.ParsedCsr;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.Validity;
import dev.certgateway.x509.ValidityPeriodType;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-replica rate limit holds requests back before they reach ACM PCA, and says when to come back. */
class AcmPcaRateLimitTests {

    private static final AcmPcaFake ACM = AcmPcaFake.get();

    @Test
    void requestsBeyondTheRateAreRefusedWithoutReachingAcmPca() {
        AuthorityProperties.AcmPca config = new AuthorityProperties.AcmPca(AcmPcaFake.ACTIVE_ARN, null,
                URI.create(ACM.endpoint()), null, Duration.ofSeconds(5), Duration.ofMillis(500), 1, 0.2, null,
                Duration.ZERO, Duration.ofHours(1));
        try (AcmPcaCertificateAuthority authority = AcmPcaAuthorities.create("limited",
                new AuthorityProperties.Authority(AuthorityProperties.Backend.ACM_PCA, null, null, null, null, null,
                        null, null, null, config), new SimpleMeterRegistry())) {
            ParsedCsr csr = new CsrParser().parse(TestCsr.withSharedEcKey().subject("CN=limited.example").pem());
            SigningRequest request = new SigningRequest(csr, CertificateTemplate.fromArn(null),
                    SigningAlgorithm.SHA384WITHECDSA, new Validity(1L, ValidityPeriodType.DAYS), null, null, null,
                    UUID.randomUUID().toString());
            int before = ACM.requests("IssueCertificate").size();

            assertThat(authority.sign(request)).isInstanceOf(SigningResult.Pending.class);
            // 0.2 requests/s: the next permit is 5 s away, longer than the 500 ms this request may wait.
            assertThatThrownBy(() -> authority.sign(request))
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.ThrottlingException);
                        assertThat(e.retryable()).isTrue();
                        assertThat(Integer.parseInt(e.headers().get("Retry-After"))).isBetween(4, 5);
                    });
            assertThat(ACM.requests("IssueCertificate")).hasSize(before + 1);
        }
    }
}
