package org.itlgateway.gateway.node;

import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.delivery.SqlWork;
import org.itlgateway.gateway.delivery.Transactor;

/**
 * The gateway's inbox and outbox in the same database transactions as the node's repositories: the JDBC work
 * runs on the connection of the unit of work's session, so a business change, the messages it sends and the
 * inbox mark commit together. Work started inside a running unit of work joins it.
 */
public final class DatabaseTransactor implements Transactor {

    private final Database database;

    public DatabaseTransactor(Database database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return database.call(() -> database.session().doReturningWork(work::run));
    }
}
