package org.itlgateway.simulator.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.delivery.GatewaySchema;
import org.itlgateway.gateway.delivery.InboxReceiver;
import org.itlgateway.gateway.delivery.PostgresSeenMessages;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.HeaderChecks;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.node.DatabaseTransactor;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.itlgateway.gateway.wire.EnvelopeMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesMessageHeader;

/**
 * What the evidence archive costs the gateway scenario (signed inbound proposals, full pipeline, inbox on PostgreSQL
 * with durable commits): two endpoints in one JVM, alike but for the archive, one appending each received message
 * to the evidence archive in the inbox's transaction as every node does, the other assembled without it
 * ({@link InboxReceiver#withoutEvidenceArchiveForBenchmark}), each on a schema of its own in the same PostgreSQL.
 * They are measured in alternating rounds (with, without; then without, with; ...), so what the shared machine does
 * meanwhile falls on both alike; each side's rounds are summed into one measurement.
 */
final class EvidenceBench {

    static final String WITH = "full pipeline with the evidence archive";
    static final String WITHOUT = "full pipeline without the evidence archive (bench-only assembly)";

    /** Both sides as measured, and the archive the side with it wrote. */
    record Comparison(Measurement with, Measurement without, int rounds, ArchiveRows archive) {

        double throughputRatio() {
            return with.requestsPerSecond() / without.requestsPerSecond();
        }
    }

    /** The archive's rows in one schema: how many, their content's bytes, and the table with its indexes and TOAST. */
    record ArchiveRows(long records, long contentBytes, long relationBytes) {

        double relationBytesPerRecord() {
            return records == 0 ? 0 : (double) relationBytes / records;
        }

