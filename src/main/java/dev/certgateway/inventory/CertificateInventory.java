package dev.certgateway.inventory;

import dev.certgateway.error.InvalidArgsException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of issued certificates in PostgreSQL. Every query is scoped to one team. */
@Repository
public class CertificateInventory {

    private static final String COLUMNS = """
            id, certificate_arn, authority_alias, authority_arn, serial_number, team, requester, subject,
            subject_alternative_names, not_before, not_after, template_arn, signing_algorithm,
            sha256_fingerprint, certificate_pem, certificate_chain_pem, warnings, status, created_at""";

    private final JdbcClient jdbc;

    public CertificateInventory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(IssuedCertificate certificate) {
        jdbc.sql("insert into issued_certificate (" + COLUMNS + ") values (:id, :arn, :alias, :authorityArn,"
                        + " :serial, :team, :requester, :subject, :sans, :notBefore, :notAfter, :template,"
                        + " :algorithm, :fingerprint, :pem, :chain, :warnings, :status, :createdAt)")
                .param("id", certificate.id())
                .param("arn", certificate.certificateArn())
                .param("alias", certificate.authorityAlias())
                .param("authorityArn", certificate.authorityArn())
                .param("serial", certificate.serialNumber())
                .param("team", certificate.team())
                .param("requester", certificate.requester())
                .param("subject", certificate.subject())
                .param("sans", certificate.subjectAlternativeNames().toArray(String[]::new))
                .param("notBefore", Timestamp.from(certificate.notBefore()))
                .param("notAfter", Timestamp.from(certificate.notAfter()))
                .param("template", certificate.templateArn())
                .param("algorithm", certificate.signingAlgorithm())
                .param("fingerprint", certificate.sha256Fingerprint())
                .param("pem", certificate.certificatePem())
                .param("chain", certificate.certificateChainPem())
                .param("warnings", certificate.warnings().toArray(String[]::new))
                .param("status", certificate.status().name())
                .param("createdAt", Timestamp.from(certificate.createdAt()))
                .update();
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
        Cursor after = nextToken == null ? null : Cursor.decode(nextToken);
        String where = after == null ? "team = :team"
                : "team = :team and (created_at, id) < (:afterCreated, :afterId)";
        JdbcClient.StatementSpec statement = jdbc.sql("select " + COLUMNS + " from issued_certificate where " + where
                        + " order by created_at desc, id desc limit :limit")
                .param("team", team)
                .param("limit", pageSize + 1);
        if (after != null) {
            statement = statement.param("afterCreated", Timestamp.from(after.createdAt())).param("afterId", after.id());
        }
        List<IssuedCertificate> rows = statement.query(CertificateInventory::map).list();
        if (rows.size() <= pageSize) {
            return new CertificatePage(rows, null);
        }
        List<IssuedCertificate> page = rows.subList(0, pageSize);
        IssuedCertificate last = page.get(pageSize - 1);
        return new CertificatePage(List.copyOf(page), new Cursor(last.createdAt(), last.id()).encode());
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
                rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant(),
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

    /** The position after which the next page starts; opaque to callers. */
    private record Cursor(Instant createdAt, UUID id) {

        String encode() {
            String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String token) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
                String[] parts = raw.split("\\.", 3);
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw new InvalidArgsException("nextToken: '" + token + "' is not a token this gateway returned; "
                        + "pass the nextToken of the previous page unchanged, or omit it for the first page");
            }
        }
    }
}
