package dev.certgateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certgateway.audit.AuditTrail;
import dev.certgateway.authority.AuthorityProperties;
import dev.certgateway.authority.AuthorityRegistry;
import dev.certgateway.authority.local.LocalAuthorityLoader;
import dev.certgateway.error.ErrorCode;
import dev.certgateway.error.GatewayException;
import dev.certgateway.error.ServiceUnavailableException;
import dev.certgateway.idempotency.IdempotencyProperties;
import dev.certgateway.idempotency.IdempotencyStore;
import dev.certgateway.inventory.CertificateInventory;
import dev.certgateway.policy.PolicyService;
import dev.certgateway.security.Caller;
import dev.certgateway.testsupport.TestAuthorities;
import dev.certgateway.testsupport.TestCsr;
import dev.certgateway.x509.SignatureProviders;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.Validity;
import dev.certgateway.x509.ValidityPeriodType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A certificate that cannot be recorded is never handed out: with the database unreachable, issuance signs
 * nothing usable and fails as ServiceUnavailable (503), not as an internal error.
 */
class IssuanceWithoutDatabaseTests {

    @Test
    void unrecordableCertificateIsNotReturned() {
        TestAuthorities pki = TestAuthorities.get();
        AuthorityProperties.Authority config = new AuthorityProperties.Authority(null, true,
                new FileSystemResource(pki.directory().resolve("test-ec").resolve("chain.pem")),
                new FileSystemResource(pki.directory().resolve("test-ec").resolve("key.pem")), null, null, null, null);
        AuthorityRegistry registry = new AuthorityRegistry(List.of(LocalAuthorityLoader.load("test-ec", config)));
        // Port 9 (discard) on loopback: nothing answers, so every statement fails like a database outage.
        DriverManagerDataSource unreachable = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:9/none?connectTimeout=2");
        JdbcClient jdbc = JdbcClient.create(unreachable);
        CertificateInventory inventory = new CertificateInventory(jdbc);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(unreachable));
        IssuanceAudit audit = new IssuanceAudit(new AuditTrail(jdbc, JsonMapper.builder().build()), Clock.systemUTC());
        IssuanceService service = new IssuanceService(registry, inventory,
                new IdempotencyStore(jdbc, new IdempotencyProperties(Duration.ofMinutes(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), 1000)),
                transactions, Clock.systemUTC(),
                new PolicyService(null, new SimpleMeterRegistry()),
                audit, new IssuanceMetrics(new SimpleMeterRegistry()),
                new PendingCertificates(registry, inventory, transactions,
                        new DefaultListableBeanFactory().getBeanProvider(MeterRegistry.class), audit),
                new IssuanceRecorder(new JdbcTemplate(unreachable), transactions,
                        new GroupCommitProperties(64), new SimpleMeterRegistry()),
                SignatureProviders.preferNative());

        IssueCertificateCommand command = new IssueCertificateCommand("test-ec",
                TestCsr.withSharedEcKey().subject("CN=unrecorded").pem(), SigningAlgorithm.SHA256WITHECDSA, null,
                new Validity(1L, ValidityPeriodType.DAYS), null, null, null);

        assertThatThrownBy(() -> service.issue(new Caller("payments", "someone", Set.of()), command))
                .isInstanceOf(ServiceUnavailableException.class)
                .satisfies(e -> assertThat(((GatewayException) e).code()).isEqualTo(ErrorCode.ServiceUnavailable))
                .hasMessageContaining("not issued");
    }
}
