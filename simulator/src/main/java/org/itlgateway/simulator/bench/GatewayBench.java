package org.itlgateway.simulator.bench;

import java.io.Closeable;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.delivery.GatewaySchema;
import org.itlgateway.gateway.delivery.InboxReceiver;
import org.itlgateway.gateway.delivery.PostgresSeenMessages;
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
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesProposalUnitBlockList;
import org.itlgateway.schemas.v1.types.DesUnitBlock;

/**
 * Inbound signed proposals, measured five ways with each key type: the full pipeline (signature, checks,
 * inbox on PostgreSQL with durable commits, signed receipt); the same endpoint with a receiver that answers at once
 * (every inbound step and the replay store, no inbox); the plain stack (CXF with WS-Security's own interceptors and
 * the same signature settings, none of this project's steps); the plain stack with the full pipeline's durable
 * inbox behind it; and the crypto floor (one verification plus one signature with the same keys).
 */
final class GatewayBench {

    private static final int BLOCKS_PER_PROPOSAL = 5;
    /** The stack alone: CXF and WS-Security's own interceptors, the same signature settings, nothing else. */
    static final String PLAIN_STACK = "plain CXF + WSS4J endpoint (same signature settings, none of our checks)";
    /**
     * The stack with the same durable inbox behind it: the plain stack's verification and signing, none of this
     * project's inbound steps, and the full pipeline's inbox (the row, the bytes received in the evidence archive,
     * the durable commit). What the stack alone would cost a registry that keeps what it receives.
     */
    static final String PLAIN_STACK_DURABLE = "plain CXF + WSS4J endpoint with the same durable inbox";

    private final String jdbcUrl;
    private final int clients;
    private final int warmup;
    private final int requests;

    private final boolean profile;
    private final List<String> profiles = new ArrayList<>();
    /** Run before each scenario's measured requests: the database of the key type under measurement settled. */
    private Runnable settle = () -> { };

    GatewayBench(String jdbcUrl, int clients, int warmup, int requests) {
        this(jdbcUrl, clients, warmup, requests, false);
    }

    /** With {@code profile}, the full pipeline runs under a flight recording, summarised in {@link #profiles}. */
    GatewayBench(String jdbcUrl, int clients, int warmup, int requests, boolean profile) {
        this.jdbcUrl = jdbcUrl;
        this.clients = clients;
        this.warmup = warmup;
        this.requests = requests;
        this.profile = profile;
    }

    /** Where the full pipeline's server time went, per key type, when profiled. */
    List<String> profiles() {
        return List.copyOf(profiles);
    }

    /**
     * Runs every scenario once unmeasured (the warm-up pass, {@code warmup} requests each), then each again, measured,
     * after {@link #REWARM} more requests: measured in one pass alone, the scenarios that came first paid for the
     * compiler's work on code every later one then found compiled (in one such run the first scenario's server CPU
     * was twice what the same scenario gave when it came fifth).
     */
    List<Measurement> run(List<KeyAlgorithm> algorithms) throws Exception {
        pass(algorithms, warmup, 1, false);
        return pass(algorithms, Math.min(warmup, REWARM), requests, true);
    }

    /** Requests each scenario takes again, unmeasured, before its measured ones in the measured pass. */
    static final int REWARM = 1_000;

