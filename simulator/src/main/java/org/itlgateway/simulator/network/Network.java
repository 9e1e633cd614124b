package org.itlgateway.simulator.network;

import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.account.ToldAccounts;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.check.catalogue.Catalogues;
import org.itlgateway.core.lifecycle.AcceptanceRule;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.assembly.AssembledRegistry;
import org.itlgateway.gateway.assembly.RegistryAssembly;
import org.itlgateway.gateway.database.EmbeddedServer;
import org.itlgateway.gateway.delivery.DeliveryListener;
import org.itlgateway.gateway.delivery.InboxHandler;
import org.itlgateway.gateway.delivery.InboxProcessor;
import org.itlgateway.gateway.delivery.InboxReceiver;
import org.itlgateway.gateway.delivery.OutboxSender;
import org.itlgateway.gateway.delivery.Peer;
import org.itlgateway.gateway.delivery.Peers;
import org.itlgateway.gateway.delivery.PostgresSeenMessages;
import org.itlgateway.gateway.delivery.QueryAnswers;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.HeaderChecks;
import org.itlgateway.gateway.metrics.Metrics;
import org.itlgateway.gateway.metrics.NodeMetrics;
import org.itlgateway.gateway.metrics.RefusalFaultCount;
import org.itlgateway.gateway.node.DatabaseTransactor;
import org.itlgateway.gateway.node.NodeRuntime;
import org.itlgateway.gateway.node.RoundSignal;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.node.RegistryNode;
import org.itlgateway.gateway.node.reconciliation.RegistryReconciliation;
import org.itlgateway.gateway.operator.OperatorApi;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.LogStatusQuery;
import org.itlgateway.gateway.transport.RegistryTimeQuery;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TlsSettings;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.simulator.citl.CitlNode;
import org.itlgateway.simulator.citl.SupplementaryLog;
import org.itlgateway.simulator.clock.OffsetClock;
import org.itlgateway.simulator.clock.SimulatedClock;
import org.itlgateway.simulator.duties.ItlDuties;
import org.itlgateway.simulator.fault.FaultBoard;
import org.itlgateway.simulator.fault.FaultInjection;
import org.itlgateway.simulator.itl.CurrentParameters;
import org.itlgateway.simulator.itl.ItlNode;
import org.itlgateway.simulator.itl.LogFacts;
import org.itlgateway.simulator.itl.OutboxLogMessages;
import org.itlgateway.simulator.itl.TransactionLog;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.Journal;
import org.itlgateway.simulator.journal.JournalingHandler;
import org.itlgateway.simulator.journal.JournalingReceiver;
import org.itlgateway.simulator.journal.MessageSummaries;
import org.itlgateway.simulator.profile.LogParameters;
import org.itlgateway.simulator.profile.LogRule;
import org.itlgateway.simulator.profile.PeerKind;
import org.itlgateway.simulator.profile.PeerProfile;
import org.itlgateway.simulator.profile.ProfileAccount;
import org.itlgateway.simulator.profile.Profiles;
import org.itlgateway.simulator.reconciliation.ReconciledParty;
import org.itlgateway.simulator.reconciliation.ReconciliationDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated network in one process: the ITL, the CITL, the CDM registry (the gateway's registry node) and the
 * registries of the peer profiles, each with its own schema on one PostgreSQL, its own signing certificate from
 * the network's CA, and its endpoints on one HTTP port. Every message between them is real signed SOAP over
 * HTTP. All nodes read one {@link SimulatedClock}.
 *
 * <p>{@link #settle()} runs every node's due work until the network is quiet, so scripted scenarios and tests
 * move step by step; {@link #startLoops} runs the nodes in the background for a live network.
 */
public final class Network implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Network.class);
    private static final int MAX_ROUNDS = 200;

    private final NetworkSettings settings;
    private final SimulatedClock clock;
    private final Profiles profiles;
    private final EmbeddedServer embedded;
    private final DatabaseSettings databaseServer;
    private final CertificateAuthority ca;
    private final AtomicReference<X509CRL> crl = new AtomicReference<>();
    private final String baseAddress;
    private final Map<String, Credential> credentials = new LinkedHashMap<>();
    private final Map<String, TlsSettings> tls = new LinkedHashMap<>();
    private final Map<String, NodeStores> stores = new LinkedHashMap<>();
    private final Map<String, NodeRuntime> runtimes = new LinkedHashMap<>();
    private final Map<String, RegistryNode> registryNodes = new LinkedHashMap<>();
    private final Map<String, TransactionLifecycle> lifecycles = new LinkedHashMap<>();
    private final Map<String, OperatorApi> operatorApis = new LinkedHashMap<>();
    private final RuleParameters parameters;
    /** The network's transaction logs. */
    private static final List<String> LOGS = List.of("ITL", "CITL");
    private final FaultBoard faults;
    private final com.zaxxer.hikari.HikariDataSource journalPool;
    private final Journal journal;
    private CdmRegistry cdm;
    private ItlNode itl;
    /** The parameters each log (ITL, CITL) uses now, which a tester may change at run time. */
    private final Map<String, CurrentParameters> logParameters = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each log's reconciliations (the ITL's, the CITL's), by the log's code. */
    private final Map<String, ReconciliationDriver> reconciliations = new LinkedHashMap<>();
    /** What the ITL does by itself: administrative messages, time checks, impending expiry notices. */
    private ItlDuties duties;
    /** Each registry's clock: the network's, unless a tester offsets it. */
    private final Map<String, OffsetClock> registryClocks = new LinkedHashMap<>();
    /** Every node's meters, in one registry (each tagged with its node), served at the control API's GET /metrics. */
    private final Metrics metrics = Metrics.create();

    private Network(NetworkSettings settings) {
        this.settings = settings;
        this.clock = new SimulatedClock(settings.start());
        this.faults = new FaultBoard(settings.faultSeed());
        this.profiles = Profiles.load(settings.profiles());
        this.parameters = RuleParameters.defaults().withCompletionLimit(settings.completionLimit());
        if (settings.jdbcUrl() == null) {
            this.embedded = EmbeddedServer.startOwned(settings.dataDirectory(), 0);
            this.databaseServer = embedded.settings();
        } else {
            this.embedded = null;
            this.databaseServer = DatabaseSettings.external(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        }
        this.journalPool = journalPool(databaseServer);
        this.journal = new Journal(journalPool, clock);
        Instant now = Instant.now();
        this.ca = settings.pkiDirectory() == null
                ? CertificateAuthority.create("ITL Gateway Simulator CA", KeyAlgorithm.EC_P256, now, Duration.ofDays(3650))
                : NetworkCa.keptIn(settings.pkiDirectory(), now);
        this.crl.set(ca.publishCrl(now, Duration.ofDays(7)));
        int port = settings.port() == 0 ? FreePorts.next() : settings.port();
        this.baseAddress = (settings.mutualTls() ? "https://" : "http://") + settings.host() + ":" + port;
    }

    /** Starts every node of the built-in and the tester's profiles. */
    public static Network start(NetworkSettings settings) {
        Network network = new Network(settings);
        try {
            network.startNodes();
            return network;
        } catch (RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    private void startNodes() {
        List<PeerProfile> all = profiles.all();
        List<PeerProfile> hosted = all.stream().filter(p -> p.kind() != PeerKind.EXTERNAL_REGISTRY).toList();
        for (PeerProfile profile : hosted) {
            credentials.put(profile.code(), ca.issueNodeCertificate(profile.code(), KeyAlgorithm.EC_P256,
                    Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(825)));
            if (settings.mutualTls()) {
                tls.put(profile.code(), new TlsSettings(ca.issueServerCertificate(profile.code(), KeyAlgorithm.EC_P256,
                        Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(825), List.of(settings.host())),
                        ca.certificate()));
            }
        }
        NodeStoreOpening.openAll(hosted, profile -> {
            NodeStores nodeStores = NodeStores.open(databaseServer, profile.code().toLowerCase(java.util.Locale.ROOT),
                    settings.nodes().poolSize());
            try {
                seedReferenceFacts(nodeStores, profile);
                return nodeStores;
            } catch (RuntimeException | Error e) {
                nodeStores.close();
                throw e;
            }
        }).forEach((profile, nodeStores) -> stores.put(profile.code(), nodeStores));
        for (PeerProfile profile : all) {
            switch (profile.kind()) {
                case ITL -> startItl(profile);
                case CITL -> startCitl(profile);
                case CDM_REGISTRY -> startCdm(profile);
                case REGISTRY -> startRegistry(profile);
                case EXTERNAL_REGISTRY -> LOG.info("external registry {} at {}", profile.code(), profile.address());
                default -> throw new IllegalStateException("unknown kind " + profile.kind());
            }
        }
    }

    private void startItl(PeerProfile profile) {
        NodeStores s = stores.get(profile.code());
        LogFacts facts = new LogFacts(s.registries(), new ToldAccounts(s.accounts()), s.projects(), s.notices(), s.transactions(),
                s.unfinished(), s.holdings(), s.ledger(), currentParametersOf(profile));
        TransactionLog log = new TransactionLog(facts, LogRule.addedTo(Catalogues.itl(), profile.rules()),
                new OutboxLogMessages(profile.code(), s.database(), clock), clock, s.sequences());
        itl = new ItlNode(log, s.database(), clock);
        // "all" is every registry of the network, a tester's own (external) registries included, and the CITL
        ReconciliationDriver reconciliation = new ReconciliationDriver(profile.code(), s.database(), s.repositories(),
                this::partiesOfTheItl, clock);
        reconciliations.put(profile.code(), reconciliation);
        itl.answerReconciliationWith(reconciliation::handle);
        log.refuseUnitsUnder(reconciliation);
        startItlDuties(profile, s, log);
        startLogNode(profile.code(), itl, itl, () -> itl.terminateOverdue() + reconciliation.runDue() + duties.runDue());
    }

    /** Whom the ITL reconciles: every registry, and the CITL on its records of the EU registries. */
    private List<ReconciledParty> partiesOfTheItl() {
        List<ReconciledParty> parties = new ArrayList<>(profiles.registries().stream()
                .map(registry -> ReconciledParty.registry(RegistryCode.of(registry.code()))).toList());
        profiles.all().stream().filter(profile -> profile.kind() == PeerKind.CITL).forEach(citl ->
                parties.add(ReconciledParty.supplementaryLog(citl.code(), euRegistries())));
        return parties;
    }

    /** The EU registries of the network (a tester's own too, when its profile says euMember). */
    private List<RegistryCode> euRegistries() {
        return profiles.registries().stream().filter(PeerProfile::euMember)
                .map(registry -> RegistryCode.of(registry.code())).toList();
    }

    // ---- what the ITL does by itself: administrative messages, time checks, impending expiry notices ----

    /** "all" is every registry of the network, a tester's own (external) registries included. */
    private void startItlDuties(PeerProfile profile, NodeStores s, TransactionLog log) {
        duties = ItlDuties.start(profile.code(), s.database(), s.snapshots(), log,
                () -> profiles.registries().stream().map(registry -> RegistryCode.of(registry.code())).toList(),
                this::timeQueryOf, () -> logParameters.get(profile.code()).get().expiryNoticeLead(), clock);
    }

    /** A provideTime client of a registry, signed by the ITL (over mutual TLS when the network uses it). */
    private RegistryTimeQuery timeQueryOf(RegistryCode registry) {
        return new RegistryTimeQuery("ITL", registry.value(), addressOf(registry.value()), signatures("ITL"),
                settings.clientTimeout(), tls.get("ITL"), clock);
    }

    /** What the ITL does by itself: administrative messages, time checks, impending expiry notices. */
    public ItlDuties duties() {
        return duties;
    }

    /**
     * Sets a registry of the network off the network's time by {@code offset} (zero puts it back), as a registry whose
     * clock is wrong; answers false when the simulator does not play that registry.
     */
    public boolean offsetClockOf(String registry, Duration offset) {
        OffsetClock registryClock = registryClocks.get(registry);
        if (registryClock == null) {
            return false;
        }
        registryClock.offsetBy(offset);
        return true;
    }

    // ---- end of the ITL's own duties ----

    private void startCitl(PeerProfile profile) {
        NodeStores s = stores.get(profile.code());
        LogFacts facts = new LogFacts(s.registries(), new ToldAccounts(s.accounts()), s.projects(), s.notices(), s.transactions(),
                s.unfinished(), s.holdings(), s.ledger(), currentParametersOf(profile));
        OutboxLogMessages messages = new OutboxLogMessages(profile.code(), s.database(), clock);
        SupplementaryLog supplementary = new SupplementaryLog(facts, LogRule.addedTo(Catalogues.citl(), profile.rules()),
                messages::answerLog, clock);
        CitlNode citl = new CitlNode(supplementary, clock);
        // the ITL reconciles the CITL's records of the EU registries; the CITL reconciles each EU registry
        citl.answerReconciliationWith(RegistryReconciliation.ofSupplementaryLog(profile.code(), this::euRegistries,
                s.repositories(), s.database(), clock)::handle);
        ReconciliationDriver reconciliation = new ReconciliationDriver(profile.code(), s.database(), s.repositories(),
                () -> euRegistries().stream().map(ReconciledParty::registry).toList(), clock);
        reconciliations.put(profile.code(), reconciliation);
        citl.reconcileRegistriesWith(reconciliation::handle);
        supplementary.refuseUnitsUnder(reconciliation);
        startLogNode(profile.code(), citl, citl, reconciliation::runDue);
    }

    /**
     * The numbers and dates a log's rules use: the defaults with the network's completion limit, and in their place
     * whatever the log's profile gives; kept so that a tester may change them at run time.
     */
    private CurrentParameters currentParametersOf(PeerProfile log) {
        CurrentParameters current = new CurrentParameters(log.parameters().over(parameters));
        logParameters.put(log.code(), current);
        return current;
    }

    /** The parameters a log (ITL or CITL) uses now; empty for another node. */
    public Optional<RuleParameters> parametersOf(String log) {
        return Optional.ofNullable(logParameters.get(log)).map(CurrentParameters::get);
    }

    /**
     * Changes the parameters a log uses from its next message on: what {@code changes} gives replaces the current
     * value, the rest stays. Answers the parameters now, or empty when the node is not a log of this network.
     */
    public Optional<RuleParameters> changeParameters(String log, LogParameters changes) {
        CurrentParameters current = logParameters.get(log);
        if (current == null) {
            return Optional.empty();
        }
        synchronized (current) {
            current.set(changes.over(current.get()));
        }
        return Optional.of(current.get());
    }

    private void startCdm(PeerProfile profile) {
        AssembledRegistry registry = startRegistryNode(profile, List.of());
        cdm = registry.cdm().orElseThrow();
    }

    private void startRegistry(PeerProfile profile) {
        startRegistryNode(profile, List.copyOf(profile.acceptanceRules()));
    }

    /**
     * A registry of the network, assembled as a deployed registry gateway is ({@link RegistryAssembly}); the network
     * adds its journal and its fault injection around the endpoint, the inbox and the outbox.
     */
    private AssembledRegistry startRegistryNode(PeerProfile profile, List<AcceptanceRule> acceptanceRules) {
        String code = profile.code();
        NodeStores s = stores.get(code);
        Set<String> known = profiles.all().stream().map(PeerProfile::code).collect(Collectors.toSet());
        FaultInjection injection = new FaultInjection(code, faults, settings.clientTimeout().plusSeconds(1));
        OffsetClock registryClock = new OffsetClock(clock);
        registryClocks.put(code, registryClock);
        AssembledRegistry registry = RegistryAssembly.of(RegistryCode.of(code), s, registryClock)
                .completionLimit(settings.completionLimit())
                .euMember(profile.euMember())
                .acceptanceRules(acceptanceRules)
                .endpoint(addressOf(code), tls.get(code), signatures(code))
                .acceptingFrom(known::contains)
                .delivering(peersOf(code), settings.nodes().retrySchedule(), settings.clientTimeout(),
                        settings.nodes().deadLetterAfter())
                .inboundLimits(settings.nodes().limits().inbound())
                .recoveringStatuses(settings.nodes().statusRecovery())
                .askingStatusOf(() -> new LogStatusQuery(code, addressOf("ITL"), signatures(code), settings.clientTimeout(),
                        tls.get(code)))
                // its archive's head signed with its own key, and each checkpoint sent to the ITL, as a deployed one does
                .checkpointing(credentials.get(code), settings.nodes().evidenceCheckpointEvery())
                .aroundReceiver(receiver -> injection.underRules(
                        new JournalingReceiver(code, injection.around(receiver), journal)))
                .aroundHandler(handler -> new JournalingHandler(code, handler, journal))
                .onEndpoint(injection::attach)
                .onSender(sender -> sender.listen(journalOf(code)))
                .metrics(metrics)
                .start();
        registryNodes.put(code, registry.node());
        lifecycles.put(code, registry.lifecycle());
        runtimes.put(code, registry.runtime());
        startOperatorApi(code, registry.operatorApi());
        LOG.info("{} listening at {}", code, addressOf(code));
        return registry;
    }

    // ---- operator API (issue 4): each registry node's REST/JSON API on its own port ----

    /**
     * Starts a registry's operator API: on any free port when the network's port is 0, else on the ports right
     * after it, one per registry in the order the nodes start (CDM first: 8081 when the network is on 8080).
     */
    private void startOperatorApi(String code, OperatorApi api) {
        operatorApis.put(code, api);
        api.limitedTo(settings.nodes().limits().operatorApi());
        api.start(settings.host(), settings.port() == 0 ? 0 : settings.port() + operatorApis.size());
    }

    /** Where a registry's operator API is, e.g. {@code http://127.0.0.1:8081}; empty for the logs. */
    public Optional<String> operatorAddressOf(String code) {
        return Optional.ofNullable(operatorApis.get(code)).map(OperatorApi::address);
    }

    // ---- end of operator API ----

    /** A log of the network (the ITL, the CITL): its TransactionLogService, inbox, outbox and duties. */
    private void startLogNode(String code, InboxHandler handler, QueryAnswers queries, IntSupplier duties) {
        NodeStores s = stores.get(code);
        DatabaseTransactor transactor = new DatabaseTransactor(s.database());
        Set<String> known = profiles.all().stream().map(PeerProfile::code).collect(Collectors.toSet());
        FaultInjection injection = new FaultInjection(code, faults, settings.clientTimeout().plusSeconds(1));
        NodeMetrics nodeMetrics = metrics.node(code, s.database(), clock);
        MessageReceiver receiver = injection.underRules(new JournalingReceiver(code,
                injection.around(new InboxReceiver(new HeaderChecks(code, known::contains), transactor, queries)
                        .observedBy(nodeMetrics)), journal));
        MessageSignatures signatures = signatures(code);
        // message timestamps are checked against the real clock, whatever date the network plays
        PostgresSeenMessages seen = new PostgresSeenMessages(s.database().dataSource(), java.time.Clock.systemUTC());
        RoundSignal rounds = new RoundSignal();
        Server endpoint = SoapEndpoints.publishTransactionLog(addressOf(code),
                new TransactionLogEndpoint(rounds.wakingAfter(receiver), clock), signatures,
                settings.nodes().limits().inbound(), seen, tls.get(code));
        RefusalFaultCount.attach(endpoint, nodeMetrics);
        injection.attach(endpoint);
        OutboxSender sender = new OutboxSender(transactor, peersOf(code), signatures, settings.nodes().retrySchedule(), clock,
                settings.clientTimeout(), settings.nodes().deadLetterAfter());
        sender.listen(journalOf(code));
        sender.observe(nodeMetrics);
        sender.resumeAfterRestart();
        ReconciliationDriver reconciliation = reconciliations.get(code);
        if (reconciliation != null) {
            reconciliation.onDecided((status, took) ->
                    nodeMetrics.reconciled(status.name().toLowerCase(java.util.Locale.ROOT), took));
            sender.onRefusal(reconciliation::refusedByRegistry);
        }
        InboxProcessor processor = new InboxProcessor(transactor, new JournalingHandler(code, handler, journal), clock);
        runtimes.put(code, new NodeRuntime(code, List.of(endpoint), processor, sender, duties, rounds));
        LOG.info("{} listening at {}", code, addressOf(code));
    }

    /** Writes every delivery a node's outbox attempts into the journal. */
    private DeliveryListener journalOf(String code) {
        return (message, outcome, detail, signedXml) -> journal.record(code, Direction.SENT, message.destination(),
                message.operation().wireName(), MessageSummaries.transactionOf(message.request()),
                MessageSummaries.summaryOf(message.request()), outcome + ": " + detail, signedXml);
    }

    /** How a node of this network signs and verifies (for tools and tests that speak in its name). */
    public MessageSignatures signaturesOf(String code) {
        return signatures(code);
    }

    private MessageSignatures signatures(String code) {
        return new MessageSignatures(new SigningSettings(credentials.get(code),
                TrustSettings.of(ca.certificate(), () -> List.of(crl.get()), settings.nodes().timestampLife(),
                        settings.nodes().clockSkew())));
    }

    /**
     * Registries, projects and (for registries) their own accounts, written once when the schema is new; the
     * projects of the tester's table at every start.
     */
    private void seedReferenceFacts(NodeStores s, PeerProfile self) {
        s.database().run(() -> {
            for (PeerProfile profile : profiles.registries()) {
                RegistryCode code = RegistryCode.of(profile.code());
                if (s.registries().find(code).isEmpty()) {
                    s.registries().save(new Registry(code, profile.name(), RegistryStatus.OPERATING, profile.euMember()));
                }
            }
            for (Project project : ReferenceData.projects()) {
                if (s.projects().find(project.id()).isEmpty()) {
                    s.projects().save(project);
                }
            }
            // the tester's own table (the CDM gateway's --projects) wins, at every start
            for (Project project : profiles.projects()) {
                s.projects().save(project);
            }
            List<PeerProfile> owners = self.isRegistry() ? List.of(self) : profiles.registries();
            for (PeerProfile owner : owners) {
                for (ProfileAccount account : owner.accounts()) {
                    AccountRef ref = new AccountRef(RegistryCode.of(owner.code()), AccountType.fromCode(account.type()),
                            account.identifier(), CommitmentPeriod.fromCode(account.period()));
                    if (s.accounts().find(ref).isEmpty()) {
                        s.accounts().save(new Account(ref, account.holder(), AccountStatus.OPEN));
                    }
                }
            }
        });
    }

    /**
     * Adds a CDM project to what every node of the network knows (the ITL, the CITL and the simulated registries),
     * or replaces it: a tester registers a project at run time, as the Executive Board would.
     */
    public void registerProject(Project project) {
        for (NodeStores node : stores.values()) {
            node.database().run(() -> node.projects().save(project));
        }
    }

    /**
     * Tells the logs (the ITL and the CITL) of a registry's account, or of its new status, as a registry's account
     * management would: a log knows only the accounts it is told of (the profiles' and these).
     */
    public void tellLogsOf(Account account) {
        for (String log : LOGS) {
            NodeStores node = stores.get(log);
            if (node != null) {
                node.database().run(() -> node.accounts().save(account));
            }
        }
    }

    /** The accounts of a registry the logs were told of (the ITL's table; the CITL's holds the same). */
    public List<Account> accountsToldOf(RegistryCode registry) {
        NodeStores itl = stores.get("ITL");
        return itl.database().call(() -> itl.accounts().of(registry));
    }

    /** Where a node's service is: /itl, /citl, /registry/CODE; an external registry's own address. */
    public String addressOf(String code) {
        Optional<PeerProfile> profile = profiles.find(code);
        if (profile.isPresent() && profile.get().kind() == PeerKind.EXTERNAL_REGISTRY) {
            return profile.get().address();
        }
        return switch (code) {
            case "ITL" -> baseAddress + "/itl";
            case "CITL" -> baseAddress + "/citl";
            default -> baseAddress + "/registry/" + code;
        };
    }

    /** The peers as {@code sender} reaches them: over mutual TLS with its own TLS certificate when the network uses it. */
    private Peers peersOf(String sender) {
        TlsSettings senderTls = tls.get(sender);
        return code -> profiles.find(code).map(profile -> profile.isRegistry()
                ? new Peer(code, addressOf(code), null, senderTls) : new Peer(code, null, addressOf(code), senderTls));
    }

    /** A node's TLS credential and the network's CA, when the network runs mutual TLS; else null. */
    public TlsSettings tlsOf(String code) {
        return tls.get(code);
    }

    /** Runs every node's due work, round after round, until a whole round does nothing; answers the rounds. */
    public int settle() {
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            int work = faults.rules().releaseOverdue(clock.instant());
            for (NodeRuntime runtime : runtimes.values()) {
                work += runtime.runOnce();
            }
            if (work == 0) {
                return round;
            }
        }
        LOG.warn("the network did not settle in {} rounds", MAX_ROUNDS);
        return MAX_ROUNDS;
    }

    /** Moves the clock forward and lets the network do what became due. */
    public void advance(Duration duration) {
        clock.advance(duration);
        settle();
    }

    /** Runs every node in the background, one round per {@code interval}. */
    public void startLoops(Duration interval) {
        runtimes.values().forEach(runtime -> runtime.startLoops(interval));
        // releaseOverdue hands each message in on its own and logs a failure, so the schedule never ends on one
        faultHolds.scheduleWithFixedDelay(() -> faults.rules().releaseOverdue(clock.instant()), interval.toMillis(),
                interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Hands in, in a live network, the messages whose REORDER hold has ended. */
    private final java.util.concurrent.ScheduledExecutorService faultHolds =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "fault-holds");
                thread.setDaemon(true);
                return thread;
            });

    /** The PostgreSQL server the network's nodes keep their schemas on (for a tester's registry beside them). */
    public DatabaseSettings databaseServer() {
        return databaseServer;
    }

    public SimulatedClock clock() {
        return clock;
    }

    public Profiles profiles() {
        return profiles;
    }

    public CdmRegistry cdm() {
        return cdm;
    }

    public RegistryNode registryNode(String code) {
        return registryNodes.get(code);
    }

    /** The transaction lifecycle of a registry the simulator plays (to propose in its name). */
    public TransactionLifecycle lifecycle(String code) {
        return lifecycles.get(code);
    }

    public NodeStores stores(String code) {
        return stores.get(code);
    }

    public FaultBoard faults() {
        return faults;
    }

    public Journal journal() {
        return journal;
    }

    public ItlNode itl() {
        return itl;
    }

    /** The ITL's reconciliation of the registries and the CITL: on demand, on a schedule, and manual intervention. */
    public ReconciliationDriver reconciliation() {
        return reconciliations.get("ITL");
    }

    /** The reconciliations a log runs (ITL: every registry and the CITL; CITL: the EU registries); empty for another node. */
    public Optional<ReconciliationDriver> reconciliationBy(String log) {
        return Optional.ofNullable(reconciliations.get(log));
    }

    /** Every log's reconciliations, the ITL's first. */
    public List<ReconciliationDriver> reconciliations() {
        return List.copyOf(reconciliations.values());
    }

    /** Every node's meters (one registry, each meter tagged with its node), and the JVM's. */
    public Metrics metrics() {
        return metrics;
    }

    public CertificateAuthority ca() {
        return ca;
    }

    /** Publishes a new CRL (after a revocation); every node reads it on its next verification. */
    public void publishCrl() {
        crl.set(ca.publishCrl(Instant.now(), Duration.ofDays(7)));
    }

    public X509CRL currentCrl() {
        return crl.get();
    }

    public List<String> nodes() {
        return new ArrayList<>(runtimes.keySet());
    }

    public String baseAddress() {
        return baseAddress;
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** Stops every node, then the databases; closing twice does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        faultHolds.shutdownNow();
        operatorApis.values().forEach(OperatorApi::stop);
        if (duties != null) {
            duties.close();
        }
        for (NodeRuntime runtime : runtimes.values()) {
            try {
                runtime.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping {} failed: {}", runtime.code(), e.getMessage());
            }
        }
        org.itlgateway.gateway.transport.SoapEndpoints.release(baseAddress);
        stores.values().forEach(NodeStores::close);
        metrics.close();
        if (journalPool != null) {
            journalPool.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }


    private static com.zaxxer.hikari.HikariDataSource journalPool(DatabaseSettings server) {
        DatabaseSettings.External target = server.server();
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setPoolName("itl-journal");
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

}
