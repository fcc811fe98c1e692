package dev.certgateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certgateway.idempotency.Claim;
import dev.certgateway.idempotency.ClaimResult;
import dev.certgateway.idempotency.IdempotencyStore;
import dev.certgateway.inventory.CertificateInventory;
import dev.certgateway.inventory.CertificateStatus;
import dev.certgateway.inventory.IssuedCertificate;
import dev.certgateway.issuance.IssuanceRecorder.Record;
import dev.certgateway.issuance.IssuanceRecorder.RecordWriter;
import dev.certgateway.issuance.IssuanceRecorder.TokenWrite;
import dev.certgateway.testsupport.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statement that writes many issuance records at once, on the real database: each record is written whole or
 * not at all, according to its own token write, and every record of the statement in one transaction.
 */
class IssuanceRecorderIntegrationTests extends IntegrationTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CertificateInventory inventory;
    @Autowired
    IssuanceAudit audit;
    @Autowired
    IdempotencyStore tokens;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String team = "recorder-" + UUID.randomUUID();

    @Test
    void oneStatementWritesTheRecordsWhoseTokensItWritesAndNothingOfTheOthers() {
        RecordWriter writer = new RecordWriter(jdbc);
        Record holder = withNewToken("held");
        assertThat(writer.write(List.of(holder))).containsExactly(1);

        Record first = withNewToken("first");
        // The same token for a different request, within the holder's window: the token write does not take place.
        Record refused = withNewToken("held");
        Record last = withNewToken("last");
        Record fourth = withNewToken("fourth");
        assertThat(writer.kind(first)).isEqualTo(writer.kind(refused)).isEqualTo(writer.kind(last));

        assertThat(writer.write(List.of(first, refused, last, fourth))).containsExactly(1, 0, 1, 1);

        assertThat(certificates()).containsExactlyInAnyOrder(holder.certificateId(), first.certificateId(),
                last.certificateId(), fourth.certificateId());
        assertThat(issuedEvents()).containsExactlyInAnyOrder(holder.certificateId(), first.certificateId(),
                last.certificateId(), fourth.certificateId());
        assertThat(tokenNames("held")).isEqualTo(holder.certificateId());
        assertThat(tokenNames("first")).isEqualTo(first.certificateId());
        assertThat(tokenNames("last")).isEqualTo(last.certificateId());
        assertThat(jdbc.queryForObject(
                "select count(distinct xmin::text) from issued_certificate where id in (?, ?, ?)", Integer.class,
                first.certificateId(), last.certificateId(), fourth.certificateId())).isEqualTo(1);
    }

    @Test
    void recordsWithoutATokenAreAllWrittenByOneStatement() {
        RecordWriter writer = new RecordWriter(jdbc);
        List<Record> records = List.of(withoutToken(), withoutToken(), withoutToken());

        assertThat(writer.write(records)).containsExactly(1, 1, 1);

        List<UUID> ids = records.stream().map(Record::certificateId).toList();
        assertThat(certificates()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(issuedEvents()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(writer.kind(records.get(0))).isNotEqualTo(writer.kind(withNewToken("other")));
    }

    @Test
    void moreRecordsThanOneStatementTakesGoInSeveral() {
        RecordWriter writer = new RecordWriter(jdbc);
        Record holder = withNewToken("held");
        writer.write(List.of(holder));
        int count = IssuanceRecorder.MAX_RECORDS_PER_STATEMENT + 2;
        // One record in each statement finds its token held and is not written.
        List<Integer> refused = List.of(5, count - 1);
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(withNewToken(refused.contains(i) ? "held" : "many-" + i));
        }
        assertThat(writer.inOneStatement(IssuanceRecorder.MAX_RECORDS_PER_STATEMENT)).isTrue();
        assertThat(writer.inOneStatement(count)).isFalse();

        int[] counts = writer.write(records);

        for (int i = 0; i < count; i++) {
            assertThat(counts[i]).as("record " + i).isEqualTo(refused.contains(i) ? 0 : 1);
        }
        assertThat(certificates()).hasSize(count - refused.size() + 1);
        assertThat(jdbc.queryForObject(
                "select count(distinct xmin::text) from issued_certificate where team = ? and id <> ?", Integer.class,
                team, holder.certificateId())).isEqualTo(2);
    }

    /** Two records with one token in one statement fail it as a whole; group commit then writes each alone. */
    @Test
    void twoRecordsWithOneTokenFailTheirStatementAndWriteNothing() {
        RecordWriter writer = new RecordWriter(jdbc);
        Record twin = withNewToken("twin");
        Record other = withNewToken("twin");

        assertThatThrownBy(() -> writer.write(List.of(withNewToken("single"), twin, other)))
                .isInstanceOf(DataAccessException.class);

        assertThat(certificates()).isEmpty();
        assertThat(issuedEvents()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from idempotency_token where team = ?", Integer.class, team))
                .isZero();
    }

    @Test
    void aTokenUpdateGoesAloneAndWritesOnlyWhileItsClaimHolds() {
        RecordWriter writer = new RecordWriter(jdbc);
        Claim claim = ((ClaimResult.Claimed) tokens.claim(team, "claimed", "fingerprint", now)).claim();
        Record completing = withTokenCompletion(claim);
        Record lost = withTokenCompletion(new Claim(team, "claimed", UUID.randomUUID()));
        assertThat(writer.kind(completing)).isNotEqualTo(writer.kind(withTokenCompletion(claim)));

        assertThat(writer.write(List.of(lost))).containsExactly(0);
        assertThat(writer.write(List.of(completing))).containsExactly(1);

        assertThat(certificates()).containsExactly(completing.certificateId());
        assertThat(issuedEvents()).containsExactly(completing.certificateId());
        assertThat(tokenNames("claimed")).isEqualTo(completing.certificateId());
    }

    private Record withNewToken(String token) {
        UUID id = UUID.randomUUID();
        return record(id, new TokenWrite.Insert(tokens.completedClaim(team, token, "fingerprint-" + id, id, now)));
    }

    private Record withTokenCompletion(Claim claim) {
        UUID id = UUID.randomUUID();
        return record(id, new TokenWrite.Update(tokens.completion(claim, id)));
    }

    private Record withoutToken() {
        return record(UUID.randomUUID(), null);
    }

    private Record record(UUID id, TokenWrite tokenWrite) {
        IssuedCertificate certificate = new IssuedCertificate(id, "arn:aws:acm-pca:test:certificate/" + id, "test-ec",
                "arn:aws:acm-pca:test:authority/recorder", id.toString().replace("-", ""), team, team + "-user",
                "CN=" + id, List.of("DNS:" + id + ".example"), now, now.plus(Duration.ofDays(1)),
                "arn:aws:acm-pca:::template/EndEntityCertificate/V1", "SHA256WITHECDSA", "fingerprint",
                "certificate", "chain", List.of(), CertificateStatus.ISSUED, now);
        return new Record(id, inventory.row(certificate), audit.row(audit.issuedEvent(certificate)), tokenWrite);
    }

    private List<UUID> certificates() {
        return new ArrayList<>(jdbc.queryForList("select id from issued_certificate where team = ?", UUID.class,
                team));
    }

    private List<UUID> issuedEvents() {
        return jdbc.queryForList("select certificate_id from audit_event where team = ? and action = 'ISSUED'",
                UUID.class, team);
    }

    private UUID tokenNames(String token) {
        return jdbc.queryForObject("select certificate_id from idempotency_token where team = ? and token = ?",
                UUID.class, team, token);
    }
}
