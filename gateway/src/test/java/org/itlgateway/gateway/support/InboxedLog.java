package org.itlgateway.gateway.support;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.delivery.InboxReceiver;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.HeaderChecks;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;

/**
 * The ITL's TransactionLogService over real HTTP with the whole inbound pipeline and the gateway's inbox on a
 * schema of its own, for tests that send hostile messages and count what reached the inbox.
 */
public final class InboxedLog implements AutoCloseable {

    private static final Set<String> KNOWN = Set.of("CDM", "JP", "NZ", "GB", "CH", "CITL");

    private final String schema;
    private final Database database;
    private final String address;
    private Server server;

    private InboxedLog(String schema) {
        this.schema = schema;
        this.database = TestDatabase.open(schema, 4);
        this.address = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        publish();
    }

    /** An ITL on a fresh schema. */
    public static InboxedLog start() {
        return new InboxedLog(TestDatabase.freshSchemaName());
    }

    private void publish() {
        InboxReceiver receiver = new InboxReceiver(new HeaderChecks("ITL", KNOWN::contains), TestDatabase.transactor(database),
                query -> Receipt.time(Clock.systemUTC().instant()));
        server = SoapEndpoints.publishTransactionLog(address, new TransactionLogEndpoint(receiver, Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(), TestDatabase.seenMessages(schema));
    }

    /** A second instance of the same node: its own endpoint and process state, the same database schema. */
    public InboxedLog anotherInstance() {
        return new InboxedLog(schema);
    }

    /** Stops the endpoint and publishes a new one (a new process, as far as the endpoint knows) on the same schema. */
    public void restart() {
        server.destroy();
        publish();
    }

    public String address() {
        return address;
    }

    public String schema() {
        return schema;
    }

    /** Posts an envelope to acceptProposal as it is. */
    public HttpResponse<String> propose(String envelope) {
        return RawSoap.post(address, ProposalEnvelopes.ACCEPT_PROPOSAL, envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** How many messages the inbox holds. */
    public long inboxRows() {
        return TestDatabase.count(schema, "select count(*) from inbox_message");
    }

    /** How many messages of this transaction the inbox holds. */
    public long inboxRowsOf(String transactionId) {
        return TestDatabase.count(schema, "select count(*) from inbox_message where message_key = '"
                + transactionId.replace("'", "") + "'");
    }

    @Override
    public void close() {
        server.destroy();
        database.close();
    }
}
