package org.itlgateway.gateway.leadership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** Two gateway instances of one registry on one PostgreSQL: one does the duties, the other takes over when it goes. */
class DutiesLeaseTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final DataSource server = TestDatabase.dataSource();
    private final String schema = "lease_test_" + SCHEMAS.incrementAndGet();

    @Test
    void ofTwoInstancesOfOneRegistryOnlyOneHoldsTheLeaseRoundAfterRound() {
        try (DutiesLease first = new DutiesLease(server, schema); DutiesLease second = new DutiesLease(server, schema)) {
            assertTrue(first.holds());
            assertFalse(second.holds());
            assertTrue(first.holds(), "still held in the next round");
            assertFalse(second.holds());
        }
    }

    @Test
    void whenTheHolderGivesTheLeaseUpTheOtherInstanceTakesItOver() {
        try (DutiesLease first = new DutiesLease(server, schema); DutiesLease second = new DutiesLease(server, schema)) {
            assertTrue(first.holds());
            assertFalse(second.holds());

            first.close();

            assertTrue(second.holds());
            assertFalse(first.holds());
        }
    }

    @Test
    void aHolderWhoseDatabaseSessionEndsLosesTheLeaseAndTheOtherInstanceTakesItOver() throws SQLException {
        try (DutiesLease first = new DutiesLease(server, schema); DutiesLease second = new DutiesLease(server, schema)) {
            assertTrue(first.holds());
            assertFalse(second.holds());

            assertEquals(1, terminateTheSessionHolding(schema), "the holder's session, as a crash or a restart ends it");

            assertTrue(second.holds());
            assertFalse(first.holds(), "the first instance noticed it lost the lease and does not take it back");
        }
    }

    @Test
    void theInstancesOfDifferentRegistriesOnOneServerEachHoldTheirOwnLease() {
        try (DutiesLease one = new DutiesLease(server, schema); DutiesLease other = new DutiesLease(server, schema + "_other")) {
            assertTrue(one.holds());
            assertTrue(other.holds());
        }
    }

    @Test
    void dutiesAreDoneOnlyWhereTheLeaseIsHeld() {
        AtomicInteger done = new AtomicInteger();
        try (DutiesLease first = new DutiesLease(server, schema); DutiesLease second = new DutiesLease(server, schema)) {
            LeasedDuties onFirst = new LeasedDuties(first, () -> done.incrementAndGet());
            LeasedDuties onSecond = new LeasedDuties(second, () -> done.incrementAndGet());
            assertEquals(1, onFirst.getAsInt());
            assertEquals(0, onSecond.getAsInt());
            assertEquals(1, done.get());
        }
    }

    /** Ends the session and waits (up to 10 s) until it has ended, so its advisory lock is gone when this returns. */
    private int terminateTheSessionHolding(String leaseSchema) throws SQLException {
        String sql = "SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND classid = ?::oid AND objid = ?::oid AND objsubid = 2";
        try (Connection connection = server.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, Integer.toUnsignedLong(DutiesLease.KEY_SPACE));
            statement.setLong(2, Integer.toUnsignedLong(DutiesLease.keyOf(leaseSchema)));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
