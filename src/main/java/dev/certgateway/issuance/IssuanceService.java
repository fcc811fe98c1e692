package dev.certgateway.issuance;

import dev.certgateway.audit.AuditEvent;
import dev.certgateway.authority.AuthorityArn;
import dev.certgateway.authority.AuthorityRegistry;
import dev.certgateway.authority.AuthorityStatus;
import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.authority.SigningRequest;
import dev.certgateway.authority.SigningResult;
import dev.certgateway.error.InvalidStateException;
import dev.certgateway.error.ServiceUnavailableException;
import dev.certgateway.idempotency.Claim;
import dev.certgateway.idempotency.ClaimResult;
import dev.certgateway.idempotency.IdempotencyStore;
import dev.certgateway.idempotency.IdempotencyTokenInProgressException;
import dev.certgateway.idempotency.IdempotencyTokenReusedException;
import dev.certgateway.inventory.CertificateInventory;
import dev.certgateway.inventory.CertificateStatus;
import dev.certgateway.inventory.IssuedCertificate;
import dev.certgateway.inventory.PendingCertificate;
import dev.certgateway.issuance.IssuanceRecorder.TokenWrite;
import dev.certgateway.policy.EffectivePolicy;
import dev.certgateway.policy.PolicyInput;
import dev.certgateway.policy.PolicyService;
import dev.certgateway.policy.PolicyViolationException;
import dev.certgateway.policy.Violation;
import dev.certgateway.security.Caller;
import dev.certgateway.sql.RowIds;
import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateComposer;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.CertificateTimes;
import dev.certgateway.x509.CsrParser;
import dev.certgateway.x509.ParsedCsr;
import dev.certgateway.x509.Pem;
import dev.certgateway.x509.SerialNumbers;
import dev.certgateway.x509.SignatureProviders;
import dev.certgateway.x509.ValidityCalculator;
import dev.certgateway.x509.ValidityPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The issuance cycle: every check first, then one signature, then the record. A certificate that cannot be
 * recorded is never returned.
 */
@Service
public class IssuanceService {

    private static final Logger log = LoggerFactory.getLogger(IssuanceService.class);

    private final AuthorityRegistry authorities;
    private final CertificateInventory inventory;
    private final IdempotencyStore tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PolicyService policies;
    private final IssuanceAudit audit;
    private final IssuanceMetrics metrics;
    private final PendingCertificates pending;
    private final IssuanceRecorder recorder;
    private final CsrParser csrParser;
    private final CertificateComposer composer = new CertificateComposer();
    private final SecureRandom random = new SecureRandom();

    public IssuanceService(AuthorityRegistry authorities, CertificateInventory inventory, IdempotencyStore tokens,
            TransactionTemplate transactions, Clock clock, PolicyService policies, IssuanceAudit audit,
            IssuanceMetrics metrics, PendingCertificates pending, IssuanceRecorder recorder,
            SignatureProviders signatureProviders) {
        this.authorities = authorities;
        this.inventory = inventory;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
        this.policies = policies;
        this.audit = audit;
        this.metrics = metrics;
        this.pending = pending;
        this.recorder = recorder;
        this.csrParser = new CsrParser(signatureProviders);
    }

    /**
     * Issues one certificate, or, for a token already used with the same request within the window, returns
     * the certificate that request got.
     */
    public IssuanceResult issue(Caller caller, IssueCertificateCommand command) {
        IssuanceMetrics.Observation observation = metrics.start(caller.team());
        try {
            IssuanceResult result = issueObserved(caller, command, observation);
            observation.succeeded(result);
            return result;
        } catch (RuntimeException e) {
            observation.failed(e);
            throw e;
        }
    }

