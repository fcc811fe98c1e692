package dev.certgateway.idempotency;

import dev.certgateway.sql.RowInsert;
import dev.certgateway.sql.SqlStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency tokens in PostgreSQL, the only state replicas share. Claiming is one atomic statement: the
 * insert wins when the token is new, and the conflict update wins only when the old entry has expired or its
 * claim was abandoned (lease over, same request). Everything else is decided by reading the entry that won.
 */
@Repository
public class IdempotencyStore {

    /**
     * Shared by both ways of claiming. The conflict update wins only when the old entry has expired (any request
     * may then use the token afresh, in a new window) or its claim was abandoned (lease over, same request: the
     * original window is kept). {@code excluded.created_at} is the claimant's "now".
     */
    private static final String TAKE_OVER_IF_FREE = """
            on conflict (team, token) do update set
                fingerprint = excluded.fingerprint,
                state = excluded.state,
                certificate_id = excluded.certificate_id,
                claim_id = excluded.claim_id,
                lease_until = excluded.lease_until,
                created_at = case when idempotency_token.expires_at <= excluded.created_at
                    then excluded.created_at else idempotency_token.created_at end,
                expires_at = case when idempotency_token.expires_at <= excluded.created_at
                    then excluded.expires_at else idempotency_token.expires_at end
            where idempotency_token.expires_at <= excluded.created_at
               or (idempotency_token.state = 'IN_PROGRESS' and idempotency_token.lease_until <= excluded.created_at
                   and idempotency_token.fingerprint = excluded.fingerprint)""";

    private static final String CLAIM = """
            insert into idempotency_token
                (team, token, fingerprint, state, claim_id, certificate_id, created_at, expires_at, lease_until)
            values (:team, :token, :fingerprint, 'IN_PROGRESS', :claimId, null, :now, :expiresAt, :leaseUntil)
            """ + TAKE_OVER_IF_FREE + " returning claim_id";

    private final JdbcClient jdbc;
    private final IdempotencyProperties properties;

    public IdempotencyStore(JdbcClient jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public ClaimResult claim(String team, String token, String fingerprint, Instant now) {
        // A lost race with the cleanup job (entry deleted between the claim and the read) just claims again.
        for (int attempt = 0; attempt < 3; attempt++) {
            UUID claimId = UUID.randomUUID();
            Optional<UUID> won = jdbc.sql(CLAIM)
                    .param("team", team)
                    .param("token", token)
                    .param("fingerprint", fingerprint)
                    .param("claimId", claimId)
                    .param("now", Timestamp.from(now))
                    .param("expiresAt", Timestamp.from(now.plus(properties.window())))
                    .param("leaseUntil", Timestamp.from(now.plus(properties.lease())))
                    .query(UUID.class)
                    .optional();
            if (won.isPresent()) {
                return new ClaimResult.Claimed(new Claim(team, token, claimId));
            }
            Optional<ClaimResult> held = heldBy(team, token, fingerprint, now);
            if (held.isPresent()) {
                return held.get();
            }
        }
        throw new IllegalStateException("Idempotency token " + token + " kept changing while being claimed");
    }

    /**
     * Claims the token and completes it with a certificate already in hand, in one write: for a certificate signed
     * in this process, which nobody outside has seen yet, so there is nothing to hold the token for while signing.
     * The token is inserted as completed, or takes over an entry that {@link #claim} could take over. With
     * {@code returning} appended it yields one row when the token now names the certificate and none when it does
     * not ({@link #heldBy} then says what holds it), so it can gate the statement that records the certificate.
     */
    public RowInsert completedClaim(String team, String token, String fingerprint, UUID certificateId,
            Instant now) {
        // The certificate's id doubles as the claim id: a completed token has no owner left to check.
        return RowInsert.into("idempotency_token")
                .text("team", team)
                .text("token", token)
                .text("fingerprint", fingerprint)
                .text("state", "COMPLETED")
                .uuid("claim_id", certificateId)
                .uuid("certificate_id", certificateId)
                .timestamptz("created_at", now)
                .timestamptz("expires_at", now.plus(properties.window()))
                .timestamptz("lease_until", now)
                .onConflict(TAKE_OVER_IF_FREE);
    }

    /**
     * What holds a token that could not be claimed: the same request's certificate, the same request still being
     * served, or a different request. Empty when the entry is gone (the cleanup job deleted it meanwhile), so
     * claiming again can win.
     */
    public Optional<ClaimResult> heldBy(String team, String token, String fingerprint, Instant now) {
        return jdbc.sql("""
                        select fingerprint, state, certificate_id, lease_until from idempotency_token
                        where team = :team and token = :token""")
                .param("team", team)
                .param("token", token)
                .query((rs, row) -> new Entry(rs.getString("fingerprint"), rs.getString("state"),
                        rs.getObject("certificate_id", UUID.class), rs.getTimestamp("lease_until").toInstant()))
                .optional()
                .map(entry -> entry.decide(fingerprint, now));
    }

    /**
     * Marks the token as having produced the certificate. False when the claim was lost (taken over after its
     * lease ran out): the caller must then not hand out its certificate.
     */
    public boolean complete(Claim claim, UUID certificateId) {
        SqlStatement completion = completion(claim, certificateId);
        return jdbc.sql(completion.sql()).params(completion.parameters()).update() == 1;
    }

    /**
     * The update {@link #complete} runs: it changes one row when the claim still holds and none when it was lost.
     * With {@code returning} appended it can gate a larger statement that writes the certificate only if the
     * claim held.
     */
    public SqlStatement completion(Claim claim, UUID certificateId) {
        return new SqlStatement("""
                update idempotency_token set state = 'COMPLETED', certificate_id = cast(? as uuid)
                where team = ? and token = ? and claim_id = cast(? as uuid) and state = 'IN_PROGRESS'""",
                List.of(certificateId, claim.team(), claim.token(), claim.claimId()));
    }

    /** Frees the token after a failure, so the client's retry can succeed. */
    public void release(Claim claim) {
        jdbc.sql("delete from idempotency_token where team = :team and token = :token and claim_id = :claimId"
                        + " and state = 'IN_PROGRESS'")
                .param("team", claim.team())
                .param("token", claim.token())
                .param("claimId", claim.claimId())
                .update();
    }

    /**
     * Deletes up to {@code batchSize} expired tokens. SKIP LOCKED lets every replica run this at once without
     * waiting on, or deleting twice, the rows another replica is already removing.
     */
    public int deleteExpired(Instant now, int batchSize) {
        return jdbc.sql("""
                        delete from idempotency_token where ctid in (
                            select ctid from idempotency_token where expires_at <= :now
                            order by expires_at limit :batchSize for update skip locked)""")
                .param("now", Timestamp.from(now))
                .param("batchSize", batchSize)
                .update();
    }

    private record Entry(String fingerprint, String state, UUID certificateId, Instant leaseUntil) {

        ClaimResult decide(String requestFingerprint, Instant now) {
            if (!fingerprint.equals(requestFingerprint)) {
                return new ClaimResult.Mismatch();
            }
            if (state.equals("COMPLETED")) {
                return new ClaimResult.Completed(certificateId);
            }
            Duration untilLeaseEnds = Duration.between(now, leaseUntil);
            return new ClaimResult.InProgress(untilLeaseEnds.compareTo(Duration.ofSeconds(1)) < 0
                    ? Duration.ofSeconds(1) : untilLeaseEnds.compareTo(Duration.ofSeconds(5)) > 0
                    ? Duration.ofSeconds(5) : untilLeaseEnds);
        }
    }
}
