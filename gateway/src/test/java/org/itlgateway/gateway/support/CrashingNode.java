package org.itlgateway.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.itlgateway.gateway.delivery.InboxReceiver;
import org.itlgateway.gateway.delivery.OutboundMessage;
import org.itlgateway.gateway.delivery.Outbox;
import org.itlgateway.gateway.delivery.OutboxSender;
import org.itlgateway.gateway.delivery.Peer;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.delivery.Transactor;
import org.itlgateway.gateway.inbound.HeaderChecks;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/**
 * A gateway in a process of its own, for the crash tests: it does part of its work and then dies at once
 * ({@code Runtime.halt}: no shutdown hooks, no cleanup), as a power cut would.
 *
 * <pre>
 * CrashingNode receive-then-die  JDBC_URL SCHEMA PORT PKI_DIR
 *     publishes the ITL's endpoint with the inbox but processes nothing; prints "READY"; the test kills it
 *     (SIGKILL) once it has the receipt
 * CrashingNode commit-then-die   JDBC_URL SCHEMA PKI_DIR
 *     commits a business change with a message in the outbox and halts before sending it
 * CrashingNode send-then-die     JDBC_URL SCHEMA PKI_DIR REGISTRY_ADDRESS
 *     sends the due outbox message and halts after the receipt arrives, before recording it
 * </pre>
 */
public final class CrashingNode {

    private CrashingNode() {
    }

    public static void main(String[] args) throws Exception {
        // The node's database as production opens it; a halt leaves it as a power cut would.
        org.itlgateway.core.store.Database database = TestDatabase.open(args[1], args[2], 2);
        Transactor transactor = TestDatabase.transactor(database);
        switch (args[0]) {
            case "receive-then-die" -> receiveThenDie(transactor, database.dataSource(), Integer.parseInt(args[3]),
                    java.nio.file.Path.of(args[4]));
            case "commit-then-die" -> commitThenDie(transactor);
            case "send-then-die" -> sendThenDie(transactor, java.nio.file.Path.of(args[3]), args[4]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void receiveThenDie(Transactor transactor, javax.sql.DataSource dataSource, int port,
                                       java.nio.file.Path pki) throws InterruptedException {
        InboxReceiver inbox = new InboxReceiver(new HeaderChecks("ITL", Set.of("CDM")::contains), transactor,
                query -> Receipt.time(Instant.now()));
        SoapEndpoints.publishTransactionLog("http://127.0.0.1:" + port + "/itl",
                new TransactionLogEndpoint(inbox, Clock.systemUTC()), signatures(pki, "ITL"), InboundLimits.defaults(),
                new org.itlgateway.gateway.delivery.PostgresSeenMessages(dataSource, Clock.systemUTC()));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void commitThenDie(Transactor transactor) {
        transactor.inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("create table if not exists business_change (note text)");
                statement.execute("insert into business_change values ('CDM9000001 finalised')");
            }
            DesTransactionNotification notification = new DesTransactionNotification();
            notification.setTransactionIdentifier("CDM9000001");
            notification.setTransactionStatus(4);
            notification.setStatusDateTime(Instant.parse("2024-03-14T09:30:00Z"));
            Outbox.enqueue(connection, OutboundMessage.of("CDM", "ITL", Wire.LOG_ACCEPT_NOTIFICATION, notification),
                    Instant.now());
            return null;
        });
        Runtime.getRuntime().halt(137);
    }

    private static void sendThenDie(Transactor transactor, java.nio.file.Path pki, String address) {
        // A delivery lane's first transaction leases the message; its second records the receipt, so the receipt is in
        // hand when the second begins: the process dies there.
        ThreadLocal<Integer> laneTransactions = ThreadLocal.withInitial(() -> 0);
        Transactor dyingAtTheReceipt = new Transactor() {
            @Override
            public <T> T inTransaction(org.itlgateway.gateway.delivery.SqlWork<T> work) {
                if (Thread.currentThread().getName().startsWith("outbox-lane-")) {
                    laneTransactions.set(laneTransactions.get() + 1);
                    if (laneTransactions.get() == 2) {
                        Runtime.getRuntime().halt(137);
                    }
                }
                return transactor.inTransaction(work);
            }
        };
        OutboxSender sender = new OutboxSender(dyingAtTheReceipt, code -> Optional.of(Peer.transactionLog("ITL", address)),
                signatures(pki, "CDM"), RetrySchedule.standard(), Clock.systemUTC(), Duration.ofSeconds(30));
        sender.deliverDue();
        Runtime.getRuntime().halt(0);
    }

    private static MessageSignatures signatures(java.nio.file.Path pki, String node) {
        Credential credential = PkiFiles.readCredential(pki.resolve(node + ".crt.pem"), pki.resolve(node + ".key.pem"));
        var anchor = PkiFiles.readCertificates(pki.resolve("ca.crt.pem")).get(0);
        var crl = PkiFiles.readCrl(pki.resolve("crl.pem"));
        return new MessageSignatures(new SigningSettings(credential, TrustSettings.of(anchor, () -> java.util.List.of(crl))));
    }
}