    private IssuanceResult issueObserved(Caller caller, IssueCertificateCommand command,
            IssuanceMetrics.Observation observation) {
        PreparedIssuance prepared = prepare(command);
        observation.resolved(prepared.authority().alias(), prepared.authority().backend(), prepared.template().name());
        try {
            policies.enforce(caller.team(), policyInput(command, prepared));
        } catch (PolicyViolationException denied) {
            audit.denied(caller, prepared, denied.violations());
            throw denied;
        }
        // Once per request: the claim compares it and the backend's idempotency token is derived from it.
        String fingerprint = RequestFingerprint.of(command, prepared);
        String token = command.idempotencyToken();
        if (token == null) {
            return new IssuanceResult(signAndRecordAudited(caller, command, prepared, fingerprint, null, null), false);
        }
        if (prepared.authority().signsInProcess()) {
            return issueClaimingWithTheRecord(caller, command, prepared, fingerprint);
        }
        // Claimed only now: a request rejected above has consumed nothing.
        ClaimResult claimed = tokens.claim(caller.team(), token, fingerprint, prepared.now());
        if (!(claimed instanceof ClaimResult.Claimed won)) {
            return answerForHeldToken(caller, token, claimed);
        }
        Claim claim = won.claim();
        try {
            IssuedCertificate issued = signAndRecordAudited(caller, command, prepared, fingerprint, claim,
                    certificateId -> new TokenWrite.Update(tokens.completion(claim, certificateId)));
            if (issued == null) {
                throw claimLost(claim);
            }
            return new IssuanceResult(issued, false);
        } catch (RuntimeException e) {
            releaseAfterFailure(claim, e);
            throw e;
        }
    }

    /**
     * For an authority that signs in this process: sign first, then claim and complete the token in the statement
     * that records the certificate (one round trip and one commit instead of two). Nobody outside has seen the
     * certificate before it is recorded, so there is nothing to hold the token for while signing. When the token
     * turns out to be held (the same request's certificate, the same request still in progress, or a different
     * request), the statement has written nothing and the new certificate is dropped unseen, as a lost claim's
     * would be.
     */
    private IssuanceResult issueClaimingWithTheRecord(Caller caller, IssueCertificateCommand command,
            PreparedIssuance prepared, String fingerprint) {
        String token = command.idempotencyToken();
        // The cleanup job may delete an expired entry between the failed write and the read: then write again.
        for (int attempt = 0; attempt < 3; attempt++) {
            IssuedCertificate issued = signAndRecordAudited(caller, command, prepared, fingerprint, null,
                    certificateId -> new TokenWrite.Insert(tokens.completedClaim(caller.team(), token,
                            fingerprint, certificateId, prepared.now())));
            if (issued != null) {
                return new IssuanceResult(issued, false);
            }
            Optional<ClaimResult> held = tokens.heldBy(caller.team(), token, fingerprint, prepared.now());
            if (held.isPresent()) {
                return answerForHeldToken(caller, token, held.get());
            }
        }
        throw new IllegalStateException("Idempotency token " + token + " kept changing while being claimed");
    }

    /** A token this request could not claim: replay the certificate it names, or say why not. */
    private IssuanceResult answerForHeldToken(Caller caller, String token, ClaimResult held) {
        if (held instanceof ClaimResult.Completed completed) {
            IssuedCertificate original = pending.current(inventory.find(caller.team(), completed.certificateId())
                    .orElseThrow(() -> new IllegalStateException("Idempotency token " + token + " of team "
                            + caller.team() + " points at missing certificate " + completed.certificateId())));
            log.info("Replayed certificate {} for idempotency token {} of team {}", original.id(), token,
                    caller.team());
            audit.replayed(caller, original);
            return new IssuanceResult(original, true);
        }
        if (held instanceof ClaimResult.InProgress inProgress) {
            throw new IdempotencyTokenInProgressException(token, inProgress.retryAfter());
        }
        if (held instanceof ClaimResult.Mismatch) {
            throw new IdempotencyTokenReusedException(token);
        }
        throw new IllegalStateException("Idempotency token " + token + " is claimable but was not claimed");
    }

    private IssuedCertificate signAndRecordAudited(Caller caller, IssueCertificateCommand command,
            PreparedIssuance prepared, String fingerprint, Claim claim, Function<UUID, TokenWrite> tokenWrite) {
        try {
            return signAndRecord(caller, command, prepared, fingerprint, claim, tokenWrite);
        } catch (IdempotencyTokenInProgressException lostClaim) {
            throw lostClaim;
        } catch (RuntimeException e) {
            audit.failed(caller, prepared, e);
            throw e;
        }
    }

    /**
     * What the request would produce, decided by the caller's team policy, without signing, recording or claiming
     * anything. Invalid requests fail exactly as they would on issuance.
     */
    public CertificatePreview preview(Caller caller, IssueCertificateCommand command) {
        PreparedIssuance prepared = prepare(command);
        EffectivePolicy policy = policies.forTeam(caller.team());
        List<Violation> violations = policy.evaluate(policyInput(command, prepared));
        return CertificatePreview.of(violations, policy.version(), prepared.blueprint(), prepared.template(),
                command.signingAlgorithm(), prepared.authority().alias(), prepared.authority().arn());
    }

