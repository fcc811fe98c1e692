package dev.certgateway.sql;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * One row to insert, described rather than executed, so that the feature owning the table writes it alone and
 * another can write it together with other rows and other tables' rows in a single statement (see
 * {@link #insertRows} and {@link #insertRowsWhere}). Every value is cast to its column's type in the SQL, because
 * in a {@code VALUES} list that is selected from PostgreSQL no longer infers a parameter's type from the target
 * column. Parameters are positional ({@code ?}), in column order, row after row.
 */
public final class RowInsert {

    /**
     * The SQL text of every column list seen, built once per layout and row count: a row is inserted on every
     * issuance, and the same strings each time also let the JDBC layers' statement caches find them cheaply.
     */
    private static final Map<Layout.Key, Layout> LAYOUTS = new ConcurrentHashMap<>();

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<SqlParameterValue> values = new ArrayList<>();
    private String conflict = "";
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
     * What to do when a row conflicts with one already there: an {@code on conflict ...} clause, appended to every
     * form of the insert. It may refer to the proposed row as {@code excluded} and to the table by its name.
     */
    public RowInsert onConflict(String clause) {
        conflict = " " + clause;
        layout = null;
        return this;
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

    /**
     * {@code insert into <table> (<columns>) values (<values>)}, with the conflict clause if any: the row on its
     * own. Rows with the same columns, types and conflict clause get the same string, so it also tells which rows
     * can be inserted by one statement.
     */
    public String insert() {
        return insertRows(1);
    }

    /** {@code insert into <table> (<columns>) values (<row>), (<row>), ...}: {@code rows} rows of this layout. */
    public String insertRows(int rows) {
        return layout().forRows(rows).plain;
    }

    /**
     * {@code insert into <table> (<columns>) select * from (values (<row>), ...) as candidate (<columns>) where
     * <condition>}: those of {@code rows} rows of this layout for which {@code condition} holds. The condition
     * refers to a row's values as {@code candidate.<column>}.
     */
    public String insertRowsWhere(int rows, String condition) {
        return layout().forRows(rows).where(condition);
    }

    /** The values of every form of the insert, in the order of its parameters. */
    public List<SqlParameterValue> values() {
        return Collections.unmodifiableList(values);
    }

    private Layout layout() {
        if (layout == null) {
            layout = LAYOUTS.computeIfAbsent(new Layout.Key(table, List.copyOf(columns), List.copyOf(types), conflict),
                    Layout::new);
        }
        return layout;
    }

    @Override
    public String toString() {
        return table + columns;
    }

    private static final class Layout {

        record Key(String table, List<String> columns, List<String> types, String conflict) {
        }

        /** Statements for up to this many rows are kept; larger ones are rare and built when asked for. */
        private static final int CACHED_ROWS = 128;

        private final Key key;
        private final String columnList;
        private final String rowValues;
        private final Map<Integer, Statements> byRows = new ConcurrentHashMap<>();

        Layout(Key key) {
            this.key = key;
            List<String> expressions = new ArrayList<>();
            for (String type : key.types()) {
                expressions.add("cast(? as " + type + ")");
            }
            columnList = String.join(", ", key.columns());
            rowValues = "(" + String.join(", ", expressions) + ")";
        }

        String valuesList(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("An insert needs at least one row, not " + rows);
            }
            StringBuilder list = new StringBuilder((rowValues.length() + 2) * rows + 7).append("values ");
            for (int row = 0; row < rows; row++) {
                list.append(row == 0 ? "" : ", ").append(rowValues);
            }
            return list.toString();
        }

        Statements forRows(int rows) {
            if (rows > CACHED_ROWS) {
                return new Statements(this, rows);
            }
            return byRows.computeIfAbsent(rows, count -> new Statements(this, count));
        }

        /** The forms of the insert for one number of rows. */
        private static final class Statements {

            private final Layout layout;
            private final int rows;
            final String plain;
            private final Map<String, String> where = new ConcurrentHashMap<>();

            Statements(Layout layout, int rows) {
                this.layout = layout;
                this.rows = rows;
                plain = "insert into " + layout.key.table() + " (" + layout.columnList + ") "
                        + layout.valuesList(rows) + layout.key.conflict();
            }

            String where(String condition) {
                return where.computeIfAbsent(condition, kept -> "insert into " + layout.key.table() + " ("
                        + layout.columnList + ") select * from (" + layout.valuesList(rows) + ") as candidate ("
                        + layout.columnList + ") where " + kept + layout.key.conflict());
            }
        }
    }
}
