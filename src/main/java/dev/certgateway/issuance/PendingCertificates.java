package dev.certgateway.issuance;

import dev.certgateway.sql.RowIds;
import dev.certgateway.authority.AuthorityRegistry;
import dev.certgateway.authority.BackendException;
import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.authority.SigningResult;
import dev.certgateway.error.ErrorCode;
import dev.certgateway.error.GatewayException;
import dev.certgateway.inventory.CertificateInventory;
import dev.certgateway.inventory.CertificateStatus;
import dev.certgateway.inventory.IssuedCertificate;
import dev.certgateway.inventory.PendingCertificate;
import dev.certgateway.security.Caller;
import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.CertificateTimes;
import dev.certgateway.x509.Pem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificates an asynchronous backend (ACM PCA) accepted but has not issued yet: recorded as PENDING with
 * what they must contain, completed by whichever replica sees them issued first (the request that started
 * them, a GET on them, or the scheduled job on any replica), and checked against the request before anyone
 * gets them.
 */
@Component
public class PendingCertificates {

    private static final Logger log = LoggerFactory.getLogger(PendingCertificates.class);

    static final Duration FIRST_POLL = Duration.ofMillis(200);
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(2);
    /** What a 202 tells callers to wait before asking again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final int COMPLETION_BATCH = 20;

    private final AuthorityRegistry authorities;
    private final CertificateInventory inventory;
    private final TransactionTemplate transactions;
    private final Counter mismatches;
    private final IssuanceAudit audit;

    PendingCertificates(AuthorityRegistry authorities, CertificateInventory inventory, TransactionTemplate transactions,
            ObjectProvider<MeterRegistry> meters, IssuanceAudit audit) {
        this.authorities = authorities;
        this.audit = audit;
        this.inventory = inventory;
        this.transactions = transactions;
        this.mismatches = Counter.builder("certgw.issuance.certificate.mismatch")
                .description("Certificates a backend returned that differ from the request; never handed out")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The PENDING record for a certificate the backend accepted under {@code certificateArn}. */
    PendingCertificate accepted(Caller caller, CertificateAuthority authority, CertificateTemplate template,
            IssueCertificateCommand command, CertificateBlueprint blueprint, String certificateArn, Instant now) {
        GeneralNames names = blueprint.subjectAlternativeNames();
        IssuedCertificate record = new IssuedCertificate(RowIds.next(), certificateArn, authority.alias(),
                authority.arn(), null, caller.team(), caller.subject(), blueprint.subject().toString(),
                SubjectAlternativeNames.describe(names), null, null, template.arn(), command.signingAlgorithm().name(),
                null, null, null, blueprint.warnings(), CertificateStatus.PENDING, now.truncatedTo(ChronoUnit.MICROS));
        return new PendingCertificate(record, encoded(blueprint.publicKey()), encoded(blueprint.subject()),
                names == null ? null : encoded(names), now);
    }

