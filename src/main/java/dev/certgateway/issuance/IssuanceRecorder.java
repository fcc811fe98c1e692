package dev.certgateway.issuance;

import dev.certgateway.sql.RowInsert;
import dev.certgateway.sql.SqlStatement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes what a synchronous issuance leaves behind (the certificate, its ISSUED audit event and, with an
 * idempotency token, the token's completion) as one SQL statement: all or nothing, in one round trip and one
 * commit. The rows and the completion come from the features that own their tables; this class only chains them,
 * so that the certificate is written only if the token's claim still held.
 */
@Repository
class IssuanceRecorder {

    private final JdbcClient jdbc;

    IssuanceRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param tokenCompletion the token's completion, or null for a request without a token
     * @return false, having written nothing, when the claim was lost (another replica took the token over)
     */
    boolean record(RowInsert certificate, RowInsert auditEvent, SqlStatement tokenCompletion) {
        Map<String, Object> parameters = new HashMap<>(certificate.parameters());
        parameters.putAll(auditEvent.parameters());
        if (tokenCompletion == null) {
            jdbc.sql("with certificate as (" + certificate.insert() + ") " + auditEvent.insert())
                    .params(parameters)
                    .update();
            return true;
        }
        parameters.putAll(tokenCompletion.parameters());
        // The completion yields one row when the claim held and none when it was lost; both inserts select from
        // it, so they write their row exactly when the token is completed. Foreign keys are checked at the end of
        // the statement, when all three writes are there.
        String statement = "with completed as (" + tokenCompletion.sql() + " returning 1),"
                + " certificate as (" + certificate.insertSelectingFrom("completed") + "),"
                + " audit as (" + auditEvent.insertSelectingFrom("completed") + ")"
                + " select count(*) from completed";
        return jdbc.sql(statement).params(parameters).query(Integer.class).single() == 1;
    }
}