    /** One pass over every scenario; only the {@code measured} one is profiled and reports the inbox's commits. */
    private List<Measurement> pass(List<KeyAlgorithm> algorithms, int warmup, int requests, boolean measured)
            throws Exception {
        List<Measurement> results = new ArrayList<>();
        for (KeyAlgorithm algorithm : algorithms) {
            Instant now = Instant.now();
            CertificateAuthority ca = CertificateAuthority.create("Bench CA", algorithm, now, Duration.ofDays(30));
            Credential itl = ca.issueNodeCertificate("ITL", algorithm, now.minusSeconds(60), Duration.ofDays(30));
            Credential cdm = ca.issueNodeCertificate("CDM", algorithm, now.minusSeconds(60), Duration.ofDays(30));
            // the CA's list, published once as a CA publishes it (a new list per message would be signed and verified each time)
        List<java.security.cert.X509CRL> crls = List.of(ca.publishCrl(Instant.now(), Duration.ofDays(1)));
        TrustSettings trust = TrustSettings.of(ca.certificate(), () -> crls);
            MessageSignatures itlSignatures = new MessageSignatures(new SigningSettings(itl, trust));
            MessageSignatures cdmSignatures = new MessageSignatures(new SigningSettings(cdm, trust));

            String schema = "bench_" + algorithm.name().toLowerCase(java.util.Locale.ROOT) + "_" + System.nanoTime();
            // The node's database as production opens it (a pool of 4, the unit of work's transactor).
            try (Database database = Database.start(DatabaseSettings.external(jdbcUrl, null, null)
                    .withSchema(schema).withPoolSize(4))) {
                GatewaySchema.migrate(database.dataSource(), schema);
                settle = () -> BenchDatabase.settle(database.dataSource());
                DatabaseTransactor transactor = new DatabaseTransactor(database);
                InboxReceiver inbox = new InboxReceiver(new HeaderChecks("ITL", Set.of("CDM")::contains),
                        transactor, query -> Receipt.time(Instant.now()));
                PostgresSeenMessages seen = new PostgresSeenMessages(database.dataSource(), Clock.systemUTC());
                if (measured && profile) {
                    ProfileSummary.Profiled<Measurement> profiled = ProfileSummary.of(() -> signedRoundTrips(
                            "full pipeline (inbox on PostgreSQL, durable commit)", algorithm, inbox, itlSignatures,
                            cdmSignatures, seen, warmup, requests));
                    results.add(profiled.result());
                    profiles.add("Full pipeline, " + label(algorithm) + ":\n\n" + profiled.table());
                } else {
                    results.add(signedRoundTrips("full pipeline (inbox on PostgreSQL, durable commit)", algorithm, inbox,
                            itlSignatures, cdmSignatures, seen, warmup, requests));
                }
                if (measured) {
                    System.out.printf(java.util.Locale.ROOT, "full pipeline (%s): the inbox kept %d messages in %d"
                                    + " transactions (%d shared transactions failed and were run again alone)%n%n",
                            label(algorithm), inbox.commits().works(), inbox.commits().transactions(),
                            inbox.commits().groupsFailed());
                }
                results.add(signedRoundTrips("bare CXF endpoint, same WS-Security and replay store, no inbox", algorithm,
                        message -> Receipt.acceptedForProcessing(), itlSignatures, cdmSignatures, seen, warmup, requests));
                results.add(signedRoundTrips(PLAIN_STACK, algorithm, cdmSignatures, address ->
                        SoapEndpoints.publishBareTransactionLogForBenchmark(address,
                                new TransactionLogEndpoint(message -> Receipt.acceptedForProcessing(), Clock.systemUTC()),
                                itlSignatures), warmup, requests));
                results.add(signedRoundTrips(PLAIN_STACK_DURABLE, algorithm, cdmSignatures, address ->
                        SoapEndpoints.publishBareTransactionLogForBenchmark(address,
                                new TransactionLogEndpoint(inbox, Clock.systemUTC()), itlSignatures, true),
                        warmup, requests));
            }
            settle = () -> { };
            results.add(cryptoFloor(algorithm, itl, cdm, warmup, requests));
        }
        return results;
    }

    /**
     * The bare signed round trips alone (the stack's own rate, no inbox), for {@code algorithm}: the baseline other
     * benchmarks divide by.
     */
    Measurement bareSignedRoundTrips(KeyAlgorithm algorithm) throws Exception {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.create("Bench CA", algorithm, now, Duration.ofDays(30));
        Credential itl = ca.issueNodeCertificate("ITL", algorithm, now.minusSeconds(60), Duration.ofDays(30));
        Credential cdm = ca.issueNodeCertificate("CDM", algorithm, now.minusSeconds(60), Duration.ofDays(30));
        // the CA's list, published once as a CA publishes it (a new list per message would be signed and verified each time)
        List<java.security.cert.X509CRL> crls = List.of(ca.publishCrl(Instant.now(), Duration.ofDays(1)));
        TrustSettings trust = TrustSettings.of(ca.certificate(), () -> crls);
        String schema = "bench_bare_" + System.nanoTime();
        try (Database database = Database.start(DatabaseSettings.external(jdbcUrl, null, null)
                .withSchema(schema).withPoolSize(4))) {
            GatewaySchema.migrate(database.dataSource(), schema);
            settle = () -> BenchDatabase.settle(database.dataSource());
            PostgresSeenMessages seen = new PostgresSeenMessages(database.dataSource(), Clock.systemUTC());
            return signedRoundTrips("bare CXF endpoint, same WS-Security and replay store, no inbox", algorithm,
                    message -> Receipt.acceptedForProcessing(), new MessageSignatures(new SigningSettings(itl, trust)),
                    new MessageSignatures(new SigningSettings(cdm, trust)), seen, warmup, requests);
        } finally {
            settle = () -> { };
        }
    }

    private Measurement signedRoundTrips(String scenario, KeyAlgorithm algorithm, MessageReceiver receiver,
                                         MessageSignatures server, MessageSignatures client,
                                         PostgresSeenMessages seen, int warmup, int requests) throws Exception {
        return signedRoundTrips(scenario, algorithm, client, address -> SoapEndpoints.publishTransactionLog(address,
                new TransactionLogEndpoint(receiver, Clock.systemUTC()), server, InboundLimits.defaults(), seen),
                warmup, requests);
    }

