package org.itlgateway.gateway.assembly;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.cdm.CdmBusiness;
import org.itlgateway.core.cdm.CdmFacts;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.lifecycle.AcceptanceRule;
import org.itlgateway.core.lifecycle.AcquiringAccountOpen;
import org.itlgateway.core.lifecycle.RegistryBusiness;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.CdmStores;
import org.itlgateway.gateway.console.RegistryConsole;
import org.itlgateway.gateway.delivery.CheckpointsToTheLog;
import org.itlgateway.gateway.delivery.InboxHandler;
import org.itlgateway.gateway.delivery.InboxProcessor;
import org.itlgateway.gateway.delivery.InboxReceiver;
import org.itlgateway.gateway.delivery.OutboxSender;
import org.itlgateway.gateway.delivery.Peers;
import org.itlgateway.gateway.delivery.PostgresSeenMessages;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.evidence.CheckpointDuty;
import org.itlgateway.gateway.evidence.EvidenceCheckpoints;
import org.itlgateway.gateway.inbound.HeaderChecks;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.metrics.Metrics;
import org.itlgateway.gateway.metrics.NodeMetrics;
import org.itlgateway.gateway.metrics.RefusalFaultCount;
import org.itlgateway.gateway.node.DatabaseTransactor;
import org.itlgateway.gateway.node.NodeRuntime;
import org.itlgateway.gateway.node.RoundSignal;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.node.RegistryDuties;
import org.itlgateway.gateway.node.RegistryNode;
import org.itlgateway.gateway.node.StatusRecovery;
import org.itlgateway.gateway.operator.OperatorApi;
import org.itlgateway.gateway.operator.RegistryRecords;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.transport.LogStatusQuery;
import org.itlgateway.gateway.transport.RegistryEndpoint;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TlsSettings;
import org.itlgateway.gateway.wire.MessageReceiver;

/**
 * How a registry node is put together, the one way: the standalone gateway ({@code app.RegistryGateway}) and every
 * registry of a simulated network are assembled here, so a simulated registry runs the path a deployed one runs.
 *
 * <p>From the registry's stores it builds its business (for the code CDM the CDM registry with its operations, else
 * a transaction lifecycle), the {@link RegistryNode}, the signed RegistryService endpoint with the inbound checks in
 * front of it and the inbox behind it, the outbox and its sender, the inbox processor, the registry's duties
 * (overdue transactions, status recovery from the ITL) and its operator API (built, not started: the caller says
 * where it listens and with which token). What differs between a deployment and a simulation is said with the
 * {@code around…} hooks (a simulated network journals and injects faults; a deployment runs its duties under a
 * lease), never by assembling differently.
 */
public final class RegistryAssembly {

    private final RegistryCode code;
    private final NodeStores stores;
    private final Clock clock;
    private Duration completionLimit = RuleParameters.defaults().completionLimit();
    private boolean euMember;
    private List<AcceptanceRule> acceptanceRules = List.of();
    private String endpointAddress;
    private TlsSettings tls;
    private MessageSignatures signatures;
    private Predicate<String> senders = RegistryNode.LOG::equals;
    private Peers peers;
    private RetrySchedule retrySchedule = RetrySchedule.standard();
    private Duration clientTimeout = Duration.ofSeconds(30);
    private int faultLimit = OutboxSender.DEFAULT_FAULT_LIMIT;
    private Supplier<LogStatusQuery> logStatus;
    private UnaryOperator<MessageReceiver> aroundReceiver = UnaryOperator.identity();
    private UnaryOperator<InboxHandler> aroundHandler = UnaryOperator.identity();
    private UnaryOperator<IntSupplier> aroundDuties = UnaryOperator.identity();
    private Consumer<Server> onEndpoint = endpoint -> { };
    private Consumer<OutboxSender> onSender = sender -> { };
    private Credential checkpointSigner;
    private Duration checkpointEvery = CheckpointDuty.DEFAULT_EVERY;
    private boolean checkpointsToTheLog = true;
    private Metrics metrics;
    private InboundLimits inboundLimits = InboundLimits.defaults();
    private StatusRecovery statusRecovery = StatusRecovery.standard();

