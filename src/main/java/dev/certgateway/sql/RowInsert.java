package dev.certgateway.sql;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * One row to insert, described rather than executed, so that the feature owning the table writes it alone and
 * another can chain it with other writes into a single statement (see {@link #insertSelectingFrom}). Every value
 * is cast to its column's type in the SQL, because inside {@code INSERT ... SELECT} PostgreSQL no longer infers
 * a parameter's type from the target column. Parameter names are prefixed with the table's, so rows of
 * different tables never collide in one statement.
 */
public final class RowInsert {

    /**
     * The SQL text and parameter names of every column list seen, built once: a row is inserted on every
     * issuance, and the same strings each time also let the JDBC layers' statement caches find them cheaply.
     */
    private static final Map<Layout.Key, Layout> LAYOUTS = new ConcurrentHashMap<>();

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<SqlParameterValue> values = new ArrayList<>();
    private Layout layout;

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
        columns.add(column);
        types.add(type);
        values.add(new SqlParameterValue(sqlType, value));
        layout = null;
        return this;
    }

    public String table() {
        return table;
    }

    /** {@code insert into <table> (<columns>) values (<values>)}: the row on its own. */
    public String insert() {
        return layout().insert;
    }

    /**
     * {@code insert into <table> (<columns>) select <values> from <source>}: the row once per row of
     * {@code source}, typically a preceding CTE that yields one row when the write may go ahead and none when it
     * may not.
     */
    public String insertSelectingFrom(String source) {
        Layout current = layout();
        return current.selectingFrom.computeIfAbsent(source,
                from -> "insert into " + table + " (" + current.columnList + ") select " + current.valueList
                        + " from " + from);
    }

    /** The named parameters of {@link #insert()} and {@link #insertSelectingFrom}. */
    public Map<String, Object> parameters() {
        String[] names = layout().parameterNames;
        Map<String, Object> parameters = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            parameters.put(names[i], values.get(i));
        }
        return parameters;
    }

    private Layout layout() {
        if (layout == null) {
            layout = LAYOUTS.computeIfAbsent(new Layout.Key(table, List.copyOf(columns), List.copyOf(types)),
                    Layout::new);
        }
        return layout;
    }

    @Override
    public String toString() {
        return table + columns;
    }

    private static final class Layout {

        record Key(String table, List<String> columns, List<String> types) {
        }

        final String[] parameterNames;
        final String columnList;
        final String valueList;
        final String insert;
        final Map<String, String> selectingFrom = new ConcurrentHashMap<>();

        Layout(Key key) {
            parameterNames = new String[key.columns().size()];
            List<String> expressions = new ArrayList<>();
            for (int i = 0; i < parameterNames.length; i++) {
                parameterNames[i] = key.table() + "__" + key.columns().get(i);
                expressions.add("cast(:" + parameterNames[i] + " as " + key.types().get(i) + ")");
            }
            columnList = String.join(", ", key.columns());
            valueList = String.join(", ", expressions);
            insert = "insert into " + key.table() + " (" + columnList + ") values (" + valueList + ")";
        }
    }
}
