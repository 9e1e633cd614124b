package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one database connection inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
