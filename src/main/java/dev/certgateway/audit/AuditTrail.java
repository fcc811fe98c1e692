package dev.certgateway.audit;

import dev.certgateway.paging.PageCursor;
import dev.certgateway.sql.RowInsert;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: every event goes to PostgreSQL (joining the caller's transaction, so an issuance and its
 * event commit together) and to the log, under the logger {@code dev.certgateway.audit}.
 */
@Repository
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger("dev.certgateway.audit");
    private static final String COLUMNS = """
            id, occurred_at, request_id, action, team, requester, authority, template_arn, subject,
            subject_alternative_names, not_before, not_after, serial_number, sha256_fingerprint, certificate_id,
            reasons""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(AuditEvent event) {
        RowInsert row = row(event);
        jdbc.sql(row.insert()).params(row.values()).update();
        logged(event);
    }

    /**
     * The event's row, for writing it together with other rows in one statement; whoever does must call
     * {@link #logged} once the statement has committed.
     */
    public RowInsert row(AuditEvent event) {
        return RowInsert.into("audit_event")
                .uuid("id", event.id())
                .timestamptz("occurred_at", event.occurredAt())
                .text("request_id", event.requestId())
                .text("action", event.action().name())
                .text("team", event.team())
                .text("requester", event.requester())
                .text("authority", event.authority())
                .text("template_arn", event.templateArn())
                .text("subject", event.subject())
                .textArray("subject_alternative_names", event.subjectAlternativeNames())
                .timestamptz("not_before", event.notBefore())
                .timestamptz("not_after", event.notAfter())
                .text("serial_number", event.serialNumber())
                .text("sha256_fingerprint", event.sha256Fingerprint())
                .uuid("certificate_id", event.certificateId())
                .jsonb("reasons", json.writeValueAsString(event.reasons()));
    }

    /** Writes the stored event to the log, under {@code dev.certgateway.audit}. */
    public void logged(AuditEvent event) {
        log.atInfo()
                .addKeyValue("audit.action", event.action())
                .addKeyValue("audit.team", event.team())
                .addKeyValue("audit.requester", event.requester())
                .addKeyValue("audit.authority", event.authority())
                .addKeyValue("audit.serial", event.serialNumber())
                .addKeyValue("audit.fingerprint", event.sha256Fingerprint())
                .addKeyValue("audit.certificate", event.certificateId())
                .log("audit {} team={} requester={} authority={} template={} subject={} sans={} serial={} "
                        + "certificate={} reasons={}", event.action(), event.team(), event.requester(),
                        event.authority(), event.templateArn(), event.subject(), event.subjectAlternativeNames(),
                        event.serialNumber(), event.certificateId(), event.reasons());
    }

    /** Newest first; {@code team} null means every team. */
    public AuditPage page(String team, int pageSize, String nextToken) {
        PageCursor after = PageCursor.decode(nextToken);
        StringBuilder where = new StringBuilder("true");
        if (team != null) {
            where.append(" and team = :team");
        }
        if (after != null) {
            where.append(" and (occurred_at, id) < (:afterOccurred, :afterId)");
        }
        JdbcClient.StatementSpec statement = jdbc.sql("select " + COLUMNS + " from audit_event where " + where
                + " order by occurred_at desc, id desc limit :limit").param("limit", pageSize + 1);
        if (team != null) {
            statement = statement.param("team", team);
        }
        if (after != null) {
            statement = statement.param("afterOccurred", Timestamp.from(after.time()))
                    .param("afterId", after.id());
        }
        List<AuditEvent> rows = statement.query(this::map).list();
        if (rows.size() <= pageSize) {
            return new AuditPage(rows, null);
        }
        List<AuditEvent> page = List.copyOf(rows.subList(0, pageSize));
        AuditEvent last = page.get(pageSize - 1);
        return new AuditPage(page, new PageCursor(last.occurredAt(), last.id()).encode());
    }

    private AuditEvent map(ResultSet rs, int row) throws SQLException {
        Timestamp notBefore = rs.getTimestamp("not_before");
        Timestamp notAfter = rs.getTimestamp("not_after");
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("request_id"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("team"),
                rs.getString("requester"),
                rs.getString("authority"),
                rs.getString("template_arn"),
                rs.getString("subject"),
                strings(rs.getArray("subject_alternative_names")),
                notBefore == null ? null : notBefore.toInstant(),
                notAfter == null ? null : notAfter.toInstant(),
                rs.getString("serial_number"),
                rs.getString("sha256_fingerprint"),
                rs.getObject("certificate_id", UUID.class),
                List.of(json.readValue(rs.getString("reasons"), String[].class)));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