    private Measurement signedRoundTrips(String scenario, KeyAlgorithm algorithm, MessageSignatures client,
                                         java.util.function.Function<String, Server> publish, int warmup,
                                         int requests) throws Exception {
        String address = "http://127.0.0.1:" + org.itlgateway.gateway.http.FreePorts.next() + "/itl";
        Server endpoint = publish.apply(address);
        long run = System.nanoTime() % 1_000_000;
        try {
            return LoadRunner.run(scenario, label(algorithm), clients, warmup, requests, clientNumber -> {
                TransactionLogPortType port = SoapClients.transactionLog(address, "ITL", client, Duration.ofSeconds(60));
                DesMessageHeader header = header();
                return i -> {
                    DesProposal proposal = proposal("CDM" + run + (i < 0 ? "9" + (-i) : Integer.toString(100_000_000 + i)));
                    if (port.acceptProposal(org.itlgateway.gateway.wire.Wire.LOG_ACCEPT_PROPOSAL.element(
                            org.itlgateway.gateway.wire.EnvelopeMapping.fromWire(header), proposal))
                            .getResultIdentifier() != 1) {
                        throw new IllegalStateException("the proposal was not accepted");
                    }
                };
            }, false, settle);
        } finally {
            endpoint.destroy();
        }
    }

    /** One verification and one signature per operation, on a payload the size of a signed proposal's body. */
    private Measurement cryptoFloor(KeyAlgorithm algorithm, Credential itl, Credential cdm, int warmup, int requests)
            throws Exception {
        byte[] payload = org.itlgateway.gateway.delivery.PayloadCodec.marshal(
                org.itlgateway.gateway.wire.Wire.LOG_ACCEPT_PROPOSAL.request(
                        org.itlgateway.gateway.wire.EnvelopeMapping.fromWire(header()), proposal("CDM1")))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String provider = algorithm == KeyAlgorithm.EC_P256 ? "BC" : null;
        byte[] requestSignature = sign(algorithm, provider, cdm, payload);
        return LoadRunner.run("crypto floor (1 verify + 1 sign" + (provider == null ? ", JDK" : ", Bouncy Castle") + ")",
                label(algorithm), 1, warmup, requests, clientNumber -> i -> {
                    Signature verifier = provider == null ? Signature.getInstance(algorithm.certificateSignature())
                            : Signature.getInstance(algorithm.certificateSignature(), provider);
                    verifier.initVerify(cdm.certificate());
                    verifier.update(payload);
                    if (!verifier.verify(requestSignature)) {
                        throw new IllegalStateException("the signature does not verify");
                    }
                    sign(algorithm, provider, itl, payload);
                }, true);
    }

    static byte[] sign(KeyAlgorithm algorithm, String provider, Credential credential, byte[] payload) throws Exception {
        Signature signer = provider == null ? Signature.getInstance(algorithm.certificateSignature())
                : Signature.getInstance(algorithm.certificateSignature(), provider);
        signer.initSign(credential.privateKey());
        signer.update(payload);
        return signer.sign();
    }

    static String label(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.RSA_2048 ? "RSA-2048" : "EC P-256";
    }

    static DesMessageHeader header() {
        DesMessageHeader header = new DesMessageHeader();
        header.setFrom("CDM");
        header.setTo("ITL");
        header.setMajorVersion(DesContract.MAJOR_VERSION);
        header.setMinorVersion(DesContract.MINOR_VERSION);
        return header;
    }

    static DesProposal proposal(String transactionId) {
        DesProposal proposal = new DesProposal();
        proposal.setTransactionIdentifier(transactionId);
        proposal.setTransactionType(3);
        proposal.setSuppTransactionType(0);
        proposal.setTransferringRegistryCode("CDM");
        proposal.setTransferringRegistryAccountType(110);
        proposal.setTransferringRegistryAccountIdentifier(1000L);
        proposal.setAcquiringRegistryCode("JP");
        proposal.setAcquiringRegistryAccountType(120);
        proposal.setAcquiringRegistryAccountIdentifier(20045L);
        proposal.setProposalDateTime(Instant.parse("2024-03-14T09:30:00Z"));
        DesProposalUnitBlockList blocks = new DesProposalUnitBlockList();
        for (int b = 0; b < BLOCKS_PER_PROPOSAL; b++) {
            DesUnitBlock block = new DesUnitBlock();
            block.setUnitSerialBlockStart(1_000_001L + b * 10_000L);
            block.setUnitSerialBlockEnd(1_005_000L + b * 10_000L);
            block.setOriginatingRegistryCode("CDM");
            block.setUnitType(5);
            block.setSuppUnitType(0);
            block.setOriginalCommitPeriod(2);
            block.setApplicableCommitPeriod(2);
            block.setProjectIdentifier(1234 + b);
            blocks.getUnitBlock().add(block);
        }
        proposal.setProposalUnitBlocks(blocks);
        return proposal;
    }

    static void close(Object client) throws java.io.IOException {
        ((Closeable) client).close();
    }
}