    private RegistryAssembly(RegistryCode code, NodeStores stores, Clock clock) {
        this.code = Objects.requireNonNull(code, "registry code");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The assembly of registry {@code code} on its stores, with time from {@code clock}. */
    public static RegistryAssembly of(RegistryCode code, NodeStores stores, Clock clock) {
        return new RegistryAssembly(code, stores, clock);
    }

    /** How long a transaction may stay unfinished before the registry ends it (see {@link RuleParameters}). */
    public RegistryAssembly completionLimit(Duration limit) {
        this.completionLimit = Objects.requireNonNull(limit, "completion limit");
        return this;
    }

    /** An EU registry waits for the CITL's supplementary checks before it completes a transaction. */
    public RegistryAssembly euMember(boolean member) {
        this.euMember = member;
        return this;
    }

    /** Rules the registry applies, as an acquiring registry, before it accepts a proposal. */
    public RegistryAssembly acceptanceRules(List<AcceptanceRule> rules) {
        this.acceptanceRules = List.copyOf(rules);
        return this;
    }

    /** Where the RegistryService is published, with mutual TLS when {@code tls} is given, signing with {@code signatures}. */
    public RegistryAssembly endpoint(String address, TlsSettings tls, MessageSignatures signatures) {
        this.endpointAddress = Objects.requireNonNull(address, "endpoint address");
        this.tls = tls;
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        return this;
    }

    /** Who may send to the registry (its header's {@code from}); by default the ITL only. */
    public RegistryAssembly acceptingFrom(Predicate<String> senders) {
        this.senders = Objects.requireNonNull(senders, "senders");
        return this;
    }

    /** Where the outbox delivers, how often it tries again, how long it waits for an answer, when it gives up. */
    public RegistryAssembly delivering(Peers peers, RetrySchedule schedule, Duration timeout, int faultLimit) {
        this.peers = Objects.requireNonNull(peers, "peers");
        this.retrySchedule = Objects.requireNonNull(schedule, "retry schedule");
        this.clientTimeout = Objects.requireNonNull(timeout, "client timeout");
        this.faultLimit = faultLimit;
        return this;
    }

    /** What one inbound message may cost the endpoint (size, depth, ..., how long its sender may idle or crawl). */
    public RegistryAssembly inboundLimits(InboundLimits limits) {
        this.inboundLimits = Objects.requireNonNull(limits, "inbound limits");
        return this;
    }

    /** How often the registry asks the ITL for the status of the transactions open for how long. */
    public RegistryAssembly recoveringStatuses(StatusRecovery recovery) {
        this.statusRecovery = Objects.requireNonNull(recovery, "status recovery");
        return this;
    }

    /** How the registry asks the ITL for the status of a transaction it has not heard the end of. */
    public RegistryAssembly askingStatusOf(Supplier<LogStatusQuery> log) {
        this.logStatus = Objects.requireNonNull(log, "status query");
        return this;
    }

    /** Wraps what receives a message once its signature and header are checked (a simulation journals it). */
    public RegistryAssembly aroundReceiver(UnaryOperator<MessageReceiver> around) {
        this.aroundReceiver = Objects.requireNonNull(around, "receiver wrapper");
        return this;
    }

    /** Wraps what processes a message taken from the inbox. */
    public RegistryAssembly aroundHandler(UnaryOperator<InboxHandler> around) {
        this.aroundHandler = Objects.requireNonNull(around, "handler wrapper");
        return this;
    }

    /** Wraps the registry's duties (a deployment runs them only in the instance that holds the duties' lease). */
    public RegistryAssembly aroundDuties(UnaryOperator<IntSupplier> around) {
        this.aroundDuties = Objects.requireNonNull(around, "duties wrapper");
        return this;
    }

    /**
     * Signs the evidence archive's head with {@code signer} (the node's own credential) at most every {@code every},
     * when it moved, among the registry's duties, and on the operator's demand, each sent to the ITL through the outbox
     * in the transaction that stores it; without it, no checkpoint is taken.
     */
    public RegistryAssembly checkpointing(Credential signer, Duration every) {
        return checkpointing(signer, every, true);
    }

    /** The same, each checkpoint sent to the ITL or not ({@code sentToTheLog}: an ITL that speaks only the DES). */
    public RegistryAssembly checkpointing(Credential signer, Duration every, boolean sentToTheLog) {
        this.checkpointSigner = Objects.requireNonNull(signer, "checkpoint signer");
        this.checkpointEvery = Objects.requireNonNull(every, "checkpoint period");
        this.checkpointsToTheLog = sentToTheLog;
        return this;
    }

    /** Is told the published endpoint (a simulation attaches its fault injection). */
    public RegistryAssembly onEndpoint(Consumer<Server> action) {
        this.onEndpoint = Objects.requireNonNull(action, "endpoint action");
        return this;
    }

    /** Is told the outbox's sender before it resumes (a simulation listens to its deliveries). */
    public RegistryAssembly onSender(Consumer<OutboxSender> action) {
        this.onSender = Objects.requireNonNull(action, "sender action");
        return this;
    }

    /**
     * Records the registry's meters into {@code processMetrics} (a simulated network's, shared by its nodes); without
     * it the registry has meters of its own, closed with it.
     */
    public RegistryAssembly metrics(Metrics processMetrics) {
        this.metrics = Objects.requireNonNull(processMetrics, "metrics");
        return this;
    }

    /**
     * A registry keeps all its accounts, so it lets a transfer in only to one of them that is open (3005, 3009), before
     * the rules of its own: the logs are not told a registry's accounts and cannot check that for it.
     */
    private List<AcceptanceRule> withOwnAccounts(List<AcceptanceRule> rules) {
        List<AcceptanceRule> all = new ArrayList<>();
        all.add(new AcquiringAccountOpen(stores.accounts()));
        all.addAll(rules);
        return all;
    }

    /** The CDM registry's facts, its transactions those of the node's stores (each status archived as it is saved). */
    private CdmFacts cdmFacts() {
        CdmFacts facts = CdmStores.facts(stores.database());
        return new CdmFacts(stores.transactions(), facts.unfinishedTransactions(), facts.ledger(), facts.accounts(),
                facts.projects(), facts.notices(), facts.registries(), facts.sequences(), facts.issuances(),
                facts.tallies(), facts.voluntaryCancellations(), facts.temporaryHoldingAccounts());
    }

    /**
     * Builds the registry and publishes its endpoint; its outbox resumes what it had not delivered. Nothing runs
     * until the caller runs the returned registry's rounds; its operator API is built but not started.
     */
    public AssembledRegistry start() {
        if (endpointAddress == null || peers == null || logStatus == null) {
            throw new IllegalStateException("a registry needs its endpoint, its peers and the ITL it asks for status");
        }
        CdmRegistry cdm = RegistryCode.CDM.equals(code)
                ? stores.database().call(() -> CdmRegistry.open(cdmFacts(), clock, completionLimit))
                : null;
        TransactionLifecycle lifecycle = cdm != null ? cdm.lifecycle()
                : TransactionLifecycle.of(code, stores.transactions(), stores.unfinished(), stores.ledger(), clock)
                        .withCompletionLimit(completionLimit)
                        .withAcceptanceRules(withOwnAccounts(acceptanceRules));
        if (euMember) {
            lifecycle = lifecycle.awaitingSupplementaryLog();
        }
        RegistryBusiness business = cdm != null ? new CdmBusiness(cdm) : RegistryBusiness.of(lifecycle);
        RegistryNode node = new RegistryNode(code, business, stores.repositories(), stores.database(),
                clock, RuleParameters.defaults().withCompletionLimit(completionLimit));
        DatabaseTransactor transactor = new DatabaseTransactor(stores.database());
        Metrics meters = metrics != null ? metrics : Metrics.create();
        Metrics owned = metrics != null ? null : meters;
        NodeMetrics nodeMetrics = meters.node(code.value(), stores.database(), clock);
        OutboxSender sender = new OutboxSender(transactor, peers, signatures, retrySchedule, clock, clientTimeout,
                faultLimit);
        sender.observe(nodeMetrics);
        Server endpoint = null;
        try {
            onSender.accept(sender);
            sender.resumeAfterRestart();
            MessageReceiver receiver = aroundReceiver.apply(
                    new InboxReceiver(new HeaderChecks(code.value(), senders), transactor, node).observedBy(nodeMetrics));
            // message timestamps are checked against the real clock, whatever date the registry's own clock says
            PostgresSeenMessages seen = new PostgresSeenMessages(stores.database().dataSource(), Clock.systemUTC());
            RoundSignal rounds = new RoundSignal();
            endpoint = SoapEndpoints.publishRegistry(endpointAddress, new RegistryEndpoint(rounds.wakingAfter(receiver), clock),
                    signatures, inboundLimits, seen, tls);
            RefusalFaultCount.attach(endpoint, nodeMetrics);
            onEndpoint.accept(endpoint);
            EvidenceCheckpoints checkpoints = checkpointSigner == null ? null
                    : checkpointsToTheLog ? new EvidenceCheckpoints(stores.database().dataSource(), checkpointSigner, clock,
                            new CheckpointsToTheLog(code.value(), RegistryNode.LOG, clock))
                    : new EvidenceCheckpoints(stores.database().dataSource(), checkpointSigner, clock);
            IntSupplier registryDuties = new RegistryDuties(node, stores.unfinished(), logStatus, clock,
                    statusRecovery);
            IntSupplier checkpointDuty = checkpoints == null ? () -> 0
                    : new CheckpointDuty(checkpoints, checkpointEvery, clock);
            // the checkpoint first: an ITL out of reach for the status recovery does not hold it up
            IntSupplier duties = aroundDuties.apply(() -> checkpointDuty.getAsInt() + registryDuties.getAsInt());
            NodeRuntime runtime = new NodeRuntime(code.value(), List.of(endpoint),
                    new InboxProcessor(transactor, aroundHandler.apply(node), clock), sender, duties, rounds);
            RegistryRecords records = new RegistryRecords(stores.database(), stores.transactions(), stores.accounts(),
                    stores.ledger(), stores.sequences(), stores.notices());
            OperatorApi operatorApi = cdm != null ? OperatorApi.forCdm(node, cdm, records, clock, meters)
                    : OperatorApi.forRegistry(node, lifecycle, records, clock, meters);
            operatorApi.signingCheckpoints(checkpoints);
            // sessions of the console expire on the real time, whatever date the registry's own clock says
            operatorApi.serve(RegistryConsole.pages(operatorApi.services(), Clock.systemUTC()));
            return new AssembledRegistry(node, lifecycle, cdm, runtime, operatorApi, nodeMetrics, owned);
        } catch (RuntimeException | Error e) {
            if (endpoint != null) {
                endpoint.destroy();
            }
            sender.close();
            if (owned != null) {
                owned.close();
            }
            throw e;
        }
    }
}