    /** What policy decides on: the request's choices and the effective certificate. */
    private static PolicyInput policyInput(IssueCertificateCommand command, PreparedIssuance prepared) {
        return new PolicyInput(prepared.authority().alias(), prepared.authority().arn(), prepared.template(),
                command.signingAlgorithm(), prepared.csr().key(), prepared.blueprint(),
                command.apiPassthrough() != null, prepared.now());
    }

    /** Every check that needs no signature: a request that fails here changes nothing. */
    private PreparedIssuance prepare(IssueCertificateCommand command) {
        CertificateAuthority authority = authorities.resolve(command.certificateAuthorityArn());
        // Every later log line of this request names the authority.
        MDC.put("authority", authority.alias());
        CertificateTemplate template = CertificateTemplate.fromArn(command.templateArn());
        Instant now = clock.instant();
        AuthorityStatus status = authority.status(now);
        if (status == AuthorityStatus.UNAVAILABLE) {
            throw new ServiceUnavailableException("certificateAuthorityArn: authority '" + authority.alias()
                    + "' cannot be reached by the gateway right now; retry later");
        }
        if (status != AuthorityStatus.ACTIVE) {
            throw new InvalidStateException("certificateAuthorityArn: authority '" + authority.alias()
                    + "' is " + status + " and cannot issue certificates; use an ACTIVE authority");
        }
        command.signingAlgorithm().requireCompatibleWith(authority.keyAlgorithm().family());
        ParsedCsr csr = csrParser.parse(command.csr());
        X509CertificateHolder caCertificate = authority.certificate();
        ValidityPeriod validity = ValidityCalculator.compute(command.validity(), command.validityNotBefore(), now,
                CertificateTimes.notBefore(caCertificate), CertificateTimes.notAfter(caCertificate));
        BigInteger serial = SerialNumbers.next(now, random);
        CertificateBlueprint blueprint = composer.compose(csr, template, command.apiPassthrough(), validity,
                authority.issuerInfo(), serial);
        return new PreparedIssuance(authority, template, csr, blueprint, now);
    }

    /**
     * @param claim      the token's claim, for a backend that answers later (its pending record completes it); null
     *                   when the request has no token or claims it with the record
     * @param tokenWrite the write to the token that gates the record of the signed certificate; null without a token
     * @return the recorded certificate, or null when the token write wrote nothing, and so nothing was recorded
     */
    private IssuedCertificate signAndRecord(Caller caller, IssueCertificateCommand command,
            PreparedIssuance prepared, String fingerprint, Claim claim, Function<UUID, TokenWrite> tokenWrite) {
        CertificateAuthority authority = prepared.authority();
        String remoteToken = RemoteIdempotencyToken.derive(caller.team(), command.idempotencyToken(), fingerprint,
                UUID.randomUUID().toString());
        SigningResult result = authority.sign(new SigningRequest(prepared.csr(), prepared.template(),
                command.signingAlgorithm(), command.validity(), command.validityNotBefore(), command.apiPassthrough(),
                prepared.blueprint(), remoteToken));
        if (result instanceof SigningResult.Pending accepted) {
            PendingCertificate record = pending.accepted(caller, authority, prepared.template(), command,
                    prepared.blueprint(), accepted.certificateArn(), prepared.now());
            // Recorded before waiting: if this replica dies now, any other one finishes the request, and a retry
            // with the token gets this certificate instead of asking the backend for a second one.
            recordWithToken(() -> inventory.recordPending(record), record.record().id(), claim);
            log.info("Authority {} accepted certificate {} ({}) for team {} ({})", authority.alias(),
                    record.record().id(), accepted.certificateArn(), caller.team(), caller.subject());
            return pending.awaitIssued(record, authority);
        }
        SigningResult.Issued signed = (SigningResult.Issued) result;
        X509CertificateHolder certificate = signed.certificate();
        if (!authority.signsInProcess()) {
            pending.requireAsRequested(certificate, authority, prepared.blueprint());
        }
        IssuedCertificate issued = toRecord(caller, authority, prepared.template(), command, prepared.blueprint(),
                signed, prepared.now());
        if (!recordIssued(issued, tokenWrite == null ? null : tokenWrite.apply(issued.id()))) {
            // Every signature of the authority's key is accounted for, even one nobody will ever see.
            log.info("Certificate with serial {} from authority {} was signed but neither recorded nor returned: "
                    + "idempotency token {} of team {} was taken by another request", issued.serialNumber(),
                    authority.alias(), command.idempotencyToken(), caller.team());
            return null;
        }
        // The ISSUED audit line says all of this at INFO, once the record has committed: one line per issuance.
        log.debug("Issued certificate {} (serial {}) from authority {} to team {} ({})", issued.id(),
                issued.serialNumber(), authority.alias(), caller.team(), caller.subject());
        return issued;
    }

