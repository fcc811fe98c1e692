package dev.certgateway.issuance;

import dev.certgateway.sql.RowInsert;
import dev.certgateway.sql.SqlStatement;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what a synchronous issuance leaves behind (the certificate, its ISSUED audit event and, with an
 * idempotency token, the token's write: completing its claim, or claiming and completing it at once) by one SQL
 * statement: all or nothing, in one round trip and one commit. The rows and the token's write come from the
 * features that own their tables; this class only chains them, so that the certificate is written only if the
 * token is written too. Records that arrive together share a transaction ({@link GroupCommit}), and those of the
 * same shape share its statement: one statement inserts all their tokens, then all their certificates, then all
 * their audit events.
 */
@Repository
class IssuanceRecorder implements AutoCloseable {

    /**
     * The most records one statement writes: a statement's parameters (about 40 per record) stay far below what
     * the protocol carries, and the statement texts kept stay few.
     */
    static final int MAX_RECORDS_PER_STATEMENT = 128;

    private final GroupCommit<Record> writes;

    IssuanceRecorder(JdbcTemplate jdbc, TransactionTemplate transactions, GroupCommitProperties groupCommit,
            MeterRegistry meters) {
        this.writes = new GroupCommit<>(new RecordWriter(jdbc), transactions, groupCommit.maxRecords(), meters);
    }

    @Override
    public void close() {
        writes.close();
    }

    /**
     * @param certificateId the id of the certificate's row, which the audit event and the token write name too
     * @param tokenWrite    the write to the idempotency token, or null for a request without a token
     * @return false, having written nothing, when the token write changed no row (the claim was lost, or the token
     *         is held by another request)
     */
    boolean record(UUID certificateId, RowInsert certificate, RowInsert auditEvent, TokenWrite tokenWrite) {
        return writes.update(new Record(certificateId, certificate, auditEvent, tokenWrite)) == 1;
    }

    /**
     * The write to the idempotency token that gates a record. It changes the token's row, or none when the token is
     * not this request's to complete; with {@code returning certificate_id} appended it yields the certificate's id
     * exactly when it did.
     */
    sealed interface TokenWrite {

        /** The write of {@code records} records' tokens, each one's parameters following the previous one's. */
        String sql(int records);

        List<?> parameters();

        /** An insert of the token's row, which many records can share, one row each. */
        record Insert(RowInsert row) implements TokenWrite {

            @Override
            public String sql(int records) {
                return row.insertRows(records);
            }

            @Override
            public List<?> parameters() {
                return row.values();
            }
        }

        /** A statement of one token's own, written for its record alone ({@link RecordWriter#kind}). */
        record Update(SqlStatement statement) implements TokenWrite {

            @Override
            public String sql(int records) {
                return statement.sql();
            }

            @Override
            public List<?> parameters() {
                return statement.parameters();
            }
        }
    }

    record Record(UUID certificateId, RowInsert certificate, RowInsert auditEvent, TokenWrite tokenWrite) {
    }

    /** The text of a statement that writes {@code records} records; the empty string stands for no token write. */
    private record Shape(String certificate, String auditEvent, String tokenWrite, int records) {
    }

    /** Writes the records of one shape by one statement, and tells each record whether it was written. */
    static final class RecordWriter implements GroupCommit.Writer<Record> {

        private static final String TOKEN_WRITTEN = "in (select certificate_id from completed)";

        private final JdbcTemplate jdbc;
        private final Map<Shape, String> statements = new ConcurrentHashMap<>();

        RecordWriter(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * Records with the same columns and the same token insert go together; a token update names its own row in
         * its statement, so its record goes alone.
         */
        @Override
        public Object kind(Record record) {
            if (record.tokenWrite() instanceof TokenWrite.Update) {
                return record;
            }
            return shape(record, 0);
        }

        @Override
        public boolean inOneStatement(int records) {
            return records <= MAX_RECORDS_PER_STATEMENT;
        }

        @Override
        public int[] write(List<Record> records) {
            int[] counts = new int[records.size()];
            for (int from = 0; from < records.size(); from += MAX_RECORDS_PER_STATEMENT) {
                List<Record> part = records.subList(from, Math.min(records.size(), from + MAX_RECORDS_PER_STATEMENT));
                Set<UUID> written = writeTogether(part);
                for (int i = 0; i < part.size(); i++) {
                    counts[from + i] = written.contains(part.get(i).certificateId()) ? 1 : 0;
                }
            }
            return counts;
        }

        /** The ids of the certificates written: those whose token write took place, or all without a token. */
        private Set<UUID> writeTogether(List<Record> records) {
            Record first = records.get(0);
            String sql = statements.computeIfAbsent(shape(first, records.size()), shape -> compose(first, shape));
            List<Object> parameters = new ArrayList<>(records.size() * 48);
            if (first.tokenWrite() != null) {
                records.forEach(record -> parameters.addAll(record.tokenWrite().parameters()));
            }
            records.forEach(record -> parameters.addAll(record.certificate().values()));
            records.forEach(record -> parameters.addAll(record.auditEvent().values()));
            return new HashSet<>(jdbc.query(sql, new ArgumentPreparedStatementSetter(parameters.toArray()),
                    (row, number) -> row.getObject(1, UUID.class)));
        }

        private static Shape shape(Record record, int records) {
            String tokenWrite = record.tokenWrite() == null ? "" : record.tokenWrite().sql(1);
            return new Shape(record.certificate().insert(), record.auditEvent().insert(), tokenWrite, records);
        }

        /**
         * The token write yields the id of each certificate whose token it wrote; both inserts keep only those
         * rows, and the audit insert returns the ids it wrote. Foreign keys are checked at the end of the
         * statement, when all three writes are there.
         */
        private static String compose(Record first, Shape shape) {
            int records = shape.records();
            if (first.tokenWrite() == null) {
                return "with certificate as (" + first.certificate().insertRows(records) + ") "
                        + first.auditEvent().insertRows(records) + " returning certificate_id";
            }
            String tokenWrite = first.tokenWrite().sql(records);
            String certificate = first.certificate().insertRowsWhere(records, "candidate.id " + TOKEN_WRITTEN);
            String auditEvent = first.auditEvent().insertRowsWhere(records,
                    "candidate.certificate_id " + TOKEN_WRITTEN);
            return "with completed as (" + tokenWrite + " returning certificate_id), certificate as (" + certificate
                    + ") " + auditEvent + " returning certificate_id";
        }
    }
}
