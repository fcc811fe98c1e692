package dev.certgateway.inventory;

import dev.certgateway.paging.PageCursor;
import dev.certgateway.sql.RowInsert;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of issued certificates in PostgreSQL. Every query is scoped to one team. */
@Repository
public class CertificateInventory {

    private static final String COLUMNS = """
            id, certificate_arn, authority_alias, authority_arn, serial_number, team, requester, subject,
            subject_alternative_names, not_before, not_after, template_arn, signing_algorithm,
            sha256_fingerprint, certificate_pem, certificate_chain_pem, warnings, status, created_at""";

    private static final String PENDING_SELECT = "select "
            + Arrays.stream(COLUMNS.split(",")).map(c -> "c." + c.strip()).collect(Collectors.joining(", "))
            + ", p.public_key as expected_public_key, p.subject as expected_subject,"
            + " p.subject_alt_names as expected_subject_alt_names, p.created_at as pending_since"
            + " from issued_certificate c join pending_certificate p on p.certificate_id = c.id";

    private final JdbcClient jdbc;

    public CertificateInventory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(IssuedCertificate certificate) {
        RowInsert row = row(certificate);
        jdbc.sql(row.insert()).params(row.values()).update();
    }

    /** The certificate's row, for writing it together with other rows in one statement. */
    public RowInsert row(IssuedCertificate certificate) {
        return RowInsert.into("issued_certificate")
                .uuid("id", certificate.id())
                .text("certificate_arn", certificate.certificateArn())
                .text("authority_alias", certificate.authorityAlias())
                .text("authority_arn", certificate.authorityArn())
                .text("serial_number", certificate.serialNumber())
                .text("team", certificate.team())
                .text("requester", certificate.requester())
                .text("subject", certificate.subject())
                .textArray("subject_alternative_names", certificate.subjectAlternativeNames())
                .timestamptz("not_before", certificate.notBefore())
                .timestamptz("not_after", certificate.notAfter())
                .text("template_arn", certificate.templateArn())
                .text("signing_algorithm", certificate.signingAlgorithm())
                .text("sha256_fingerprint", certificate.sha256Fingerprint())
                .text("certificate_pem", certificate.certificatePem())
                .text("certificate_chain_pem", certificate.certificateChainPem())
                .textArray("warnings", certificate.warnings())
                .text("status", certificate.status().name())
                .timestamptz("created_at", certificate.createdAt());
    }

    /** Records a certificate an asynchronous backend accepted, with what it must contain once issued. */
    public void recordPending(PendingCertificate pending) {
        record(pending.record());
        jdbc.sql("insert into pending_certificate (certificate_id, public_key, subject, subject_alt_names, created_at)"
                        + " values (:id, :key, :subject, :sans, :createdAt)")
                .param("id", pending.record().id())
                .param("key", pending.publicKey())
                .param("subject", pending.subject())
                .param("sans", pending.subjectAltNames(), Types.BINARY)
                .param("createdAt", Timestamp.from(pending.createdAt()))
                .update();
    }

    /** The pending certificate with this id, or empty when it is not (or no longer) pending. */
    public Optional<PendingCertificate> findPending(UUID id) {
        return jdbc.sql(PENDING_SELECT + " where c.id = :id and c.status = 'PENDING'")
                .param("id", id)
                .query(CertificateInventory::mapPending)
                .optional();
    }

    /**
     * Locks up to {@code limit} pending certificates of the given authorities for completion, skipping those
     * another replica holds. Only meaningful inside a transaction, which holds the locks until it ends.
     */
    public List<PendingCertificate> lockPending(Collection<String> authorityAliases, int limit) {
        if (authorityAliases.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PENDING_SELECT + " where c.status = 'PENDING' and c.authority_alias in (:aliases)"
                        + " order by p.created_at limit :limit for update of c skip locked")
                .param("aliases", List.copyOf(authorityAliases))
                .param("limit", limit)
                .query(CertificateInventory::mapPending)
                .list();
    }

