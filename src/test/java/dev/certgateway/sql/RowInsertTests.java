package dev.certgateway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.SqlParameterValue;

class RowInsertTests {

    private static RowInsert row(UUID id, String name) {
        return RowInsert.into("thing").uuid("id", id).text("name", name).textArray("tags", List.of("a", "b"))
                .timestamptz("at", null);
    }

    @Test
    void theStatementCastsEveryValueAndPrefixesEveryParameterWithTheTable() {
        RowInsert row = row(UUID.randomUUID(), "first");
        assertThat(row.insert()).isEqualTo("insert into thing (id, name, tags, at) values (cast(:thing__id as uuid),"
                + " cast(:thing__name as text), cast(:thing__tags as text[]), cast(:thing__at as timestamptz))");
        assertThat(row.insertSelectingFrom("gate")).isEqualTo("insert into thing (id, name, tags, at) select"
                + " cast(:thing__id as uuid), cast(:thing__name as text), cast(:thing__tags as text[]),"
                + " cast(:thing__at as timestamptz) from gate");
        assertThat(row.parameters()).containsOnlyKeys("thing__id", "thing__name", "thing__tags", "thing__at");
        SqlParameterValue name = (SqlParameterValue) row.parameters().get("thing__name");
        assertThat(name.getSqlType()).isEqualTo(Types.VARCHAR);
        assertThat(name.getValue()).isEqualTo("first");
        assertThat(((SqlParameterValue) row.parameters().get("thing__at")).getValue()).isNull();
    }

    /** Rows of one column list share their statement text, so statement caches find it by identity. */
    @Test
    void rowsWithTheSameColumnsShareTheirStatementTextAndKeepTheirOwnValues() {
        RowInsert first = row(UUID.randomUUID(), "first");
        RowInsert second = row(UUID.randomUUID(), "second");
        assertThat(second.insert()).isSameAs(first.insert());
        assertThat(second.insertSelectingFrom("gate")).isSameAs(first.insertSelectingFrom("gate"));
        assertThat(((SqlParameterValue) second.parameters().get("thing__name")).getValue()).isEqualTo("second");
        assertThat(((SqlParameterValue) first.parameters().get("thing__name")).getValue()).isEqualTo("first");

        RowInsert other = RowInsert.into("thing").uuid("id", UUID.randomUUID())
                .timestamptz("at", Instant.EPOCH);
        assertThat(other.insert()).isEqualTo("insert into thing (id, at) values (cast(:thing__id as uuid),"
                + " cast(:thing__at as timestamptz))");
    }
}
