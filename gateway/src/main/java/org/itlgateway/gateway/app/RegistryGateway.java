package org.itlgateway.gateway.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.assembly.AssembledRegistry;
import org.itlgateway.gateway.assembly.RegistryAssembly;
import org.itlgateway.gateway.delivery.OutboxSender;
import org.itlgateway.gateway.delivery.Peer;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.evidence.EvidenceCheckpointing;
import org.itlgateway.gateway.http.JsonApiServer;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.leadership.DutiesLease;
import org.itlgateway.gateway.leadership.LeasedDuties;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.node.RegistryNode;
import org.itlgateway.gateway.node.StatusRecovery;
import org.itlgateway.gateway.operator.OperatorApi;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.transport.LogStatusQuery;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry's gateway on its own, outside any simulated network: its signed RegistryService endpoint, its inbox
 * and outbox on its PostgreSQL schema, its transaction lifecycle (for the code CDM, the CDM registry with its
 * operations), its duties (overdue transactions, status recovery from the ITL) and its operator API. It speaks
 * only to the ITL it is given.
 *
 * <p>Several instances of one registry may run on one database (same schema): each receives, processes its inbox
 * and delivers its outbox (work claimed row by row), and the duties run only in the instance holding the
 * {@link DutiesLease}; another takes them over when it stops or dies.
 */