    /**
     * The certificate, its audit event and the token's write, in one statement: no certificate without its token,
     * and no completed token without its certificate. False, having written nothing, when the token write did not
     * take place.
     */
    private boolean recordIssued(IssuedCertificate issued, TokenWrite tokenWrite) {
        AuditEvent event = audit.issuedEvent(issued);
        boolean recorded;
        try {
            recorded = recorder.record(issued.id(), inventory.row(issued), audit.row(event), tokenWrite);
        } catch (DataAccessException e) {
            throw notRecorded(e);
        }
        if (recorded) {
            audit.logged(event);
        }
        return recorded;
    }

    private void recordWithToken(Runnable record, UUID certificateId, Claim claim) {
        try {
            // The record and the token's completion commit together: no certificate without its token, and
            // no completed token without its certificate.
            transactions.executeWithoutResult(status -> {
                record.run();
                if (claim != null && !tokens.complete(claim, certificateId)) {
                    throw new ClaimLostException();
                }
            });
        } catch (ClaimLostException e) {
            throw claimLost(claim);
        } catch (DataAccessException | TransactionException e) {
            throw notRecorded(e);
        }
    }

    /**
     * Another replica took the token over while this one was slow; its certificate is the one callers get. This
     * one was never recorded, so it is never handed out.
     */
    private static IdempotencyTokenInProgressException claimLost(Claim claim) {
        return new IdempotencyTokenInProgressException(claim.token(), Duration.ofSeconds(1));
    }

    private static ServiceUnavailableException notRecorded(RuntimeException cause) {
        return new ServiceUnavailableException("The certificate could not be recorded, so it was not issued: the "
                + "gateway's database is unavailable. Retry later.", cause);
    }

    private void releaseAfterFailure(Claim claim, RuntimeException failure) {
        if (failure instanceof IdempotencyTokenInProgressException) {
            return;
        }
        try {
            tokens.release(claim);
        } catch (RuntimeException e) {
            // The lease runs out on its own; until then retries see "in progress" rather than a second certificate.
            log.warn("Could not release idempotency token {} of team {} after a failure: {}", claim.token(),
                    claim.team(), e.getMessage());
        }
    }

    /** Signals a rollback when the token's claim was taken over before the record was written. */
    private static final class ClaimLostException extends RuntimeException {
        ClaimLostException() {
            super(null, null, false, false);
        }
    }

    private static IssuedCertificate toRecord(Caller caller, CertificateAuthority authority,
            CertificateTemplate template, IssueCertificateCommand command, CertificateBlueprint blueprint,
            SigningResult.Issued signed, Instant now) {
        X509CertificateHolder certificate = signed.certificate();
        byte[] der = der(certificate);
        String serialHex = serialHex(certificate.getSerialNumber());
        GeneralNames sans = GeneralNames.fromExtensions(certificate.getExtensions(),
                Extension.subjectAlternativeName);
        return new IssuedCertificate(
                RowIds.next(),
                signed.certificateArn() != null ? signed.certificateArn()
                        : AuthorityArn.certificateArn(authority.arn(), serialHex),
                authority.alias(),
                authority.arn(),
                serialHex,
                caller.team(),
                caller.subject(),
                certificate.getSubject().toString(),
                SubjectAlternativeNames.describe(sans),
                CertificateTimes.notBefore(certificate),
                CertificateTimes.notAfter(certificate),
                template.arn(),
                command.signingAlgorithm().name(),
                sha256(der),
                Pem.certificate(der),
                signed.chainPem(),
                blueprint.warnings(),
                CertificateStatus.ISSUED,
                // PostgreSQL keeps microseconds; truncating here keeps page cursors exact.
                now.truncatedTo(ChronoUnit.MICROS));
    }

    /** Fixed width, so certificate ARNs all look alike and sort as their serials do. */
    static String serialHex(BigInteger serial) {
        String hex = serial.toString(16);
        return hex.length() >= 32 ? hex : "0".repeat(32 - hex.length()) + hex;
    }

    /** Encoded once per certificate: BouncyCastle encodes again on every call. */
    static byte[] der(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
