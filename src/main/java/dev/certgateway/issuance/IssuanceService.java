package dev.certgateway.issuance;

import dev.certgateway.authority.AuthorityArn;
import dev.certgateway.authority.AuthorityRegistry;
import dev.certgateway.authority.AuthorityStatus;
import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.authority.SigningRequest;
import dev.certgateway.error.InvalidStateException;
import dev.certgateway.error.ServiceUnavailableException;
import dev.certgateway.inventory.CertificateInventory;
import dev.certgateway.inventory.CertificateStatus;
import dev.certgateway.inventory.IssuedCertificate;
import dev.certgateway.policy.EffectivePolicy;
import dev.certgateway.policy.PolicyInput;
import dev.certgateway.policy.PolicyService;
import dev.certgateway.policy.Violation;
import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateComposer;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.CsrParser;
import dev.certgateway.x509.ParsedCsr;
import dev.certgateway.x509.Pem;
import dev.certgateway.x509.SerialNumbers;
import dev.certgateway.x509.ValidityCalculator;
import dev.certgateway.x509.ValidityPeriod;
import dev.certgateway.security.Caller;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The issuance cycle: every check first, then one signature, then the record. A certificate that cannot be
 * recorded is never returned.
 */
@Service
public class IssuanceService {

    private static final Logger log = LoggerFactory.getLogger(IssuanceService.class);

    private final AuthorityRegistry authorities;
    private final CertificateInventory inventory;
    private final Clock clock;
    private final PolicyService policies;
    private final CsrParser csrParser = new CsrParser();
    private final CertificateComposer composer = new CertificateComposer();
    private final SecureRandom random = new SecureRandom();

    public IssuanceService(AuthorityRegistry authorities, CertificateInventory inventory, Clock clock,
            PolicyService policies) {
        this.authorities = authorities;
        this.inventory = inventory;
        this.clock = clock;
        this.policies = policies;
    }

    /** Validates the request and composes the certificate it asks for; shared by issuance and preview. */
    private Draft draft(IssueCertificateCommand command) {
        CertificateAuthority authority = authorities.resolve(command.certificateAuthorityArn());
        CertificateTemplate template = CertificateTemplate.fromArn(command.templateArn());
        command.signingAlgorithm().requireCompatibleWith(authority.keyAlgorithm().family());
        Instant now = clock.instant();
        AuthorityStatus status = authority.status(now);
        if (status != AuthorityStatus.ACTIVE) {
            throw new InvalidStateException("certificateAuthorityArn: authority '" + authority.alias()
                    + "' is " + status + " and cannot issue certificates; use an ACTIVE authority");
        }
        ParsedCsr csr = csrParser.parse(command.csr());
        X509CertificateHolder caCertificate = authority.certificate();
        ValidityPeriod validity = ValidityCalculator.compute(command.validity(), command.validityNotBefore(), now,
                caCertificate.getNotBefore().toInstant(), caCertificate.getNotAfter().toInstant());
        BigInteger serial = SerialNumbers.random(random);
        CertificateBlueprint blueprint = composer.compose(csr, template, command.apiPassthrough(), validity,
                authority.issuerInfo(), serial);
        return new Draft(authority, template, csr, blueprint, now);
    }

    /** The effective certificate and what it was made from: every check but policy, nothing signed. */
    private record Draft(CertificateAuthority authority, CertificateTemplate template, ParsedCsr csr,
            CertificateBlueprint blueprint, Instant now) {

        PolicyInput policyInput(IssueCertificateCommand command) {
            return new PolicyInput(authority.alias(), authority.arn(), template, command.signingAlgorithm(),
                    csr.key(), blueprint, command.apiPassthrough() != null, now);
        }
    }

    public IssuedCertificate issue(Caller caller, IssueCertificateCommand command) {
        Draft draft = draft(command);
        CertificateAuthority authority = draft.authority();
        CertificateTemplate template = draft.template();
        ParsedCsr csr = draft.csr();
        CertificateBlueprint blueprint = draft.blueprint();
        Instant now = draft.now();
        policies.enforce(caller.team(), draft.policyInput(command));

        X509CertificateHolder certificate = authority.sign(new SigningRequest(csr, template,
                command.signingAlgorithm(), command.apiPassthrough(), blueprint));

        IssuedCertificate issued = toRecord(caller, authority, template, command, blueprint, certificate, now);
        try {
            inventory.record(issued);
        } catch (DataAccessException e) {
            throw new ServiceUnavailableException("The certificate could not be recorded, so it was not issued: the "
                    + "gateway's database is unavailable. Retry later.", e);
        }
        log.info("Issued certificate {} (serial {}) from authority {} to team {} ({})", issued.id(),
                issued.serialNumber(), authority.alias(), caller.team(), caller.subject());
        return issued;
    }

    /**
     * What the request would produce, decided by the caller's team policy, without signing, recording or claiming
     * anything. Invalid requests fail exactly as they would on issuance.
     */
    public CertificatePreview preview(Caller caller, IssueCertificateCommand command) {
        Draft draft = draft(command);
        EffectivePolicy policy = policies.forTeam(caller.team());
        List<Violation> violations = policy.evaluate(draft.policyInput(command));
        return CertificatePreview.of(violations, policy.version(), draft.blueprint(), draft.template(),
                command.signingAlgorithm(), draft.authority().alias(), draft.authority().arn());
    }

    private static IssuedCertificate toRecord(Caller caller, CertificateAuthority authority,
            CertificateTemplate template, IssueCertificateCommand command, CertificateBlueprint blueprint,
            X509CertificateHolder certificate, Instant now) {
        String serialHex = serialHex(certificate.getSerialNumber());
        GeneralNames sans = GeneralNames.fromExtensions(certificate.getExtensions(),
                Extension.subjectAlternativeName);
        String chain = authority.chain().stream().map(Pem::certificate).collect(Collectors.joining());
        return new IssuedCertificate(
                UUID.randomUUID(),
                AuthorityArn.certificateArn(authority.arn(), serialHex),
                authority.alias(),
                authority.arn(),
                serialHex,
                caller.team(),
                caller.subject(),
                certificate.getSubject().toString(),
                SubjectAlternativeNames.describe(sans),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                template.arn(),
                command.signingAlgorithm().name(),
                sha256(certificate),
                Pem.certificate(certificate),
                chain,
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

    private static String sha256(X509CertificateHolder certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
