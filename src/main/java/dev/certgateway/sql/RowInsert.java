package dev.certgateway.sql;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * One row to insert, described rather than executed, so that the feature owning the table writes it alone and
 * another can chain it with other writes into a single statement (see {@link #insertSelectingFrom}). Every value
 * is cast to its column's type in the SQL, because inside {@code INSERT ... SELECT} PostgreSQL no longer infers
 * a parameter's type from the target column. Parameter names are prefixed with the table's, so rows of
 * different tables never collide in one statement.
 */
public final class RowInsert {

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<String> expressions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private RowInsert(String table) {
        this.table = table;
    }

    public static RowInsert into(String table) {
        return new RowInsert(table);
    }

    /** A {@code text} column. */
    public RowInsert text(String column, String value) {
        return value(column, "text", Types.VARCHAR, value);
    }

    /** A {@code uuid} column. */
    public RowInsert uuid(String column, UUID value) {
        return value(column, "uuid", Types.OTHER, value);
    }

    /** A {@code timestamptz} column; null stays null. */
    public RowInsert timestamptz(String column, Instant value) {
        return value(column, "timestamptz", Types.TIMESTAMP, value == null ? null : Timestamp.from(value));
    }

    /** A {@code text[]} column. */
    public RowInsert textArray(String column, List<String> values) {
        return value(column, "text[]", Types.ARRAY, values.toArray(String[]::new));
    }

    /** A {@code jsonb} column, from its JSON text. */
    public RowInsert jsonb(String column, String json) {
        return value(column, "jsonb", Types.VARCHAR, json);
    }

    /**
     * @param type    the column's PostgreSQL type, e.g. {@code uuid}, {@code text[]}, {@code jsonb}
     * @param sqlType the JDBC type the driver sends the value as (see {@link Types})
     */
    private RowInsert value(String column, String type, int sqlType, Object value) {
        String parameter = table + "__" + column;
        columns.add(column);
        expressions.add("cast(:" + parameter + " as " + type + ")");
        parameters.put(parameter, new SqlParameterValue(sqlType, value));
        return this;
    }

    public String table() {
        return table;
    }

    /** {@code insert into <table> (<columns>) values (<values>)}: the row on its own. */
    public String insert() {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", expressions) + ")";
    }

    /**
     * {@code insert into <table> (<columns>) select <values> from <source>}: the row once per row of
     * {@code source}, typically a preceding CTE that yields one row when the write may go ahead and none when it
     * may not.
     */
    public String insertSelectingFrom(String source) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") select "
                + String.join(", ", expressions) + " from " + source;
    }

    /** The named parameters of {@link #insert()} and {@link #insertSelectingFrom}. */
    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return parameters.keySet().stream().collect(Collectors.joining(", ", table + "[", "]"));
    }
}
