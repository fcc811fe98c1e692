package dev.certgateway.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.SqlParameterValue;

class RowInsertTests {

    private static final String ROW = "(cast(? as uuid), cast(? as text), cast(? as text[]), cast(? as timestamptz))";

    private static RowInsert row(UUID id, String name) {
        return RowInsert.into("thing").uuid("id", id).text("name", name).textArray("tags", List.of("a", "b"))
                .timestamptz("at", null);
    }

    @Test
    void theStatementCastsEveryValueAndTakesTheValuesInColumnOrder() {
        UUID id = UUID.randomUUID();
        RowInsert row = row(id, "first");
        assertThat(row.insert()).isEqualTo("insert into thing (id, name, tags, at) values " + ROW);
        assertThat(row.values()).extracting(SqlParameterValue::getSqlType)
                .containsExactly(Types.OTHER, Types.VARCHAR, Types.ARRAY, Types.TIMESTAMP);
        assertThat(row.values().get(0).getValue()).isEqualTo(id);
        assertThat(row.values().get(1).getValue()).isEqualTo("first");
        assertThat((String[]) row.values().get(2).getValue()).containsExactly("a", "b");
        assertThat(row.values().get(3).getValue()).isNull();
    }

    @Test
    void manyRowsOfOneLayoutGoInOneValuesList() {
        RowInsert row = row(UUID.randomUUID(), "first");
        assertThat(row.insertRows(3))
                .isEqualTo("insert into thing (id, name, tags, at) values " + ROW + ", " + ROW + ", " + ROW);
        assertThat(row.insertRowsWhere(2, "candidate.id in (select id from gate)"))
                .isEqualTo("insert into thing (id, name, tags, at) select * from (values " + ROW + ", " + ROW
                        + ") as candidate (id, name, tags, at) where candidate.id in (select id from gate)");
        assertThatThrownBy(() -> row.insertRows(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConflictClauseEndsEveryForm() {
        RowInsert row = row(UUID.randomUUID(), "first").onConflict("on conflict (id) do nothing");
        assertThat(row.insert()).isEqualTo("insert into thing (id, name, tags, at) values " + ROW
                + " on conflict (id) do nothing");
        assertThat(row.insertRows(2)).endsWith(ROW + ", " + ROW + " on conflict (id) do nothing");
        assertThat(row.insertRowsWhere(1, "true")).endsWith("where true on conflict (id) do nothing");
        assertThat(row.insert()).isNotEqualTo(row(UUID.randomUUID(), "plain").insert());
    }

    /** Rows of one column list share their statement text, so statement caches find it by identity. */
    @Test
    void rowsWithTheSameColumnsShareTheirStatementTextAndKeepTheirOwnValues() {
        RowInsert first = row(UUID.randomUUID(), "first");
        RowInsert second = row(UUID.randomUUID(), "second");
        assertThat(second.insert()).isSameAs(first.insert());
        assertThat(second.insertRows(5)).isSameAs(first.insertRows(5));
        assertThat(second.insertRowsWhere(5, "true")).isSameAs(first.insertRowsWhere(5, "true"));
        assertThat(second.values().get(1).getValue()).isEqualTo("second");
        assertThat(first.values().get(1).getValue()).isEqualTo("first");

        RowInsert other = RowInsert.into("thing").uuid("id", UUID.randomUUID())
                .timestamptz("at", Instant.EPOCH);
        assertThat(other.insert())
                .isEqualTo("insert into thing (id, at) values (cast(? as uuid), cast(? as timestamptz))");
    }
}