        static ArchiveRows of(Connection connection) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("select count(*),"
                    + " coalesce(sum(octet_length(content)), 0), pg_total_relation_size('evidence_record')"
                    + " from evidence_record");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return new ArchiveRows(rows.getLong(1), rows.getLong(2), rows.getLong(3));
            }
        }
    }

    private final String jdbcUrl;
    private final int clients;
    private final int warmup;
    private final int requests;
    private final int rounds;

    /**
     * @param requests measured requests per side, in all its rounds
     * @param rounds   rounds per side (at most 9)
     */
    EvidenceBench(String jdbcUrl, int clients, int warmup, int requests, int rounds) {
        if (rounds < 1 || rounds > 9) {
            throw new IllegalArgumentException("--rounds must be 1 to 9, not " + rounds);
        }
        this.jdbcUrl = jdbcUrl;
        this.clients = clients;
        this.warmup = warmup;
        this.requests = requests;
        this.rounds = rounds;
    }

    Comparison compare(KeyAlgorithm algorithm) throws Exception {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.create("Bench CA", algorithm, now, Duration.ofDays(30));
        Credential itl = ca.issueNodeCertificate("ITL", algorithm, now.minusSeconds(60), Duration.ofDays(30));
        Credential cdm = ca.issueNodeCertificate("CDM", algorithm, now.minusSeconds(60), Duration.ofDays(30));
        // the CA's list, published once as a CA publishes it (a new list per message would be signed and verified each time)
        List<java.security.cert.X509CRL> crls = List.of(ca.publishCrl(Instant.now(), Duration.ofDays(1)));
        TrustSettings trust = TrustSettings.of(ca.certificate(), () -> crls);
        MessageSignatures itlSignatures = new MessageSignatures(new SigningSettings(itl, trust));
        MessageSignatures cdmSignatures = new MessageSignatures(new SigningSettings(cdm, trust));
        long tag = System.nanoTime() % 100_000;
        try (Database archived = open("bench_archive_" + tag); Database bare = open("bench_no_archive_" + tag)) {
            Side with = new Side(WITH, algorithm, archived, true, itlSignatures, cdmSignatures);
            Side without = new Side(WITHOUT, algorithm, bare, false, itlSignatures, cdmSignatures);
            try {
                int perRound = requests / rounds;
                for (int round = 0; round < rounds; round++) {
                    int measured = round < rounds - 1 ? perRound : requests - perRound * (rounds - 1);
                    for (Side side : round % 2 == 0 ? List.of(with, without) : List.of(without, with)) {
                        side.measure(round, round == 0 ? warmup : 0, measured);
                    }
                }
            } finally {
                with.close();
                without.close();
            }
            ArchiveRows archive;
            try (Connection connection = archived.dataSource().getConnection()) {
                archive = ArchiveRows.of(connection);
            }
            return new Comparison(with.measurement(), without.measurement(), rounds, archive);
        }
    }

    private Database open(String schema) {
        // The node's database as production opens it (a pool of 4, the unit of work's transactor).
        Database database = Database.start(DatabaseSettings.external(jdbcUrl, null, null).withSchema(schema).withPoolSize(4));
        GatewaySchema.migrate(database.dataSource(), schema);
        return database;
    }

    /** One side: its endpoint on its own schema, and its rounds as measured. */
    private final class Side {

        private final String scenario;
        private final KeyAlgorithm algorithm;
        private final String address;
        private final Server endpoint;
        private final MessageSignatures client;
        private final List<LoadRunner.Sample> samples = new ArrayList<>();

        Side(String scenario, KeyAlgorithm algorithm, Database database, boolean archive, MessageSignatures server,
             MessageSignatures client) {
            this.scenario = scenario;
            this.algorithm = algorithm;
            this.client = client;
            DatabaseTransactor transactor = new DatabaseTransactor(database);
            HeaderChecks checks = new HeaderChecks("ITL", Set.of("CDM")::contains);
            InboxReceiver inbox = archive
                    ? new InboxReceiver(checks, transactor, query -> Receipt.time(Instant.now()))
                    : InboxReceiver.withoutEvidenceArchiveForBenchmark(checks, transactor, query -> Receipt.time(Instant.now()));
            this.address = "http://127.0.0.1:" + FreePorts.next() + "/itl";
            this.endpoint = SoapEndpoints.publishTransactionLog(address, new TransactionLogEndpoint(inbox, Clock.systemUTC()),
                    server, InboundLimits.defaults(), new PostgresSeenMessages(database.dataSource(), Clock.systemUTC()));
        }

        void measure(int round, int warmupRequests, int measured) throws Exception {
            // each round its own transaction identifiers (CDM, then the round, then the request): all new proposals
            String prefix = "CDM" + (System.nanoTime() % 10_000) + round;
            samples.add(LoadRunner.sample(scenario + ", round " + (round + 1) + " of " + rounds, clients, warmupRequests,
                    measured, clientNumber -> {
                        TransactionLogPortType port = SoapClients.transactionLog(address, "ITL", client, Duration.ofSeconds(60));
                        DesMessageHeader header = GatewayBench.header();
                        return i -> {
                            String id = prefix + (i < 0 ? "9" + (-i) : Integer.toString(100_000_000 + i));
                            if (port.acceptProposal(Wire.LOG_ACCEPT_PROPOSAL.element(EnvelopeMapping.fromWire(header),
                                    GatewayBench.proposal(id))).getResultIdentifier() != 1) {
                                throw new IllegalStateException("the proposal " + id + " was not accepted");
                            }
                        };
                    }, false));
        }

        Measurement measurement() {
            int total = samples.stream().mapToInt(sample -> sample.latencyNanos().length).sum();
            long[] latencies = new long[total];
            int at = 0;
            long wall = 0;
            long cpu = 0;
            long database = 0;
            for (LoadRunner.Sample sample : samples) {
                System.arraycopy(sample.latencyNanos(), 0, latencies, at, sample.latencyNanos().length);
                at += sample.latencyNanos().length;
                wall += sample.wallNanos();
                cpu += sample.serverCpuNanos();
                database = database < 0 || sample.databaseCpuNanos() < 0 ? -1 : database + sample.databaseCpuNanos();
            }
            return Measurement.of(scenario, GatewayBench.label(algorithm), latencies, wall, cpu, database);
        }

        void close() {
            endpoint.destroy();
        }
    }

    static String comparisonRow(Comparison comparison) {
        Measurement with = comparison.with();
        Measurement without = comparison.without();
        double database = with.databaseCpuMillisPerRequest() / without.databaseCpuMillisPerRequest();
        return String.format(Locale.ROOT, "| with / without | %s | | %.2f× | %.2f× | %.2f× | %.2f× | %s |", with.algorithm(),
                comparison.throughputRatio(), with.p50Millis() / without.p50Millis(), with.p99Millis() / without.p99Millis(),
                with.serverCpuMillisPerRequest() / without.serverCpuMillisPerRequest(),
                Double.isNaN(database) || Double.isInfinite(database) ? "" : String.format(Locale.ROOT, "%.2f×", database));
    }
}