    /**
     * Polls for the certificate with growing pauses (200 ms, doubling, at most 2 s) until the authority's poll
     * deadline. Returns the ISSUED record, or the still PENDING one when the deadline passed first.
     */
    IssuedCertificate awaitIssued(PendingCertificate pending, CertificateAuthority authority) {
        long deadline = System.nanoTime() + authority.pollDeadline().toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return pending.record();
            }
            try {
                Thread.sleep(Math.min(pause.toMillis(), Math.max(1, remaining / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return pending.record();
            }
            Optional<IssuedCertificate> done = attempt(pending, authority);
            if (done.isPresent()) {
                return done.get();
            }
            pause = pause.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : pause.multipliedBy(2);
        }
    }

    /**
     * The record as a caller may see it now: a PENDING one is looked up once more at the backend (so a GET on
     * any replica can finish it), a FAILED one is an error, since it never became a certificate.
     */
    public IssuedCertificate current(IssuedCertificate record) {
        if (record.status() == CertificateStatus.FAILED) {
            throw failed(record);
        }
        if (record.status() != CertificateStatus.PENDING) {
            return record;
        }
        Optional<PendingCertificate> pending = inventory.findPending(record.id());
        if (pending.isEmpty()) {
            // Completed or failed by another replica since it was read.
            IssuedCertificate now = inventory.find(record.team(), record.id()).orElse(record);
            if (now.status() == CertificateStatus.FAILED) {
                throw failed(now);
            }
            return now;
        }
        return attempt(pending.get(), authorities.resolve(record.authorityAlias())).orElse(record);
    }

    /**
     * Completes PENDING certificates whatever replica started them, so a request survives the death of the
     * replica that sent it. SKIP LOCKED lets every replica run this at once without two of them fetching the
     * same certificate.
     */
    @Scheduled(fixedDelayString = "${certgw.issuance.pending-completion-interval:PT5S}")
    void completePending() {
        List<String> aliases = authorities.all().stream().map(CertificateAuthority::alias).toList();
        transactions.executeWithoutResult(status -> {
            for (PendingCertificate pending : inventory.lockPending(aliases, COMPLETION_BATCH)) {
                try {
                    attempt(pending, authorities.resolve(pending.record().authorityAlias()));
                } catch (GatewayException e) {
                    log.warn("Pending certificate {} ({}) could not be completed: {}", pending.record().id(),
                            pending.record().certificateArn(), e.detail());
                }
            }
        });
    }

    /** Throws (502) when a synchronously signed certificate is not what was decided; counted and logged. */
    void requireAsRequested(X509CertificateHolder certificate, CertificateAuthority authority,
            CertificateBlueprint blueprint) {
        List<String> differences = ReturnedCertificateCheck.differences(certificate, authority.certificate(),
                blueprint.publicKey(), blueprint.subject(), blueprint.subjectAlternativeNames());
        if (!differences.isEmpty()) {
            throw mismatch(authority, null, certificate, differences);
        }
    }

    /** One look at the backend; the completed record when the certificate exists, empty while it does not. */
    private Optional<IssuedCertificate> attempt(PendingCertificate pending, CertificateAuthority authority) {
        IssuedCertificate record = pending.record();
        X509CertificateHolder authorityCertificate = authority.certificate();
        if (authorityCertificate == null) {
            // Nothing to check a certificate against until the authority can be read again.
            return Optional.empty();
        }
        SigningResult result;
        try {
            result = authority.fetch(record.certificateArn());
        } catch (BackendException e) {
            if (e.retryable()) {
                log.debug("Certificate {} not fetched yet: {}", record.certificateArn(), e.detail());
                return Optional.empty();
            }
            inventory.failPending(record.id());
            log.warn("Certificate {} ({}) failed at authority {}: {}", record.id(), record.certificateArn(),
                    authority.alias(), e.detail());
            throw e;
        }
        if (!(result instanceof SigningResult.Issued issued)) {
            return Optional.empty();
        }
        List<String> differences = ReturnedCertificateCheck.differences(issued.certificate(), authorityCertificate,
                SubjectPublicKeyInfo.getInstance(pending.publicKey()), X500Name.getInstance(pending.subject()),
                pending.subjectAltNames() == null ? null : GeneralNames.getInstance(pending.subjectAltNames()));
        if (!differences.isEmpty()) {
            inventory.failPending(record.id());
            throw mismatch(authority, record, issued.certificate(), differences);
        }
        IssuedCertificate completed = completed(record, issued);
        // The completed record and its ISSUED audit event commit together (inside the completion job's
        // transaction when there is one).
        Boolean won = transactions.execute(status -> {
            if (!inventory.completePending(completed)) {
                return false;
            }
            audit.issued(completed);
            return true;
        });
        if (Boolean.TRUE.equals(won)) {
            log.info("Issued certificate {} (serial {}) from authority {} to team {} ({})", completed.id(),
                    completed.serialNumber(), authority.alias(), completed.team(), completed.requester());
            return Optional.of(completed);
        }
        // Another replica got there first; its outcome is the one that counts.
        IssuedCertificate current = inventory.find(record.team(), record.id()).orElse(record);
        if (current.status() == CertificateStatus.FAILED) {
            throw failed(current);
        }
        return current.status() == CertificateStatus.ISSUED ? Optional.of(current) : Optional.empty();
    }

    private BackendException mismatch(CertificateAuthority authority, IssuedCertificate record,
            X509CertificateHolder certificate, List<String> differences) {
        mismatches.increment();
        String what = String.join("; ", differences);
        log.error("Authority {} returned a certificate that does not match the request{} (serial {}): {}. It is "
                        + "not handed out.", authority.alias(), record == null ? "" : " " + record.certificateArn(),
                certificate.getSerialNumber().toString(16), what);
        return new BackendException(ErrorCode.RequestFailedException, "The authority '" + authority.alias()
                + "' returned a certificate that does not match the request (" + what + "); it was not handed out. "
                + "Report the request id to the operators.", false, null);
    }

    private static BackendException failed(IssuedCertificate record) {
        return new BackendException(ErrorCode.RequestFailedException, "Certificate " + record.id() + " ("
                + record.certificateArn() + ") was not issued: the authority failed the request or returned a "
                + "certificate that did not match it. Request a new certificate.", false, null);
    }

    private static IssuedCertificate completed(IssuedCertificate pending, SigningResult.Issued issued) {
        X509CertificateHolder certificate = issued.certificate();
        byte[] der = IssuanceService.der(certificate);
        return new IssuedCertificate(pending.id(), pending.certificateArn(), pending.authorityAlias(),
                pending.authorityArn(), IssuanceService.serialHex(certificate.getSerialNumber()), pending.team(),
                pending.requester(), certificate.getSubject().toString(),
                SubjectAlternativeNames.describe(GeneralNames.fromExtensions(certificate.getExtensions(),
                        Extension.subjectAlternativeName)),
                CertificateTimes.notBefore(certificate), CertificateTimes.notAfter(certificate), pending.templateArn(),
                pending.signingAlgorithm(), IssuanceService.sha256(der), Pem.certificate(der),
                issued.chainPem(), pending.warnings(),
                CertificateStatus.ISSUED, pending.createdAt());
    }

    private static byte[] encoded(org.bouncycastle.asn1.ASN1Object value) {
        try {
            return value.getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