    /**
     * Turns a pending record into the issued certificate. False when it was no longer pending (another
     * replica completed or failed it first), in which case nothing changes.
     */
    public boolean completePending(IssuedCertificate issued) {
        int updated = jdbc.sql("update issued_certificate set serial_number = :serial, subject = :subject,"
                        + " subject_alternative_names = :sans, not_before = :notBefore, not_after = :notAfter,"
                        + " sha256_fingerprint = :fingerprint, certificate_pem = :pem,"
                        + " certificate_chain_pem = :chain, status = 'ISSUED' where id = :id and status = 'PENDING'")
                .param("id", issued.id())
                .param("serial", issued.serialNumber())
                .param("subject", issued.subject())
                .param("sans", issued.subjectAlternativeNames().toArray(String[]::new))
                .param("notBefore", Timestamp.from(issued.notBefore()))
                .param("notAfter", Timestamp.from(issued.notAfter()))
                .param("fingerprint", issued.sha256Fingerprint())
                .param("pem", issued.certificatePem())
                .param("chain", issued.certificateChainPem())
                .update();
        if (updated == 1) {
            deletePending(issued.id());
        }
        return updated == 1;
    }

    /** Marks a pending record FAILED; false when it was no longer pending. */
    public boolean failPending(UUID id) {
        int updated = jdbc.sql("update issued_certificate set status = 'FAILED' where id = :id and status = 'PENDING'")
                .param("id", id)
                .update();
        if (updated == 1) {
            deletePending(id);
        }
        return updated == 1;
    }

    private void deletePending(UUID id) {
        jdbc.sql("delete from pending_certificate where certificate_id = :id").param("id", id).update();
    }

    private static PendingCertificate mapPending(ResultSet rs, int row) throws SQLException {
        return new PendingCertificate(map(rs, row), rs.getBytes("expected_public_key"),
                rs.getBytes("expected_subject"), rs.getBytes("expected_subject_alt_names"),
                rs.getTimestamp("pending_since").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public Optional<IssuedCertificate> find(String team, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from issued_certificate where team = :team and id = :id")
                .param("team", team)
                .param("id", id)
                .query(CertificateInventory::map)
                .optional();
    }

    /** The team's certificates, newest first, {@code pageSize} at a time. */
    public CertificatePage list(String team, int pageSize, String nextToken) {
        PageCursor after = PageCursor.decode(nextToken);
        String where = after == null ? "team = :team"
                : "team = :team and (created_at, id) < (:afterCreated, :afterId)";
        JdbcClient.StatementSpec statement = jdbc.sql("select " + COLUMNS + " from issued_certificate where " + where
                        + " order by created_at desc, id desc limit :limit")
                .param("team", team)
                .param("limit", pageSize + 1);
        if (after != null) {
            statement = statement.param("afterCreated", Timestamp.from(after.time())).param("afterId", after.id());
        }
        List<IssuedCertificate> rows = statement.query(CertificateInventory::map).list();
        if (rows.size() <= pageSize) {
            return new CertificatePage(rows, null);
        }
        List<IssuedCertificate> page = rows.subList(0, pageSize);
        IssuedCertificate last = page.get(pageSize - 1);
        return new CertificatePage(List.copyOf(page), new PageCursor(last.createdAt(), last.id()).encode());
    }

    private static IssuedCertificate map(ResultSet rs, int row) throws SQLException {
        return new IssuedCertificate(
                rs.getObject("id", UUID.class),
                rs.getString("certificate_arn"),
                rs.getString("authority_alias"),
                rs.getString("authority_arn"),
                rs.getString("serial_number"),
                rs.getString("team"),
                rs.getString("requester"),
                rs.getString("subject"),
                strings(rs.getArray("subject_alternative_names")),
                instant(rs.getTimestamp("not_before")),
                instant(rs.getTimestamp("not_after")),
                rs.getString("template_arn"),
                rs.getString("signing_algorithm"),
                rs.getString("sha256_fingerprint"),
                rs.getString("certificate_pem"),
                rs.getString("certificate_chain_pem"),
                strings(rs.getArray("warnings")),
                CertificateStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
