package org.itlgateway.gateway.evidence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.itlgateway.gateway.delivery.Inbox;
import org.itlgateway.gateway.delivery.Transactor;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.support.TestDatabase;

/**
 * A node in a process of its own, for {@link ArchiveCrashIT}: in one unit of work it stores a received message in
 * the inbox (the change) and appends its evidence record, as the inbox receiver does, and dies at once
 * ({@code Runtime.halt}: no rollback, no cleanup, as a power cut would) at the moment named.
 *
 * <pre>
 * HaltingArchiver JDBC_URL SCHEMA KEY after-change   halts once the inbox row is written, before its record
 * HaltingArchiver JDBC_URL SCHEMA KEY after-record   halts once both are written, before the commit
 * </pre>
 */
public final class HaltingArchiver {

    static final Instant AT = Instant.parse("2024-03-14T09:30:00Z");

    private HaltingArchiver() {
    }

    public static void main(String[] args) {
        Transactor transactor = TestDatabase.transactor(TestDatabase.open(args[0], args[1], 2));
        String key = args[2];
        boolean afterRecord = "after-record".equals(args[3]);
        transactor.inTransaction(connection -> {
            change(connection, key);
            if (afterRecord) {
                record(connection, key);
            }
            Runtime.getRuntime().halt(137);
            return null;
        });
        Runtime.getRuntime().halt(1); // not reached: the unit of work halts
    }

    /** The change: a received proposal stored in the inbox. */
    static void change(Connection connection, String key) throws SQLException {
        String payload = "<acceptProposal transaction=\"" + key + "\"/>";
        Inbox.record(connection, Operation.LOG_ACCEPT_PROPOSAL, "CDM", key, "digest-of-" + key, AT, payload,
                payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Its evidence record: the message as received, from whom. */
    static EvidenceRecord record(Connection connection, String key) throws SQLException {
        return EvidenceArchive.append(connection, EvidenceKind.MESSAGE_RECEIVED, AT, Operation.LOG_ACCEPT_PROPOSAL.name(),
                key, "CDM", ("<acceptProposal transaction=\"" + key + "\"/>").getBytes(StandardCharsets.UTF_8));
    }
}
