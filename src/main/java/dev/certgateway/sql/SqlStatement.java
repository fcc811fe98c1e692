package dev.certgateway.sql;

import java.util.Map;

/**
 * One SQL statement with named parameters, described rather than executed, so that another feature can run it
 * as part of a larger statement.
 */
public record SqlStatement(String sql, Map<String, Object> parameters) {

    public SqlStatement {
        parameters = Map.copyOf(parameters);
    }
}
