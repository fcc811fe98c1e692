package dev.certgateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certgateway.testsupport.IntegrationTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit on the real database: which writes share a transaction is read from PostgreSQL itself (rows
 * written by one transaction carry the same {@code xmin}). A test holds a lock on the table so that the first
 * write waits, and the ones handed in meanwhile queue behind it.
 */
class GroupCommitIntegrationTests extends IntegrationTestSupport {


    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private GroupCommit<ProbeRow> writes;

    @BeforeEach
    void probeTable() {
        jdbc.getJdbcTemplate().execute("drop table if exists group_commit_probe");
        jdbc.getJdbcTemplate().execute("create table group_commit_probe (id int primary key, note text not null)");
        writes = new GroupCommit<>(new ProbeRowWriter(jdbc.getJdbcTemplate()), transactions, 64,
                new SimpleMeterRegistry());
    }

    @AfterEach
    void dropProbeTable() {
        writes.close();
        callers.shutdownNow();
        jdbc.getJdbcTemplate().execute("drop table if exists group_commit_probe");
    }

    @Test
    void writesHandedInWhileATransactionCommitsShareTheNextOne() throws Exception {
        List<Future<Integer>> queued = new ArrayList<>();
        Future<Integer> first;
        try (Connection blocker = lock("group_commit_probe")) {
            first = callers.submit(() -> writes.update(row(1)));
            awaitWaitingForLock("group_commit_probe");
            for (int id = 2; id <= 5; id++) {
                ProbeRow row = row(id);
                queued.add(callers.submit(() -> writes.update(row)));
            }
            awaitFollowersWaiting(4);
            blocker.rollback();
        }

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> write : queued) {
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(transactionOf(2)).isEqualTo(transactionOf(3)).isEqualTo(transactionOf(4))
                .isEqualTo(transactionOf(5)).isNotEqualTo(transactionOf(1));
    }

    /**
     * A batch whose writes go in one statement commits without a transaction around it (the statement is atomic by
     * itself); a batch that takes more statements commits them in one transaction.
     */
    @Test
    void aBatchInOneStatementNeedsNoTransactionAndOneInSeveralGetsOne() throws Exception {
        ProbeRowWriter oneStatement = new ProbeRowWriter(jdbc.getJdbcTemplate(), 8, new CopyOnWriteArrayList<>());
        writeABatch(oneStatement, List.of(row(2), row(3), row(4)));
        assertThat(oneStatement.inTransaction()).containsExactly(false, false);

        ProbeRowWriter twoKinds = new ProbeRowWriter(jdbc.getJdbcTemplate(), 8, new CopyOnWriteArrayList<>());
        writeABatch(twoKinds, List.of(row(12), rowUnlessPresent(13), row(14)));
        assertThat(twoKinds.inTransaction()).containsExactly(false, true, true);

        ProbeRowWriter smallStatements = new ProbeRowWriter(jdbc.getJdbcTemplate(), 2, new CopyOnWriteArrayList<>());
        writeABatch(smallStatements, List.of(row(22), row(23), row(24)));
        assertThat(smallStatements.inTransaction()).containsExactly(false, true);
        assertThat(jdbc.getJdbcTemplate().queryForObject("select count(*) from group_commit_probe", Integer.class))
                .isEqualTo(12);
    }

