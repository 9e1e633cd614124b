package org.itlgateway.core.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.store.Database;

/**
 * Plain SQL through the session of the running unit of work: queries read into a list, updates answer how many
 * rows they changed. Each call joins the running unit of work or runs in its own.
 */
final class Statements {

    private Statements() {
    }

    /** The rows {@code sql} selects, each read by {@code row}. */
    static <T> List<T> query(Database database, String sql, Parameters parameters, Row<T> row) {
        return database.call(() -> database.session().doReturningWork(connection -> {
            List<T> read = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        read.add(row.read(rows));
                    }
                }
            }
            return read;
        }));
    }

    /** Runs {@code sql}; answers the number of rows it changed. */
    static int update(Database database, String sql, Parameters parameters) {
        return database.call(() -> database.session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return statement.executeUpdate();
            }
        }));
    }

    /** Binds the parameters of a statement. */
    @FunctionalInterface
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }
}
