package org.itlgateway.gateway.delivery;

/** Runs work in one database transaction: committed when it returns, rolled back when it throws. */
public interface Transactor {

    <T> T inTransaction(SqlWork<T> work);
}
