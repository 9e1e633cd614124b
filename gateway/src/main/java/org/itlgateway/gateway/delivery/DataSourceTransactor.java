package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Transactions on connections of a pool, with the schema of the node set on each. */
public final class DataSourceTransactor implements Transactor {

    private final DataSource dataSource;
    private final String schema;

    public DataSourceTransactor(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            String previousSchema = connection.getSchema();
            connection.setAutoCommit(false);
            if (schema != null) {
                connection.setSchema(schema);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                if (schema != null) {
                    connection.setSchema(previousSchema);
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DeliveryStoreException("database transaction failed: " + e.getMessage(), e);
        }
    }
}
