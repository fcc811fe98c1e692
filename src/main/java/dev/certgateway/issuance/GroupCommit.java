package dev.certgateway.issuance;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs single-statement writes that request threads hand in, all those that arrive while the previous
 * transaction is still committing in one transaction of their own: one round trip and one commit for many
 * issuances instead of one each. A synchronous commit costs the database a WAL flush, a wait and two context
 * switches whatever it writes, and on a busy gateway the next records are already waiting while one commits.
 * Every caller still returns only once its own statement has committed, so nothing is answered before it is
 * durable; a lone write goes alone, with no waiting for company.
 *
 * <p>One writer thread owns the transactions. When a transaction fails because one of its statements failed
 * (a constraint, a bad value), its statements are run again, each in its own transaction, so that one bad write
 * costs the others nothing and gets its own error. When the database itself fails, every write of the
 * transaction gets that failure at once.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int maxStatements;
    private final DistributionSummary statementsPerCommit;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;

    /**
     * @param maxStatements the most statements one transaction takes; 1 runs every write alone, in its caller's
     *                      thread
     */
    GroupCommit(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, int maxStatements,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.maxStatements = maxStatements;
        this.statementsPerCommit = DistributionSummary.builder("certgw.issuance.records.per.commit")
                .description("Issuance records (certificate, audit event, token) written by one transaction")
                .register(meters);
        if (maxStatements > 1) {
            writer = new Thread(this::writeUntilClosed, "group-commit");
            writer.setDaemon(true);
            writer.start();
        } else {
            writer = null;
        }
    }

    /**
     * Runs one insert or update and returns once it has committed.
     *
     * @return the statement's update count
     * @throws DataAccessException when the statement failed or could not be committed; nothing of it was written
     */
    int update(String sql, Map<String, Object> parameters) {
        if (writer == null || !open) {
            return alone(sql, parameters);
        }
        Write write = new Write(sql, parameters, new CompletableFuture<>());
        queue.add(write);
        while (true) {
            try {
                return write.result().get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // Only a write that slipped in while the writer was closing is still queued: run it here.
                if (!writer.isAlive() && queue.remove(write)) {
                    return alone(sql, parameters);
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // The write may still commit; the caller cannot learn whether it did, as when a connection drops.
                throw new DataAccessResourceFailureException("Interrupted while the record was being written", e);
            }
        }
    }

    /** Stops taking writes; those already handed in are written first. */
    @Override
    public void close() {
        open = false;
        if (writer != null) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeUntilClosed() {
        // Never interrupted: an interrupt could break a connection in the middle of a commit.
        while (true) {
            Write first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                if (!open) {
                    return;
                }
                continue;
            }
            List<Write> batch = new ArrayList<>();
            batch.add(first);
            queue.drainTo(batch, maxStatements - 1);
            try {
                commit(batch);
            } catch (Throwable unexpected) {
                // The writer must outlive anything one batch throws, or every later request would wait forever.
                log.error("Writing {} issuance records failed", batch.size(), unexpected);
                batch.forEach(write -> write.result().completeExceptionally(unexpected));
            }
        }
    }

    private void commit(List<Write> batch) {
        statementsPerCommit.record(batch.size());
        if (batch.size() == 1) {
            Write write = batch.get(0);
            complete(write, () -> alone(write.sql(), write.parameters()));
            return;
        }
        int[] counts;
        try {
            counts = transactions.execute(status -> together(batch));
        } catch (DataAccessResourceFailureException | TransactionException e) {
            // The database, not a statement: running each alone would only wait for it once per write.
            batch.forEach(write -> write.result().completeExceptionally(asDataAccess(e)));
            return;
        } catch (RuntimeException e) {
            batch.forEach(write -> complete(write, () -> alone(write.sql(), write.parameters())));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(counts[i]);
        }
    }

    /**
     * The update counts in the order of the batch; statements with the same text go to the database as one JDBC
     * batch, in one round trip.
     */
    private int[] together(List<Write> batch) {
        Map<String, List<Integer>> bySql = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            bySql.computeIfAbsent(batch.get(i).sql(), sql -> new ArrayList<>()).add(i);
        }
        int[] counts = new int[batch.size()];
        bySql.forEach((sql, indexes) -> {
            SqlParameterSource[] parameters = new SqlParameterSource[indexes.size()];
            for (int j = 0; j < parameters.length; j++) {
                parameters[j] = new MapSqlParameterSource(batch.get(indexes.get(j)).parameters());
            }
            int[] updated = jdbc.batchUpdate(sql, parameters);
            for (int j = 0; j < updated.length; j++) {
                counts[indexes.get(j)] = updated[j];
            }
        });
        return counts;
    }

    private int alone(String sql, Map<String, Object> parameters) {
        return jdbc.update(sql, parameters);
    }

    private static void complete(Write write, IntSupplier statement) {
        try {
            write.result().complete(statement.getAsInt());
        } catch (RuntimeException e) {
            write.result().completeExceptionally(e);
        }
    }

    private static DataAccessException asDataAccess(RuntimeException e) {
        return e instanceof DataAccessException dataAccess ? dataAccess
                : new DataAccessResourceFailureException("The record's transaction failed: " + e.getMessage(), e);
    }

    private record Write(String sql, Map<String, Object> parameters, CompletableFuture<Integer> result) {
    }
}
