package dev.certgateway.issuance;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs single-statement writes that request threads hand in, all those that arrive while the previous
 * transaction is still committing in one transaction of their own: one round trip and one commit for many
 * issuances instead of one each. A synchronous commit costs the database a WAL flush, a wait and two context
 * switches whatever it writes, and on a busy gateway the next records are already waiting while one commits.
 * Every caller still returns only once its own statement has committed, so nothing is answered before it is
 * durable; a lone write goes alone, with no waiting for company.
 *
 * <p>There is no writer thread: the caller that finds no transaction in progress writes the batch itself (the
 * leader), and the callers that arrive meanwhile wait. When the leader's transaction has committed, it hands the
 * lead to the first caller still waiting, whose write then goes with all the others queued behind it, and only then
 * wakes the callers it wrote for. Handing every write to a thread of its own would cost two more thread switches
 * per transaction, and the leader's own request would wait to be woken like the others.
 *
 * <p>When a transaction fails because one of its statements failed (a constraint, a bad value), its statements
 * are run again, each in its own transaction, so that one bad write costs the others nothing and gets its own
 * error. When the database itself fails, every write of the transaction gets that failure at once.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int maxStatements;
    private final DistributionSummary statementsPerCommit;
    private final ReentrantLock lock = new ReentrantLock();
    /** Writes not yet taken into a transaction, oldest first; guarded by {@link #lock}. */
    private final ArrayDeque<Write> queue = new ArrayDeque<>();
    /** Whether a caller is writing a transaction; guarded by {@link #lock}. */
    private boolean writing;

    /**
     * @param maxStatements the most statements one transaction takes; 1 runs every write alone
     */
    GroupCommit(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, int maxStatements,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.maxStatements = maxStatements;
        this.statementsPerCommit = DistributionSummary.builder("certgw.issuance.records.per.commit")
                .description("Issuance records (certificate, audit event, token) written by one transaction")
                .register(meters);
    }

    /**
     * Runs one insert or update and returns once it has committed.
     *
     * @return the statement's update count
     * @throws DataAccessException when the statement failed or could not be committed; nothing of it was written
     */
    int update(String sql, Map<String, Object> parameters) {
        if (maxStatements == 1 || TransactionSynchronizationManager.isActualTransactionActive()) {
            // A caller inside a transaction of its own writes in it: the others' writes must not join it.
            statementsPerCommit.record(1);
            return alone(sql, parameters);
        }
        Write write = new Write(sql, parameters, Thread.currentThread());
        boolean lead;
        lock.lock();
        try {
            queue.add(write);
            lead = !writing;
            writing = true;
        } finally {
            lock.unlock();
        }
        if (!lead) {
            lead = write.awaitLeadOrOutcome();
        }
        if (lead) {
            writeUntilWritten(write);
        }
        return write.outcome();
    }

    /** Nothing to stop: every write is written by its own caller or by a caller waiting with it. */
    @Override
    public void close() {
    }

    /**
     * Writes transactions of queued writes until {@code own} is among the written, then hands the lead on. The next
     * leader is woken before the callers just written for, so that it is not queued for a CPU behind them while no
     * transaction is in progress (docs/performance.md, round 11, measured no rate gain from the order).
     */
    private void writeUntilWritten(Write own) {
        List<Write> written = List.of();
        Write next;
        try {
            while (!own.isDone()) {
                wake(written);
                List<Write> batch = new ArrayList<>();
                lock.lock();
                try {
                    while (batch.size() < maxStatements && !queue.isEmpty()) {
                        batch.add(queue.poll());
                    }
                } finally {
                    lock.unlock();
                }
                written = batch;
                try {
                    commit(batch);
                } catch (Throwable unexpected) {
                    // Every caller of the batch must get an answer, or it would wait forever.
                    log.error("Writing {} issuance records failed", batch.size(), unexpected);
                    batch.forEach(write -> write.fail(unexpected));
                }
            }
        } finally {
            lock.lock();
            try {
                if (!own.isDone()) {
                    // Something was thrown before its batch was taken: the caller gets that, and its write is not
                    // written later behind its back.
                    queue.remove(own);
                }
                next = queue.peek();
                writing = next != null;
            } finally {
                lock.unlock();
            }
            if (next != null) {
                next.lead();
            }
            wake(written);
        }
    }

    /** Wakes the callers whose writes are done; the leader's own write needs no waking. */
    private static void wake(List<Write> written) {
        for (Write write : written) {
            write.wake();
        }
    }

    private void commit(List<Write> batch) {
        statementsPerCommit.record(batch.size());
        if (batch.size() == 1) {
            Write write = batch.get(0);
            completeAlone(write);
            return;
        }
        int[] counts;
        try {
            counts = transactions.execute(status -> together(batch));
        } catch (DataAccessResourceFailureException | TransactionException e) {
            // The database, not a statement: running each alone would only wait for it once per write.
            batch.forEach(write -> write.fail(asDataAccess(e)));
            return;
        } catch (RuntimeException e) {
            batch.forEach(this::completeAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(counts[i]);
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

    private void completeAlone(Write write) {
        int count;
        try {
            count = alone(write.sql(), write.parameters());
        } catch (RuntimeException e) {
            write.fail(e);
            return;
        }
        write.succeed(count);
    }

    private int alone(String sql, Map<String, Object> parameters) {
        return jdbc.update(sql, parameters);
    }

    private static DataAccessException asDataAccess(RuntimeException e) {
        return e instanceof DataAccessException dataAccess ? dataAccess
                : new DataAccessResourceFailureException("The record's transaction failed: " + e.getMessage(), e);
    }

    /** One caller's statement, and what became of it. */
    private static final class Write {

        private static final int WAITING = 0;
        private static final int LEAD = 1;
        private static final int DONE = 2;

        private final String sql;
        private final Map<String, Object> parameters;
        private final Thread caller;
        // Written before state, read after it: the volatile write and read order them.
        private int count;
        private Throwable failure;
        private volatile int state = WAITING;

        Write(String sql, Map<String, Object> parameters, Thread caller) {
            this.sql = sql;
            this.parameters = parameters;
            this.caller = caller;
        }

        String sql() {
            return sql;
        }

        Map<String, Object> parameters() {
            return parameters;
        }

        boolean isDone() {
            return state == DONE;
        }

        // Only the leader completes writes, so checking before completing cannot race; the first outcome stands.
        void succeed(int updated) {
            if (!isDone()) {
                count = updated;
                finish();
            }
        }

        void fail(Throwable cause) {
            if (!isDone()) {
                failure = cause;
                finish();
            }
        }

        void lead() {
            state = LEAD;
            LockSupport.unpark(caller);
        }

        /** Done, but the caller is not woken yet: {@link #wake} does that, once the lead has been handed on. */
        private void finish() {
            state = DONE;
        }

        void wake() {
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }

        /**
         * Parks the caller until its write is done or it is handed the lead; interrupts are kept for later, as the
         * write goes ahead whatever happens to its caller and someone must take the lead when it is handed on.
         *
         * @return true when the caller is to lead
         */
        boolean awaitLeadOrOutcome() {
            boolean interrupted = false;
            int now;
            while ((now = state) == WAITING) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                caller.interrupt();
            }
            return now == LEAD;
        }

        int outcome() {
            if (failure == null) {
                return count;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
    }
}
