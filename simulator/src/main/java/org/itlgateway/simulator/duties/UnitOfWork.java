package org.itlgateway.simulator.duties;

import java.sql.Connection;
import java.sql.SQLException;
import org.itlgateway.core.store.Database;

/** SQL on the connection of one unit of work on the ITL's database (joining the running one, if any). */
final class UnitOfWork {

    private final Database database;

    UnitOfWork(Database database) {
        this.database = database;
    }

    <T> T run(Work<T> work) {
        return database.call(() -> database.session().doReturningWork(work::run));
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
