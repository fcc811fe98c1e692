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
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs writes that request threads hand in, all those that arrive while the previous transaction is still
 * committing in one transaction of their own: one round trip and one commit for many issuances instead of one
 * each. A synchronous commit costs the database a WAL flush, a wait and two context switches whatever it writes,
 * and on a busy gateway the next records are already waiting while one commits. The writes of one kind go in one
 * statement ({@link Writer}), so that the database also starts and ends one statement per transaction rather than
 * one per write; a batch that is one statement needs no transaction around it, the statement being atomic by
 * itself, and saves the round trip of a separate commit. Every caller still returns only once its own write has
 * committed, so nothing is answered before it is durable; a lone write goes alone, with no waiting for company.
 *
 * <p>There is no writer thread: the caller that finds no transaction in progress writes the batch itself (the
 * leader), and the callers that arrive meanwhile wait. When the leader's transaction has committed, it hands the
 * lead to the first caller still waiting, whose write then goes with all the others queued behind it, and only then
 * wakes the callers it wrote for. Handing every write to a thread of its own would cost two more thread switches
 * per transaction, and the leader's own request would wait to be woken like the others.
 *
 * <p>When a transaction fails because one of its writes failed (a constraint, a bad value), its writes are run
 * again, each in its own transaction, so that one bad write costs the others nothing and gets its own error. When
 * the database itself fails, every write of the transaction gets that failure at once.
 */
final class GroupCommit<W> implements AutoCloseable {

    /** Turns writes into SQL: the only part of group commit that knows what is written. */
    interface Writer<W> {

        /** Writes of equal kinds can be written by one statement; a write of a kind of its own is written alone. */
        Object kind(W write);

        /**
         * Writes {@code writes}, all of one kind, inside the transaction (if any) of the calling thread: by one
         * statement when {@link #inOneStatement} says so for their number, otherwise by several.
         *
         * @return each write's update count, in the order of {@code writes}
         */
        int[] write(List<W> writes);

        /** Whether {@link #write} writes this many writes of one kind by a single statement. */
        boolean inOneStatement(int writes);
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Writer<W> writer;
    private final TransactionTemplate transactions;
    private final int maxWrites;
    private final DistributionSummary writesPerCommit;
    private final ReentrantLock lock = new ReentrantLock();
    /** Writes not yet taken into a transaction, oldest first; guarded by {@link #lock}. */
    private final ArrayDeque<Write<W>> queue = new ArrayDeque<>();
    /** Whether a caller is writing a transaction; guarded by {@link #lock}. */
    private boolean writing;

    /**
     * @param maxWrites the most writes one transaction takes; 1 runs every write alone
     */
    GroupCommit(Writer<W> writer, TransactionTemplate transactions, int maxWrites, MeterRegistry meters) {
        this.writer = writer;
        this.transactions = transactions;
        this.maxWrites = maxWrites;
        this.writesPerCommit = DistributionSummary.builder("certgw.issuance.records.per.commit")
                .description("Issuance records (certificate, audit event, token) written by one transaction")
                .register(meters);
    }

    /**
     * Writes one write and returns once it has committed.
     *
     * @return the write's update count
     * @throws DataAccessException when the write failed or could not be committed; nothing of it was written
     */
    int update(W payload) {
        if (maxWrites == 1 || TransactionSynchronizationManager.isActualTransactionActive()) {
            // A caller inside a transaction of its own writes in it: the others' writes must not join it.
            writesPerCommit.record(1);
            return alone(payload);
        }
        Write<W> write = new Write<>(payload, Thread.currentThread());
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
    private void writeUntilWritten(Write<W> own) {
        List<Write<W>> written = List.of();
        Write<W> next;
        try {
            while (!own.isDone()) {
                wake(written);
                List<Write<W>> batch = new ArrayList<>();
                lock.lock();
                try {
                    while (batch.size() < maxWrites && !queue.isEmpty()) {
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
    private static void wake(List<? extends Write<?>> written) {
        for (Write<?> write : written) {
            write.wake();
        }
    }

    private void commit(List<Write<W>> batch) {
        writesPerCommit.record(batch.size());
        if (batch.size() == 1) {
            Write<W> write = batch.get(0);
            completeAlone(write);
            return;
        }
        Map<Object, List<Integer>> byKind = byKind(batch);
        int[] counts;
        try {
            // One statement is atomic by itself: no transaction to begin and commit around it.
            counts = byKind.size() == 1 && writer.inOneStatement(batch.size()) ? together(batch, byKind)
                    : transactions.execute(status -> together(batch, byKind));
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

    /** The indexes in the batch of the writes of each kind, in the order of the batch. */
    private Map<Object, List<Integer>> byKind(List<Write<W>> batch) {
        Map<Object, List<Integer>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byKind.computeIfAbsent(writer.kind(batch.get(i).payload()), kind -> new ArrayList<>()).add(i);
        }
        return byKind;
    }

    /** The update counts in the order of the batch; the writes of each kind go to the writer together. */
    private int[] together(List<Write<W>> batch, Map<Object, List<Integer>> byKind) {
        int[] counts = new int[batch.size()];
        byKind.values().forEach(indexes -> {
            List<W> writes = new ArrayList<>(indexes.size());
            for (int index : indexes) {
                writes.add(batch.get(index).payload());
            }
            int[] updated = writer.write(writes);
            for (int j = 0; j < updated.length; j++) {
                counts[indexes.get(j)] = updated[j];
            }
        });
        return counts;
    }

    private void completeAlone(Write<W> write) {
        int count;
        try {
            count = alone(write.payload());
        } catch (RuntimeException e) {
            write.fail(e);
            return;
        }
        write.succeed(count);
    }

    private int alone(W payload) {
        return writer.write(List.of(payload))[0];
    }

    private static DataAccessException asDataAccess(RuntimeException e) {
        return e instanceof DataAccessException dataAccess ? dataAccess
                : new DataAccessResourceFailureException("The record's transaction failed: " + e.getMessage(), e);
    }

    /** One caller's write, and what became of it. */
    private static final class Write<W> {

        private static final int WAITING = 0;
        private static final int LEAD = 1;
        private static final int DONE = 2;

        private final W payload;
        private final Thread caller;
        // Written before state, read after it: the volatile write and read order them.
        private int count;
        private Throwable failure;
        private volatile int state = WAITING;

        Write(W payload, Thread caller) {
            this.payload = payload;
            this.caller = caller;
        }

        W payload() {
            return payload;
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
