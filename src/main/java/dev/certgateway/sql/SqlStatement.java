package dev.certgateway.sql;

import java.util.List;

/**
 * One SQL statement with positional parameters ({@code ?}), described rather than executed, so that another
 * feature can run it as part of a larger statement.
 */
public record SqlStatement(String sql, List<Object> parameters) {

    public SqlStatement {
        parameters = List.copyOf(parameters);
    }
}