    /**
     * Writes {@code batch} as one batch: a first write waits for the table's lock while the batch queues behind it.
     * The first write is noted as its writer's first statement, outside a transaction.
     */
    private void writeABatch(ProbeRowWriter writer, List<ProbeRow> batch) throws Exception {
        GroupCommit<ProbeRow> group = new GroupCommit<>(writer, transactions, 64, new SimpleMeterRegistry());
        int first = batch.get(0).id() - 1;
        List<Future<Integer>> queued = new ArrayList<>();
        try (Connection blocker = lock("group_commit_probe")) {
            Future<Integer> leader = callers.submit(() -> group.update(row(first)));
            awaitWaitingForLock("group_commit_probe");
            for (ProbeRow row : batch) {
                queued.add(callers.submit(() -> group.update(row)));
            }
            awaitFollowersWaiting(batch.size());
            blocker.rollback();
            assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        for (Future<Integer> write : queued) {
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void aFailingWriteFailsAloneAndEveryWriteGetsItsOwnCount() throws Exception {
        writes.update(row(1));
        Future<Integer> duplicate;
        Future<Integer> unchanged;
        Future<Integer> fresh;
        try (Connection blocker = lock("group_commit_probe")) {
            Future<Integer> first = callers.submit(() -> writes.update(row(10)));
            awaitWaitingForLock("group_commit_probe");
            duplicate = callers.submit(() -> writes.update(row(1)));
            unchanged = callers.submit(() -> writes.update(rowUnlessPresent(1)));
            fresh = callers.submit(() -> writes.update(row(11)));
            awaitFollowersWaiting(3);
            blocker.rollback();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }

        assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(unchanged.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(fresh.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(jdbc.getJdbcTemplate().queryForList("select id from group_commit_probe order by id", Integer.class))
                .containsExactly(1, 10, 11);
    }

    /**
     * Many callers at once, each leading a transaction or waiting for one: every write commits exactly once,
     * every caller gets its own count back, and the callers that came together shared transactions. A lead that
     * is handed to no one, or a caller that is never woken, would leave callers waiting past the deadline.
     */
    @Test
    void manyCallersAtOnceEachGetTheirWriteCommittedOnce() throws Exception {
        int callersCount = 8;
        int writesEach = 150;
        List<Future<List<Integer>>> counts = new ArrayList<>();
        for (int caller = 0; caller < callersCount; caller++) {
            int first = caller * writesEach;
            counts.add(callers.submit(() -> {
                List<Integer> own = new ArrayList<>();
                for (int id = first; id < first + writesEach; id++) {
                    own.add(writes.update(id % 3 == 0 ? rowUnlessPresent(id) : row(id)));
                }
                return own;
            }));
        }

        for (Future<List<Integer>> own : counts) {
            assertThat(own.get(60, TimeUnit.SECONDS)).hasSize(writesEach).containsOnly(1);
        }
        assertThat(jdbc.getJdbcTemplate().queryForObject("select count(*) from group_commit_probe", Integer.class))
                .isEqualTo(callersCount * writesEach);
        assertThat(jdbc.getJdbcTemplate().queryForObject(
                "select count(distinct xmin::text) from group_commit_probe", Integer.class))
                .isLessThan(callersCount * writesEach);
    }

    /**
     * A caller inside a transaction of its own writes in it and alone: were it handed the lead, the writes queued
     * with it would join its transaction and be rolled back with it after their callers were told they committed.
     */
    @Test
    void aCallerInItsOwnTransactionWritesAloneInItAndNoOtherWriteJoinsIt() throws Exception {
        Future<Integer> first;
        Future<Integer> inTransaction;
        Future<Integer> queued;
        try (Connection blocker = lock("group_commit_probe")) {
            first = callers.submit(() -> writes.update(row(1)));
            awaitWaitingForLock("group_commit_probe");
            inTransaction = callers.submit(() -> transactions.execute(status -> {
                int count = writes.update(row(2));
                status.setRollbackOnly();
                return count;
            }));
            awaitWaitingForTheLockOrAFollower(2);
            queued = callers.submit(() -> writes.update(row(3)));
            awaitWaitingForTheLockOrAFollower(3);
            blocker.rollback();
        }

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(inTransaction.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(jdbc.getJdbcTemplate().queryForList("select id from group_commit_probe order by id", Integer.class))
                .containsExactly(1, 3);
    }

    @Test
    void withOneRecordPerTransactionEveryWriteCommitsAloneInItsCallersThread() throws Exception {
        GroupCommit<ProbeRow> single = new GroupCommit<>(new ProbeRowWriter(jdbc.getJdbcTemplate()), transactions, 1,
                new SimpleMeterRegistry());
        try {
            List<CompletableFuture<Integer>> written = new ArrayList<>();
            for (int id = 1; id <= 4; id++) {
                ProbeRow row = row(id);
                written.add(CompletableFuture.supplyAsync(() -> single.update(row), callers));
            }
            for (CompletableFuture<Integer> write : written) {
                assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(jdbc.getJdbcTemplate().queryForObject(
                    "select count(distinct xmin::text) from group_commit_probe", Integer.class)).isEqualTo(4);
        } finally {
            single.close();
        }
    }

    @Test
    void writesHandedInAfterCloseStillCommit() {
        writes.close();
        assertThat(writes.update(row(7))).isEqualTo(1);
        assertThat(jdbc.getJdbcTemplate().queryForObject("select note from group_commit_probe where id = 7",
                String.class)).isEqualTo("row 7");
    }

    /**
     * Two identical requests with one idempotency token whose records share a transaction: the second statement
     * sees the first one's token and writes nothing, so both callers get the one certificate.
     */
    @Test
    void identicalRequestsRecordedInOneTransactionGetTheOneCertificate() throws Exception {
        String team = "group-" + UUID.randomUUID();
        Map<String, Object> twin = oneDayRequest("twin.example", "twin-1");
        Future<Response> first;
        List<Future<Response>> twins = new ArrayList<>();
        try (Connection blocker = lock("audit_event")) {
            first = callers.submit(() -> post("/api/v1/certificates", token(team),
                    oneDayRequest("first.example", null)));
            awaitWaitingForLock("audit_event");
            for (int i = 0; i < 2; i++) {
                twins.add(callers.submit(() -> post("/api/v1/certificates", token(team), twin)));
            }
            awaitFollowersWaiting(2);
            blocker.rollback();
        }

        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : twins) {
            answers.add(answer.get(10, TimeUnit.SECONDS));
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(answers.stream().map(answer -> answer.json().get("id").asString()).distinct()).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.header("Idempotent-Replayed") == null)).hasSize(1);
        assertThat(jdbc.getJdbcTemplate().queryForObject("select count(*) from issued_certificate where team = ?",
                Integer.class, team)).isEqualTo(2);
    }

    private static ProbeRow row(int id) {
        return new ProbeRow(id, "row " + id, false);
    }

    private static ProbeRow rowUnlessPresent(int id) {
        return new ProbeRow(id, "row " + id, true);
    }

    /** A row of the probe table; {@code unlessPresent} skips it, rather than failing, when its id is taken. */
    private record ProbeRow(int id, String note, boolean unlessPresent) {
    }

    /**
     * Writes probe rows as the issuance records are written: all rows of a kind by one multi-row insert, at most
     * {@code rowsPerStatement} of them. Notes, for every statement, whether it ran inside a transaction.
     */
    private record ProbeRowWriter(JdbcTemplate jdbc, int rowsPerStatement, List<Boolean> inTransaction)
            implements GroupCommit.Writer<ProbeRow> {

        ProbeRowWriter(JdbcTemplate jdbc) {
            this(jdbc, Integer.MAX_VALUE, new CopyOnWriteArrayList<>());
        }

        @Override
        public Object kind(ProbeRow row) {
            return row.unlessPresent();
        }

        @Override
        public boolean inOneStatement(int rows) {
            return rows <= rowsPerStatement;
        }

        @Override
        public int[] write(List<ProbeRow> rows) {
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            StringBuilder sql = new StringBuilder("insert into group_commit_probe (id, note) values ");
            List<Object> parameters = new ArrayList<>();
            for (ProbeRow row : rows) {
                sql.append(parameters.isEmpty() ? "(?, ?)" : ", (?, ?)");
                parameters.add(row.id());
                parameters.add(row.note());
            }
            if (rows.get(0).unlessPresent()) {
                sql.append(" on conflict (id) do nothing");
            }
            sql.append(" returning id");
            List<Integer> written = jdbc.queryForList(sql.toString(), Integer.class, parameters.toArray());
            return rows.stream().mapToInt(row -> written.contains(row.id()) ? 1 : 0).toArray();
        }
    }

    /** A transaction holding a lock that every insert into {@code table} waits for until it ends. */
    private Connection lock(String table) throws Exception {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + table + " in share mode");
        }
        return connection;
    }

    private void awaitWaitingForLock(String table) throws InterruptedException {
        awaitTrue(() -> jdbc.getJdbcTemplate().queryForObject(
                "select count(*) from pg_locks where relation = cast(? as regclass) and not granted",
                Integer.class, table) == 1);
    }

    /** Waits until {@code count} callers wait, either for the table's lock in the database or parked as followers. */
    private void awaitWaitingForTheLockOrAFollower(int count) throws InterruptedException {
        awaitTrue(() -> jdbc.getJdbcTemplate().queryForObject(
                "select count(*) from pg_locks where relation = cast(? as regclass) and not granted",
                Integer.class, "group_commit_probe") + followersWaiting() == count);
    }

    /**
     * Waits until {@code count} callers wait for the one whose write waits for the lock: they are parked, queued
     * behind its transaction.
     */
    private void awaitFollowersWaiting(int count) throws InterruptedException {
        awaitTrue(() -> followersWaiting() == count);
    }

    /** Callers parked in {@link GroupCommit#update} until their write is written or they are handed the lead. */
    private static long followersWaiting() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getState() == Thread.State.WAITING)
                .filter(thread -> List.of(thread.getValue()).stream()
                        .anyMatch(frame -> frame.getMethodName().equals("update")
                                && frame.getClassName().equals(GroupCommit.class.getName())))
                .count();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(10);
        }
    }

    private String transactionOf(int id) {
        return jdbc.getJdbcTemplate().queryForObject("select xmin::text from group_commit_probe where id = ?",
                String.class, id);
    }
}
