package dev.certgateway.issuance;

import dev.certgateway.sql.RowInsert;
import dev.certgateway.sql.SqlStatement;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what a synchronous issuance leaves behind (the certificate, its ISSUED audit event and, with an
 * idempotency token, the token's write: completing its claim, or claiming and completing it at once) as one SQL
 * statement: all or nothing, in one round trip and one commit. The rows and the token's write come from the
 * features that own their tables; this class only chains them, so that the certificate is written only if the
 * token is written too. Records that arrive together share a transaction ({@link GroupCommit}).
 */
@Repository
class IssuanceRecorder implements AutoCloseable {

    private final GroupCommit writes;
    /**
     * Each combination of parts composed once: the parts are the same strings on every issuance, so the statement
     * is too, and the JDBC layers' statement caches find it without hashing its text again.
     */
    private final Map<List<String>, String> statements = new ConcurrentHashMap<>();

    IssuanceRecorder(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
            GroupCommitProperties groupCommit, MeterRegistry meters) {
        this.writes = new GroupCommit(jdbc, transactions, groupCommit.maxRecords(), meters);
    }

    @Override
    public void close() {
        writes.close();
    }

    /**
     * @param tokenWrite the write to the idempotency token, an insert or update that changes one row or none, or
     *                   null for a request without a token
     * @return false, having written nothing, when the token write changed no row (the claim was lost, or the token
     *         is held by another request)
     */
    boolean record(RowInsert certificate, RowInsert auditEvent, SqlStatement tokenWrite) {
        Map<String, Object> parameters = new HashMap<>(certificate.parameters());
        parameters.putAll(auditEvent.parameters());
        if (tokenWrite == null) {
            String statement = statements.computeIfAbsent(List.of(certificate.insert(), auditEvent.insert()),
                    parts -> "with certificate as (" + parts.get(0) + ") " + parts.get(1));
            writes.update(statement, parameters);
            return true;
        }
        parameters.putAll(tokenWrite.parameters());
        // The token write yields one row when it took place and none when it did not; both inserts select from
        // it, so they write their row exactly when the token is written, and the audit insert's count says which.
        // Foreign keys are checked at the end of the statement, when all three writes are there.
        String statement = statements.computeIfAbsent(List.of(tokenWrite.sql(),
                        certificate.insertSelectingFrom("completed"), auditEvent.insertSelectingFrom("completed")),
                parts -> "with completed as (" + parts.get(0) + " returning 1),"
                        + " certificate as (" + parts.get(1) + ") "
                        + parts.get(2));
        return writes.update(statement, parameters) == 1;
    }
}