public final class RegistryGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryGateway.class);
    /** The node code of the EU's supplementary log. */
    private static final String SUPPLEMENTARY_LOG = "CITL";

    /**
     * @param endpointAddress where the registry's RegistryService is published, e.g. {@code http://0.0.0.0:8443/registry}
     * @param itlAddress      the ITL's TransactionLogService
     * @param database        the PostgreSQL server and the schema of this registry's tables
     * @param operatorPort    the operator API's port; 0 for any free port
     * @param euMember        an EU registry waits for the CITL's supplementary checks
     * @param projects        the CDM project reference table, added to the registry's own when missing there
     * @param tls             mutual TLS on the endpoint and towards the ITL; null for plain HTTP
     * @param operatorTls     the operator API's TLS certificate chain and key; null for plain HTTP on loopback
     * @param supplementaryLogAddress the CITL's TransactionLogService, for an EU registry the CITL reconciles: it
     *                        then takes the CITL's reconciliation requests and answers them there; null for none
     * @param evidenceCheckpoints how often the registry signs its evidence archive's head (when it moved) and
     *                        whether it sends each checkpoint to the ITL; null for every hour, sent
     * @param limits          what an inbound message and an operator API request may cost; null for the defaults
     * @param statusRecovery  how often the registry asks the ITL for the status of transactions open for how long;
     *                        null for every ten minutes, for those open an hour
     */
    public record Settings(RegistryCode code, String endpointAddress, String itlAddress, SigningSettings signing,
                           DatabaseSettings database, String operatorHost, int operatorPort, Duration clientTimeout,
                           Duration completionLimit, boolean euMember, List<Project> projects,
                           TlsSettings tls, String operatorToken, RetrySchedule retrySchedule, int faultLimit,
                           Credential operatorTls, String supplementaryLogAddress,
                           EvidenceCheckpointing evidenceCheckpoints, Limits limits, StatusRecovery statusRecovery) {

        /** Settings of an operator API without TLS (on the loopback interface). */
        public Settings(RegistryCode code, String endpointAddress, String itlAddress, SigningSettings signing,
                        DatabaseSettings database, String operatorHost, int operatorPort, Duration clientTimeout,
                        Duration completionLimit, boolean euMember, List<Project> projects,
                        TlsSettings tls, String operatorToken, RetrySchedule retrySchedule, int faultLimit) {
            this(code, endpointAddress, itlAddress, signing, database, operatorHost, operatorPort, clientTimeout,
                    completionLimit, euMember, projects, tls, operatorToken, retrySchedule, faultLimit, null, null, null,
                    null, null);
        }

        /** These settings with the operator API speaking TLS with {@code credential} (null: plain HTTP). */
        public Settings withOperatorTls(Credential credential) {
            return new Settings(code, endpointAddress, itlAddress, signing, database, operatorHost, operatorPort,
                    clientTimeout, completionLimit, euMember, projects, tls, operatorToken, retrySchedule, faultLimit,
                    credential, supplementaryLogAddress, evidenceCheckpoints, limits, statusRecovery);
        }

        /** These settings with the CITL at {@code address} reconciling this (EU) registry (null: no CITL). */
        public Settings withSupplementaryLog(String address) {
            return new Settings(code, endpointAddress, itlAddress, signing, database, operatorHost, operatorPort,
                    clientTimeout, completionLimit, euMember, projects, tls, operatorToken, retrySchedule, faultLimit,
                    operatorTls, address, evidenceCheckpoints, limits, statusRecovery);
        }

        /** These settings with the evidence archive's head signed at most every {@code every} (null: every hour). */
        public Settings withEvidenceCheckpointEvery(Duration every) {
            return withEvidenceCheckpoints(new EvidenceCheckpointing(every, evidenceCheckpoints.sentToTheLog()));
        }

        /** These settings with the evidence archive's head signed and sent so (null: every hour, sent to the ITL). */
        public Settings withEvidenceCheckpoints(EvidenceCheckpointing checkpoints) {
            return new Settings(code, endpointAddress, itlAddress, signing, database, operatorHost, operatorPort,
                    clientTimeout, completionLimit, euMember, projects, tls, operatorToken, retrySchedule, faultLimit,
                    operatorTls, supplementaryLogAddress, checkpoints, limits, statusRecovery);
        }

        /** How often the registry signs its evidence archive's head, when it moved. */
        public Duration evidenceCheckpointEvery() {
            return evidenceCheckpoints.every();
        }

        /** These settings with these limits on inbound messages and operator API requests (null: the defaults). */
        public Settings withLimits(Limits newLimits) {
            return new Settings(code, endpointAddress, itlAddress, signing, database, operatorHost, operatorPort,
                    clientTimeout, completionLimit, euMember, projects, tls, operatorToken, retrySchedule, faultLimit,
                    operatorTls, supplementaryLogAddress, evidenceCheckpoints, newLimits, statusRecovery);
        }

        /** These settings with the status of open transactions asked of the ITL so (null: the standard recovery). */
        public Settings withStatusRecovery(StatusRecovery recovery) {
            return new Settings(code, endpointAddress, itlAddress, signing, database, operatorHost, operatorPort,
                    clientTimeout, completionLimit, euMember, projects, tls, operatorToken, retrySchedule, faultLimit,
                    operatorTls, supplementaryLogAddress, evidenceCheckpoints, limits, recovery);
        }

        /** Settings with the standard dead-letter limit ({@link OutboxSender#DEFAULT_FAULT_LIMIT}). */
        public Settings(RegistryCode code, String endpointAddress, String itlAddress, SigningSettings signing,
                        DatabaseSettings database, String operatorHost, int operatorPort, Duration clientTimeout,
                        Duration completionLimit, boolean euMember, List<Project> projects,
                        TlsSettings tls, String operatorToken, RetrySchedule retrySchedule) {
            this(code, endpointAddress, itlAddress, signing, database, operatorHost, operatorPort, clientTimeout,
                    completionLimit, euMember, projects, tls, operatorToken, retrySchedule, OutboxSender.DEFAULT_FAULT_LIMIT);
        }

        /** Settings with the standard retry schedule. */
        public Settings(RegistryCode code, String endpointAddress, String itlAddress, SigningSettings signing,
                        DatabaseSettings database, String operatorHost, int operatorPort, Duration clientTimeout,
                        Duration completionLimit, boolean euMember, List<Project> projects,
                        TlsSettings tls, String operatorToken) {
            this(code, endpointAddress, itlAddress, signing, database, operatorHost, operatorPort, clientTimeout,
                    completionLimit, euMember, projects, tls, operatorToken, RetrySchedule.standard());
        }

        public Settings {
            retrySchedule = retrySchedule == null ? RetrySchedule.standard() : retrySchedule;
            evidenceCheckpoints = evidenceCheckpoints == null ? EvidenceCheckpointing.standard() : evidenceCheckpoints;
            limits = limits == null ? Limits.defaults() : limits;
            statusRecovery = statusRecovery == null ? StatusRecovery.standard() : statusRecovery;
            if (clientTimeout != null && (clientTimeout.isNegative() || clientTimeout.isZero())) {
                throw new IllegalArgumentException("the client timeout is positive, not " + clientTimeout);
            }
            if (faultLimit < 1) {
                throw new IllegalArgumentException("a delivery that fails on this side becomes a dead letter after at "
                        + "least 1 failure, not " + faultLimit);
            }
            projects = List.copyOf(projects);
            Objects.requireNonNull(code, "registry code");
            Objects.requireNonNull(endpointAddress, "endpoint address");
            Objects.requireNonNull(itlAddress, "ITL address");
            Objects.requireNonNull(signing, "signing settings");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(operatorHost, "operator host");
            Objects.requireNonNull(clientTimeout, "client timeout");
            Objects.requireNonNull(completionLimit, "completion limit");
            if (operatorToken == null || operatorToken.isBlank()) {
                throw new IllegalArgumentException("a registry gateway's operator API requires a token; give one "
                        + "(see OperatorToken for a generated one kept in a file)");
            }
        }
    }

    /**
     * What the gateway takes in at most.
     *
     * @param inbound     what one SOAP message may cost its endpoint (size, depth, ...; idle time, slow-sender grace)
     * @param operatorApi what one operator API request may cost (body size, idle time) and the threads answering
     */
    public record Limits(InboundLimits inbound, JsonApiServer.Limits operatorApi) {

        public Limits {
            Objects.requireNonNull(inbound, "inbound limits");
            Objects.requireNonNull(operatorApi, "operator API limits");
        }

        /** {@link InboundLimits#defaults()} and {@link OperatorApi#DEFAULT_LIMITS}. */
        public static Limits defaults() {
            return new Limits(InboundLimits.defaults(), OperatorApi.DEFAULT_LIMITS);
        }
    }

    private final NodeStores stores;
    private final AssembledRegistry registry;
    private final DutiesLease lease;
    private final String endpointAddress;

    private RegistryGateway(NodeStores stores, AssembledRegistry registry, DutiesLease lease, String endpointAddress) {
        this.stores = stores;
        this.registry = registry;
        this.lease = lease;
        this.endpointAddress = endpointAddress;
    }

    /** Opens (creating or upgrading) the registry's tables, publishes its endpoint and starts its operator API. */
    public static RegistryGateway start(Settings settings, Clock clock) {
        if (settings.operatorTls() == null) {
            OperatorApi.requireLoopback(settings.operatorHost());
        }
        NodeStores stores = NodeStores.open(settings.database(), settings.database().schema(),
                settings.database().poolSize());
        try {
            return start(settings, clock, stores);
        } catch (RuntimeException | Error e) {
            stores.close();
            throw e;
        }
    }

    private static RegistryGateway start(Settings settings, Clock clock, NodeStores stores) {
        RegistryCode code = settings.code();
        stores.database().run(() -> {
            if (stores.registries().find(code).isEmpty()) {
                stores.registries().save(new Registry(code, code.value(), RegistryStatus.OPERATING, settings.euMember()));
            }
        });
        stores.database().run(() -> settings.projects().stream()
                .filter(project -> stores.projects().find(project.id()).isEmpty())
                .forEach(stores.projects()::save));
        MessageSignatures signatures = new MessageSignatures(settings.signing());
        Peer itl = new Peer(RegistryNode.LOG, null, settings.itlAddress(), settings.tls());
        Optional<Peer> citl = Optional.ofNullable(settings.supplementaryLogAddress())
                .map(address -> new Peer(SUPPLEMENTARY_LOG, null, address, settings.tls()));
        DutiesLease lease = new DutiesLease(stores.database().directConnections(), settings.database().schema());
        AssembledRegistry registry = null;
        try {
            registry = RegistryAssembly.of(code, stores, clock)
                    .completionLimit(settings.completionLimit())
                    .euMember(settings.euMember())
                    .endpoint(settings.endpointAddress(), settings.tls(), signatures)
                    .acceptingFrom(sender -> RegistryNode.LOG.equals(sender)
                            || SUPPLEMENTARY_LOG.equals(sender) && citl.isPresent())
                    .delivering(destination -> RegistryNode.LOG.equals(destination) ? Optional.of(itl)
                                    : SUPPLEMENTARY_LOG.equals(destination) ? citl : Optional.empty(),
                            settings.retrySchedule(), settings.clientTimeout(), settings.faultLimit())
                    .askingStatusOf(() -> new LogStatusQuery(code.value(), settings.itlAddress(), signatures,
                            settings.clientTimeout(), settings.tls()))
                    .inboundLimits(settings.limits().inbound())
                    .recoveringStatuses(settings.statusRecovery())
                    .aroundDuties(duties -> new LeasedDuties(lease, duties))
                    .checkpointing(settings.signing().credential(), settings.evidenceCheckpoints().every(),
                            settings.evidenceCheckpoints().sentToTheLog())
                    .start();
            OperatorApi api = registry.operatorApi();
            api.requireToken(settings.operatorToken()).useTls(settings.operatorTls())
                    .limitedTo(settings.limits().operatorApi())
                    .start(settings.operatorHost(), settings.operatorPort());
            LOG.info("{} registry gateway: RegistryService at {}, ITL at {}, operator API at {}", code,
                    settings.endpointAddress(), settings.itlAddress(), api.address());
            return new RegistryGateway(stores, registry, lease, settings.endpointAddress());
        } catch (RuntimeException | Error e) {
            if (registry != null) {
                registry.close();
                SoapEndpoints.release(settings.endpointAddress());
            }
            lease.close();
            throw e;
        }
    }

    public RegistryNode node() {
        return registry.node();
    }

    public NodeStores stores() {
        return stores;
    }

    /** Where the operator API answers, e.g. {@code http://127.0.0.1:8081}. */
    public String operatorAddress() {
        return registry.operatorApi().address();
    }

    /** One round of the registry's work: its inbox, its duties, its outbox; answers how much was done. */
    public int runOnce() {
        return registry.runtime().runOnce();
    }

    /** Runs rounds of work in the background every {@code interval} until closed. */
    public void startLoops(Duration interval) {
        registry.runtime().startLoops(interval);
    }

    @Override
    public void close() {
        registry.close();
        SoapEndpoints.release(endpointAddress);
        lease.close();
        stores.close();
    }
}
