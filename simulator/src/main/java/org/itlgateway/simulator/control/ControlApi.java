package org.itlgateway.simulator.control;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.holding.HoldingTotal;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.evidence.ItlCheckpoints;
import org.itlgateway.gateway.http.JsonApiServer;
import org.itlgateway.gateway.http.Problem;
import org.itlgateway.gateway.messaging.AdministrativeMessage;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.pki.NodeCodes;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.simulator.console.SimulatorConsole;
import org.itlgateway.simulator.duties.Schedule;
import org.itlgateway.simulator.duties.SentMessage;
import org.itlgateway.simulator.duties.TimeCheck;
import org.itlgateway.simulator.duties.TimeChecks;
import org.itlgateway.simulator.fault.DelayDistribution;
import org.itlgateway.simulator.fault.FaultDirection;
import org.itlgateway.simulator.fault.FaultKind;
import org.itlgateway.simulator.fault.FaultRule;
import org.itlgateway.simulator.fault.InvalidRule;
import org.itlgateway.simulator.fault.PeerFault;
import org.itlgateway.simulator.fault.RuleKind;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.profile.LogParameters;
import org.itlgateway.simulator.reconciliation.Reconciliation;
import org.itlgateway.simulator.reconciliation.ReconciliationDriver;
import org.itlgateway.simulator.reconciliation.RightSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The testers' control API (REST/JSON, JAX-RS on a {@link JsonApiServer}), documented in docs/simulator.md; its
 * OpenAPI document is served at {@code GET /openapi.json} and kept in {@code docs/control-api.openapi.json}:
 * <pre>
 * GET    /network                          nodes, endpoints, WSDLs
 * GET    /clock                            the simulated time
 * GET    /metrics                          every node's meters (Prometheus text format; OpenMetrics on Accept)
 * POST   /clock   {"set": "2015-06-15T09:00:00Z"} or {"advance": "PT1H"}   then the network does what became due
 * GET    /faults                           faults in effect
 * PUT    /faults/{node} {"kind": "UNAVAILABLE|TIMEOUT|SLOW|MALFORMED_REPLY|REFUSE_ALL", "millis": 0, "code": 0}
 * DELETE /faults/{node}                    clear it
 * GET    /faults/rules                     the fault rules and the seed their chances are drawn from
 * POST   /faults/rules {"node": "JP", "direction": "RECEIVES", "operation": "acceptProposal", "kind": "DROP", "nth": 1}
 *                                          add a rule (DROP, DUPLICATE, REORDER, DELAY, CONNECTION_RESET, TRUNCATED_BODY,
 *                                          GARBAGE_THEN_CLOSE; "nth" or "probability"; "delay" for DELAY)
 * PUT    /faults/rules {"seed": 42, "rules": [...]}   replace every rule (and the seed); the counts start again
 * DELETE /faults/rules, /faults/rules/{id} remove every rule, or one
 * GET    /journal?transaction=CDM12&amp;node=ITL&amp;direction=RECEIVED&amp;limit=100&amp;xml=true
 * GET    /journal/{id}                     one entry with its signed XML
 * POST   /journal/verify {"node": "ITL", "operation": "acceptProposal", "transaction": "CDM12", "count": 1}
 *                                          how many entries match, and whether that is the number expected
 * POST   /certificates {"code": "NO", "algorithm": "EC_P256"}   a certificate and key (PEM) from the network's CA
 * GET    /evidence/checkpoints?registry=CDM   the evidence checkpoints the ITL holds of a registry (as
 *                                          verify-archive --itl-checkpoints reads them)
 * GET    /mirror?registry=NZ                 the ITL's mirror of a registry's holdings: units per account, and in all
 * POST   /reconciliations {"registry": "CDM"} (or "all", or "CITL"; optional "snapshot", "by": "CITL")   a log reconciles now
 * GET    /reconciliations?registry=CDM&amp;by=CITL   reconciliations of a registry or the CITL, with the log that ran them;
 *                                          GET /reconciliations/{id}?by=CITL one of them
 * POST   /reconciliations/{id}/resolve?by=CITL {"operator": "...", "note": "...", "rightSide": "LOG|REGISTRY"}
 *                                          manual intervention (status 6); when the registry was right, the log's
 *                                          records of the differing units are corrected to its holdings
 * PUT    /reconciliations/schedule {"registry": "all", "every": "P1D", "by": "CITL"}   reconcile on a simulated schedule
 * PUT    /projects/{id} {"hostParty": "IN", "category": "OTHER", ...}   register a CDM project at every node
 * GET    /projects/{id}                    a project as the ITL knows it
 * PUT    /accounts/{account} {"holder": "...", "status": "OPEN|BLOCKED|CLOSED"}   tell the logs of an account
 * GET    /accounts?registry=DE             the accounts of a registry the logs were told of
 * POST   /transactions/{id}/cancel         the ITL's administrator cancels a transaction not finalised (7)
 * GET    /parameters                       what the ITL's and the CITL's rules use now
 * PUT    /parameters/{node} {"completionLimit": "PT2H", "assignedAmounts": {"JP": {"2": 1000}}}   change them
 * POST   /notices {"registry": "CDM", "type": 6, "project": 1234, "quantity": 1500, "targetDate": "2014-05-01"}
 *                                          the ITL sends a notice (net source cancellation 1, tCER/lCER expiry 3,
 *                                          excess issuance 6 ...) and follows its fulfilment
 * POST   /messages {"registry": "CDM", "text": "...", "messageDateTime": "..."} (or "all")   the ITL sends an
 *                                          administrative message (acceptMessage)
 * PUT    /messages/schedule {"registry": "all", "every": "P7D", "text": "..."}   send it on a simulated schedule
 * POST   /time-checks {"registry": "CDM"} (or "all")   the ITL asks each registry's time (provideTime): its offset,
 *                                          flagged beyond the tolerance, or unreachable
 * GET    /time-checks?registry=CDM&amp;limit=100   a registry's time checks, latest first
 * PUT    /time-checks/schedule {"every": "PT1H"}   check every registry's time on a simulated schedule
 * </pre>
 * Errors are answered as {@code application/problem+json} (RFC 9457), 400 naming the field that cannot be read,
 * 404, 405, 413, 415; never a stack trace nor an exception's text (a request that fails unexpectedly is answered 500
 * with a sentence, and logged). It listens on 127.0.0.1 unless told otherwise: bodies up to 1 MB (413 beyond),
 * {@code limit} up to {@value #MAX_LIMIT}, requests addressed to another host name refused (421), from another
 * origin refused (403), and POST or PUT without {@code Content-Type: application/json} refused (415). Beside it, under
 * {@code /console}, the simulator's web console ({@link SimulatorConsole}), under the same rules (its forms post
 * {@code application/x-www-form-urlencoded}, each with its session's CSRF token).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class ControlApi implements AutoCloseable {

    /** The interface it listens on unless told otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The largest {@code limit} a list takes. */
    static final int MAX_LIMIT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new SimpleModule("identifiers")
                    .addSerializer(RegistryCode.class, ToStringSerializer.instance)
                    .addSerializer(UnitBlockId.class, ToStringSerializer.instance)
                    .addSerializer(TransactionId.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Network network;
    private JsonApiServer server;

    private ControlApi(Network network) {
        this.network = network;
    }

    /** The control API on 127.0.0.1 at {@code port} (0: any free port). */
    public static ControlApi start(Network network, int port) {
        return start(network, DEFAULT_HOST, port);
    }

    /** The control API on {@code host}:{@code port}; anything but a loopback host opens it to the network. */
    public static ControlApi start(Network network, String host, int port) {
        return start(network, host, port, null);
    }

    /** The control API on {@code host}:{@code port}, speaking TLS with {@code tls} when it is not null. */
    public static ControlApi start(Network network, String host, int port, Credential tls) {
        ControlApi api = new ControlApi(network);
        api.server = JsonApiServer.start(new JsonApiServer.Api("control-api", "Simulator control API",
                        "the routes are listed in docs/simulator.md and at GET /openapi.json", JSON,
                        List.of(api, new org.itlgateway.gateway.metrics.MetricsRoute(network.metrics())),
                        List.of(new DomainRefusals()),
                        SimulatorConsole.pages(network, java.time.Clock.systemUTC(), tls != null)),
                host, port, JsonApiServer.Limits.defaults(), tls);
        return api;
    }

    public String address() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }

    /*
     * The bodies below are checked once they are read (checked()), not as they are built, so that a misspelt field is
     * named as such rather than as a missing one.
     */

    /** What {@code POST /clock} takes: a time to set, or a duration to advance by. */
    public record ClockChange(Instant set, Duration advance) {
        ClockChange checked() {
            if ((set == null) == (advance == null)) {
                throw invalid(null, "say {\"set\": \"2015-06-15T09:00:00Z\"} or {\"advance\": \"PT1H\"}");
            }
            return this;
        }
    }

    /** What {@code PUT /faults/{node}} takes. */
    public record FaultRequest(FaultKind kind, Long millis, Integer code) {
        FaultRequest checked() {
            if (kind == null) {
                throw invalid("kind", "kind is required: one of " + java.util.Arrays.toString(FaultKind.values()));
            }
            return this;
        }
    }

    /** What {@code POST /faults/rules} takes: one fault rule (docs/simulator.md, "Fault rules"). */
    public record RuleRequest(String node, FaultDirection direction, String operation, RuleKind kind, Integer nth,
                              Double probability, DelayRequest delay, Duration holdFor) {
        FaultRule checked(Network network, String prefix) {
            if (node != null && network.profiles().find(node).isEmpty()) {
                throw invalid(prefix + "node", "no node " + node + " in this network");
            }
            if (operation != null && !operation.isBlank() && java.util.Arrays.stream(
                    org.itlgateway.gateway.messaging.Operation.values()).noneMatch(o -> o.wireName().equals(operation))) {
                throw invalid(prefix + "operation", "operation is an operation's wire name (acceptProposal, "
                        + "acceptNotification ...) or left out for any, not " + operation);
            }
            try {
                return new FaultRule(null, node, direction, operation, kind, nth, probability,
                        delay == null ? null : delay.toDelay(), holdFor);
            } catch (InvalidRule wrong) {
                throw invalid(prefix + wrong.field(), wrong.getMessage());
            }
        }
    }

    /** A DELAY rule's delay: FIXED with millis, UNIFORM with min and max, LOGNORMAL with median and sigma. */
    public record DelayRequest(DelayDistribution.Distribution distribution, Long millis, Long min, Long max, Long median,
                               Double sigma) {
        DelayDistribution toDelay() {
            return new DelayDistribution(distribution, millis, min, max, median, sigma);
        }
    }

    /** What {@code PUT /faults/rules} takes: every rule, and the seed (left out: the seed stays). */
    public record RuleSetRequest(Long seed, List<RuleRequest> rules) {
        List<FaultRule> checked(Network network) {
            if (rules == null) {
                throw invalid("rules", "rules is required: a list of rules, [] for none");
            }
            List<FaultRule> checked = new java.util.ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) == null) {
                    throw invalid("rules[" + i + "]", "a rule is an object");
                }
                checked.add(rules.get(i).checked(network, "rules[" + i + "]."));
            }
            return checked;
        }
    }

    /** The fault rules in effect, the seed their chances are drawn from, and how many messages they hold back. */
    public record RuleSetView(long seed, List<FaultRule> rules, int held) {
    }

    /** What {@code POST /certificates} takes. */
    public record CertificateRequest(String code, KeyAlgorithm algorithm) {
        CertificateRequest checked() {
            if (code == null || !NodeCodes.isNodeCode(code)) {
                throw invalid("code", "a node code is two capital letters, CDM, ITL or CITL, not " + code);
            }
            return this;
        }
    }

    /**
     * What {@code POST /reconciliations} takes: whom (a registry, {@code CITL}, or {@code all}), as of when, and which
     * log reconciles ({@code ITL} when left out, or {@code CITL}; for {@code all} left out, every log).
     */
    public record ReconciliationRequest(String registry, Instant snapshot, String by) {
        ReconciliationRequest checked() {
            required("registry", registry);
            return this;
        }
    }

    /**
     * What {@code PUT /reconciliations/schedule} takes: whom ({@code all}, a registry, or {@code CITL}), how often, and
     * which log reconciles (as for {@code POST /reconciliations}).
     */
    public record ScheduleRequest(String registry, Duration every, String by) {
        ScheduleRequest checked() {
            required("registry", registry);
            if (every == null || every.isNegative() || every.isZero()) {
                throw invalid("every", "every is a positive ISO-8601 duration of simulated time, e.g. P1D, not " + every);
            }
            return this;
        }
    }

    /**
     * A reconciliation schedule as set: whom, by which log ({@code ITL}, {@code CITL}, or {@code all} for every log),
     * how often (an ISO-8601 duration), and when it is next due.
     */
    public record ScheduleView(String registry, String by, String every, Instant next) {
    }

    /** What {@code PUT /projects/{id}} takes: a CDM project's reference facts. */
    public record ProjectRequest(String title, String hostParty, Boolean leastDevelopedCountry, ProjectCategory category,
                                 BigDecimal capacityMegawatts, Boolean complianceFlag, LocalDate registered) {
        ProjectRequest checked() {
            required("hostParty", hostParty);
            if (!RegistryCode.isWellFormed(hostParty)) {
                throw invalid("hostParty", "a host Party is a registry code such as BR, not " + hostParty);
            }
            if (category == null) {
                throw invalid("category", "category is required: one of " + java.util.Arrays.toString(ProjectCategory.values()));
            }
            if (capacityMegawatts != null && capacityMegawatts.signum() < 0) {
                throw invalid("capacityMegawatts", "a capacity is 0 or more, not " + capacityMegawatts);
            }
            return this;
        }

        Project toProject(long id) {
            return new Project(id, title, RegistryCode.of(hostParty), Boolean.TRUE.equals(leastDevelopedCountry), category,
                    capacityMegawatts, Boolean.TRUE.equals(complianceFlag), registered);
        }
    }

    /** What {@code PUT /accounts/{account}} takes: who holds the account, and its status (open when left out). */
    public record AccountRequest(String holder, AccountStatus status) {
    }

    /** What {@code POST /reconciliations/{id}/resolve} takes. */
    public record Resolution(String operator, String note, RightSide rightSide) {
        Resolution checked() {
            required("operator", operator);
            if (rightSide == null) {
                throw invalid("rightSide", "rightSide is required: LOG (the ITL's records stand; the registry corrects"
                        + " its holdings) or REGISTRY (the ITL's records of the differing units are corrected)");
            }
            return this;
        }
    }

    /** What {@code POST /notices} takes. */
    public record NoticeRequest(String registry, Integer type, Long project, Integer period, UnitType unitType,
                                Long quantity, LocalDate targetDate, String content) {
        NoticeRequest checked() {
            required("registry", registry);
            if (type == null) {
                throw invalid("type", "type is required: the notice type's code (1, 3, 6 ...)");
            }
            return this;
        }
    }

    /**
     * What {@code POST /journal/verify} takes: which entries to look for (any field left out matches anything) and
     * how many there must be — exactly {@code count}, or between {@code atLeast} and {@code atMost}; at least one when
     * none of the three is given.
     */
    public record JournalPattern(String node, String operation, String transaction, Direction direction, String peer,
                                 Integer count, Integer atLeast, Integer atMost) {
        JournalPattern checked() {
            if (count != null && (atLeast != null || atMost != null)) {
                throw invalid("count", "say count, or atLeast and/or atMost, not both");
            }
            notNegative("count", count);
            notNegative("atLeast", atLeast);
            notNegative("atMost", atMost);
            if (atLeast != null && atMost != null && atLeast > atMost) {
                throw invalid("atMost", "atMost " + atMost + " is below atLeast " + atLeast);
            }
            return this;
        }

        private static void notNegative(String field, Integer bound) {
            if (bound != null && bound < 0) {
                throw invalid(field, "a number of entries is 0 or more, not " + bound);
            }
        }

        int lowest() {
            return count != null ? count : atLeast != null ? atLeast : atMost != null ? 0 : 1;
        }

        int highest() {
            return count != null ? count : atMost != null ? atMost : Integer.MAX_VALUE;
        }

        String expected() {
            if (count != null) {
                return "exactly " + count;
            }
            return highest() == Integer.MAX_VALUE ? "at least " + lowest() : "between " + lowest() + " and " + highest();
        }
    }

    /** What the journal holds of a pattern: whether the number found is the number expected, and the entries. */
    public record JournalVerification(boolean verified, int found, String expected, List<JournalEntry> entries) {
    }

    /** The simulated time, and whether it runs. */
    public record ClockView(Instant now, boolean running) {
    }

    /** A certificate and key (PEM) from the network's CA, with the CA's certificate and CRL. */
    public record MintedCertificate(String subject, String certificatePem, String privateKeyPem, String caCertificatePem,
                                    String crlPem) {
    }

    /** The ITL's mirror of a registry's holdings. */
    public record MirrorView(String registry, Instant at, long units, List<HoldingTotal> accounts) {
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required");
        }
    }

    /** 400 naming the field (none when the body as a whole is wrong). */
    private static RuntimeException invalid(String field, String detail) {
        Problem problem = Problem.typed(400, "invalid-request", "The request cannot be read", detail);
        return (field == null ? problem : problem.with("field", field)).exception();
    }

    /** The most entries one verification reads; a pattern matching more is too wide to count. */
    private static final int VERIFY_LIMIT = 10_000;

    @GET
    @Path("network")
    public Map<String, Object> network() {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (String node : network.nodes()) {
            String address = network.addressOf(node);
            Map<String, String> view = new LinkedHashMap<>();
            view.put("endpoint", address);
            view.put("wsdl", address + "?wsdl");
            network.operatorAddressOf(node).ifPresent(operator -> view.put("operator", operator));
            nodes.put(node, view);
        }
        return Map.of("nodes", nodes, "clock", network.clock().instant(), "control", address());
    }

    @GET
    @Path("clock")
    public ClockView clock() {
        return new ClockView(network.clock().instant(), network.clock().isRunning());
    }

    @POST
    @Path("clock")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClockView moveClock(ClockChange change) {
        if (change == null) {
            throw noBody();
        }
        change.checked();
        if (change.set() != null) {
            network.clock().set(change.set());
        } else {
            network.clock().advance(change.advance());
        }
        network.settle();
        return clock();
    }

    @GET
    @Path("faults")
    public Map<String, PeerFault> faults() {
        return network.faults().all();
    }

    @PUT
    @Path("faults/{node}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, PeerFault> setFault(@PathParam("node") String node, FaultRequest fault) {
        if (!network.nodes().contains(node)) {
            throw Problem.of(404, "no node " + node + "; the nodes are " + network.nodes()).exception();
        }
        if (fault == null) {
            throw noBody();
        }
        fault.checked();
        network.faults().set(node, new PeerFault(fault.kind(), fault.millis() == null ? 0 : fault.millis(),
                fault.code() == null ? 0 : fault.code()));
        return network.faults().all();
    }

    @DELETE
    @Path("faults/{node}")
    public Map<String, PeerFault> clearFault(@PathParam("node") String node) {
        network.faults().clear(node);
        return network.faults().all();
    }

    @GET
    @Path("faults/rules")
    public RuleSetView faultRules() {
        var rules = network.faults().rules();
        return new RuleSetView(rules.seed(), rules.all(), rules.heldCount());
    }

    /** Adds a fault rule after the others; answers it with its identifier. */
    @POST
    @Path("faults/rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public FaultRule addFaultRule(RuleRequest rule) {
        if (rule == null) {
            throw noBody();
        }
        return network.faults().rules().add(rule.checked(network, ""));
    }

    /** Replaces every fault rule, and the seed when given; the counts (Nth message, attempts) start again. */
    @PUT
    @Path("faults/rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleSetView replaceFaultRules(RuleSetRequest set) {
        if (set == null) {
            throw noBody();
        }
        network.faults().rules().replace(set.seed(), set.checked(network));
        return faultRules();
    }

    /** Removes every fault rule: what they hold back is handed in, their delays end. */
    @DELETE
    @Path("faults/rules")
    public RuleSetView clearFaultRules() {
        network.faults().rules().clear();
        return faultRules();
    }

    @DELETE
    @Path("faults/rules/{id}")
    public RuleSetView removeFaultRule(@PathParam("id") String id) {
        if (!network.faults().rules().remove(id)) {
            throw Problem.of(404, "no fault rule " + id).exception();
        }
        return faultRules();
    }

    @GET
    @Path("journal")
    public List<JournalEntry> journal(@QueryParam("transaction") String transaction, @QueryParam("node") String node,
                                      @QueryParam("direction") String direction, @QueryParam("limit") String limit,
                                      @QueryParam("xml") String xml) {
        Direction which = null;
        if (direction != null) {
            which = java.util.Arrays.stream(Direction.values()).filter(d -> d.name().equals(direction)).findFirst()
                    .orElseThrow(() -> badQuery("direction", "direction is one of "
                            + java.util.Arrays.toString(Direction.values())));
        }
        return network.journal().find(transaction, node, which, limit(limit == null ? "500" : limit),
                Boolean.parseBoolean(xml));
    }

    /**
     * Verifies what the network exchanged, as a mock server's verify does: how many journal entries match the
     * pattern, and whether that is the number expected. Always 200; {@code verified} says the verdict.
     */
    @POST
    @Path("journal/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public JournalVerification verifyJournal(JournalPattern pattern) {
        if (pattern == null) {
            throw noBody();
        }
        pattern.checked();
        List<JournalEntry> found = network.journal().find(pattern.transaction(), pattern.node(), pattern.direction(),
                pattern.operation(), pattern.peer(), VERIFY_LIMIT, false);
        boolean verified = found.size() >= pattern.lowest() && found.size() <= pattern.highest()
                && found.size() < VERIFY_LIMIT;
        return new JournalVerification(verified, found.size(), pattern.expected(), found);
    }

    @GET
    @Path("journal/{id}")
    public JournalEntry journalEntry(@PathParam("id") String id) {
        return network.journal().find(number("id", id))
                .orElseThrow(() -> Problem.of(404, "no journal entry " + id).exception());
    }

    @GET
    @Path("mirror")
    public MirrorView mirror(@QueryParam("registry") String registry) {
        if (registry == null) {
            throw badQuery("registry", "say which registry: GET /mirror?registry=NZ");
        }
        RegistryCode code = RegistryCode.of(registry);
        var itl = network.stores("ITL");
        List<HoldingTotal> totals = itl.database()
                .call(() -> itl.snapshots().accountTotalsAsOf(code, network.clock().instant()));
        return new MirrorView(registry, network.clock().instant(), totals.stream().mapToLong(HoldingTotal::units).sum(),
                totals);
    }

    /**
     * The evidence checkpoints the ITL holds of a registry, in sequence order, as {@code verify-archive
     * --itl-checkpoints} reads them.
     */
    @GET
    @Path("evidence/checkpoints")
    public ItlCheckpoints evidenceCheckpoints(@QueryParam("registry") String registry) {
        if (registry == null) {
            throw badQuery("registry", "say which registry: GET /evidence/checkpoints?registry=CDM");
        }
        if (!RegistryCode.isWellFormed(registry)) {
            throw badQuery("registry", "a registry code such as CDM, not " + registry);
        }
        if (network.itl() == null) {
            throw Problem.of(404, "this network has no ITL").exception();
        }
        return ItlCheckpoints.of(registry, network.itl().checkpointsOf(registry));
    }

    @POST
    @Path("certificates")
    @Consumes(MediaType.APPLICATION_JSON)
    public MintedCertificate mint(CertificateRequest request) {
        if (request == null) {
            throw noBody();
        }
        request.checked();
        KeyAlgorithm algorithm = request.algorithm() != null ? request.algorithm() : KeyAlgorithm.EC_P256;
        Credential credential = network.ca().issueNodeCertificate(request.code(), algorithm,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(825));
        return new MintedCertificate(credential.subject(), PkiFiles.certificatesPem(credential.chain()),
                PkiFiles.privateKeyPem(credential.privateKey()),
                PkiFiles.certificatesPem(List.of(network.ca().certificate())), PkiFiles.crlPem(network.currentCrl()));
    }

    @POST
    @Path("reconciliations")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Reconciliation> reconcile(ReconciliationRequest request) {
        if (request == null) {
            throw noBody();
        }
        request.checked();
        boolean all = "all".equalsIgnoreCase(request.registry());
        List<ReconciliationDriver> drivers = all && request.by() == null ? network.reconciliations()
                : List.of(reconcilingLog(request.by(), "by"));
        Map<ReconciliationDriver, List<Long>> started = new LinkedHashMap<>();
        for (ReconciliationDriver driver : drivers) {
            if (all) {
                started.put(driver, driver.initiateAll());
            } else {
                String party = reconciledBy(driver, request.registry());
                started.put(driver, List.of(request.snapshot() != null ? driver.initiate(party, request.snapshot())
                        : driver.initiate(party)));
            }
        }
        network.settle();
        List<Reconciliation> answered = new ArrayList<>();
        started.forEach((driver, ids) -> ids.forEach(id -> answered.add(driver.find(id).orElseThrow())));
        return answered;
    }

    @GET
    @Path("reconciliations")
    public List<Reconciliation> reconciliations(@QueryParam("registry") String registry, @QueryParam("by") String by) {
        if (registry == null) {
            throw badQuery("registry", "say which registry: GET /reconciliations?registry=CDM");
        }
        if (!RegistryCode.isWellFormed(registry) && !"CITL".equals(registry)) {
            throw badQuery("registry", "a registry code such as CDM, or CITL, not " + registry);
        }
        List<ReconciliationDriver> drivers = by == null ? network.reconciliations() : List.of(reconcilingLog(by, "by"));
        List<Reconciliation> found = new ArrayList<>();
        for (ReconciliationDriver driver : drivers) {
            found.addAll(driver.ofParty(registry));
        }
        return found;
    }

    /** The log of that code that reconciles (the ITL when {@code by} is left out); 400 naming the field otherwise. */
    private ReconciliationDriver reconcilingLog(String by, String field) {
        String log = by == null ? "ITL" : by;
        return network.reconciliationBy(log).orElseThrow(() -> by == null
                ? Problem.of(404, "this network has no ITL").exception()
                : invalid(field, "a reconciliation is run by ITL or CITL, not " + by));
    }

    /** The party as the log reconciles it; 400 naming the registry when the log does not reconcile it. */
    private static String reconciledBy(ReconciliationDriver driver, String registry) {
        if (!driver.reconciles(registry)) {
            throw invalid("registry", driver.self() + " does not reconcile " + registry + ("CITL".equals(driver.self())
                    ? ": the CITL reconciles the EU registries" : ": the ITL reconciles the registries of the network and the CITL"));
        }
        return registry;
    }

    /**
     * Reconciles a registry, the CITL, or every party ({@code "registry": "all"}), every {@code every} of simulated
     * time, the first time {@code every} from now; setting it again for the same party and log replaces it. {@code all}
     * with no {@code by} schedules every log's: the ITL's of every registry and the CITL, the CITL's of every EU registry.
     */
    @PUT
    @Path("reconciliations/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleView schedule(ScheduleRequest request) {
        if (request == null) {
            throw noBody();
        }
        request.checked();
        boolean all = "all".equalsIgnoreCase(request.registry());
        List<ReconciliationDriver> drivers = all && request.by() == null ? network.reconciliations()
                : List.of(reconcilingLog(request.by(), "by"));
        for (ReconciliationDriver driver : drivers) {
            driver.schedule(all ? null : reconciledBy(driver, request.registry()), request.every());
        }
        return new ScheduleView(all ? "all" : request.registry(), drivers.size() == 1 ? drivers.get(0).self() : "all",
                request.every().toString(), network.clock().instant().plus(request.every()));
    }

    /**
     * Registers a CDM project, or replaces it, at every node of the network (the ITL, the CITL, the simulated
     * registries), as the Executive Board would: the CDM registry may then issue for it and the logs check it.
     */
    @PUT
    @Path("projects/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Project registerProject(@PathParam("id") String id, ProjectRequest request) {
        if (request == null) {
            throw noBody();
        }
        long number = number("id", id);
        if (number < 1) {
            throw Problem.of(400, "a project identifier is a positive number, not " + id).exception();
        }
        Project project = request.checked().toProject(number);
        network.registerProject(project);
        return project;
    }

    /** A CDM project as the ITL knows it. */
    @GET
    @Path("projects/{id}")
    public Project project(@PathParam("id") String id) {
        long number = number("id", id);
        var itl = network.stores("ITL");
        return itl.database().call(() -> itl.projects().find(number))
                .orElseThrow(() -> Problem.of(404, "the ITL knows no project " + id).exception());
    }

    /**
     * Tells the logs of a registry's account, or of its new status, as the DES's account management would: the ITL
     * and the CITL know only the accounts they are told of (the profiles' and these). The CITL then takes the account
     * as existing in its EU registry (7020, 7021); either log refuses units leaving or entering one told closed or
     * blocked (3008, 3009). 404 for a registry the network does not have.
     */
    @PUT
    @Path("accounts/{account}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Account tellAccount(@PathParam("account") String account, AccountRequest request) {
        if (request == null) {
            throw noBody();
        }
        AccountRef ref;
        try {
            ref = AccountRef.parse(account);
        } catch (IllegalArgumentException e) {
            throw invalid("account", "an account is REGISTRY-TYPE-IDENTIFIER-PERIOD, e.g. DE-120-4002-0, not " + account);
        }
        if (network.profiles().registries().stream().noneMatch(profile -> profile.code().equals(ref.registry().value()))) {
            throw Problem.of(404, "the network has no registry " + ref.registry()).exception();
        }
        Account told = new Account(ref, request.holder(), request.status() == null ? AccountStatus.OPEN : request.status());
        network.tellLogsOf(told);
        return told;
    }

    /** The accounts of a registry the logs were told of. */
    @GET
    @Path("accounts")
    public List<Account> accounts(@QueryParam("registry") String registry) {
        if (registry == null || !RegistryCode.isWellFormed(registry)) {
            throw badQuery("registry", "say which registry: GET /accounts?registry=DE");
        }
        return network.accountsToldOf(RegistryCode.of(registry));
    }

    @GET
    @Path("reconciliations/{id}")
    public Reconciliation reconciliation(@PathParam("id") String id, @QueryParam("by") String by) {
        ReconciliationDriver driver = reconcilingLog(by, "by");
        return driver.find(number("id", id))
                .orElseThrow(() -> Problem.of(404, "no reconciliation " + id + " by " + driver.self()).exception());
    }

    @POST
    @Path("reconciliations/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Reconciliation resolve(@PathParam("id") String id, @QueryParam("by") String by, Resolution resolution) {
        if (resolution == null) {
            throw noBody();
        }
        resolution.checked();
        ReconciliationDriver driver = reconcilingLog(by, "by");
        Reconciliation found = reconciliation(id, by);
        if (!found.isOpenInconsistency()) {
            throw Problem.typed(409, "not-an-open-inconsistency", "The reconciliation has no open inconsistency",
                    "reconciliation " + id + " is " + found.status() + " (" + found.status().code() + "): only a"
                            + " reconciliation found inconsistent (3 or 4) is resolved by manual intervention").exception();
        }
        if (resolution.rightSide() == RightSide.REGISTRY && "CITL".equals(found.registry())) {
            throw Problem.typed(409, "no-correction-of-a-log", "The ITL's records cannot be set to the CITL's",
                    "reconciliation " + id + " is of the CITL, whose reported blocks name no registry: resolve it with"
                            + " rightSide LOG").exception();
        }
        var resolved = driver.resolveManually(found.id(), resolution.operator(),
                resolution.note() == null ? "" : resolution.note(), resolution.rightSide());
        network.settle();
        return resolved;
    }

    /** The numbers and dates each log's rules use now (the ITL's and the CITL's). */
    @GET
    @Path("parameters")
    public Map<String, LogParameters> parameters() {
        Map<String, LogParameters> all = new LinkedHashMap<>();
        for (String log : List.of("ITL", "CITL")) {
            network.parametersOf(log).ifPresent(parameters -> all.put(log, LogParameters.of(parameters)));
        }
        return all;
    }

    /**
     * Changes what a log's rules use from its next message on, as its profile's {@code parameters} would (ISO-8601
     * durations and instants; assigned amounts replace the log's table): the completion limit, the true-up ends, the
     * carry-over limit, the assigned amounts behind 5008 and 5013 ... Answers the log's parameters now; 404 for a node
     * that is not a log, 400 naming a field that cannot be read.
     */
    @PUT
    @Path("parameters/{node}")
    @Consumes(MediaType.APPLICATION_JSON)
    public LogParameters changeParameters(@PathParam("node") String node, LogParameters changes) {
        if (changes == null) {
            throw noBody();
        }
        return network.changeParameters(node, changes).map(LogParameters::of)
                .orElseThrow(() -> Problem.of(404, node + " is not a log of this network (ITL or CITL)").exception());
    }

    /**
     * The ITL's administrator cancels a transaction (status 7) that no registry was told to finalise yet: both
     * registries hear it and release what they reserved. 404 when the ITL does not know it; 409 with the response
     * code when it is final (4001) or its registry was told to finalise it (4002).
     */
    @POST
    @Path("transactions/{id}/cancel")
    public CancelledTransaction cancel(@PathParam("id") String id) {
        TransactionId transaction;
        try {
            transaction = TransactionId.parse(id);
        } catch (IllegalArgumentException e) {
            throw badQuery("id", "a transaction identifier is a registry code and a number, such as CDM12");
        }
        var refusal = network.itl().cancel(transaction);
        if (refusal.isPresent()) {
            if (refusal.get().code() == ResponseCode.TRANSACTION_UNKNOWN) {
                throw Problem.of(404, refusal.get().description()).exception();
            }
            throw Problem.typed(409, "not-cancelled", "The ITL did not cancel the transaction", refusal.get().description())
                    .with("codes", List.of(refusal.get().code().code())).exception();
        }
        network.settle();
        return new CancelledTransaction(transaction, TransactionStatus.CANCELLED.code(), network.itl().log().statusOf(transaction)
                .map(change -> change.at()).orElse(null));
    }

    /** A transaction the ITL's administrator cancelled, and when. */
    public record CancelledTransaction(TransactionId transaction, int status, java.time.Instant at) {
    }

    @POST
    @Path("notices")
    @Consumes(MediaType.APPLICATION_JSON)
    public Notice notice(NoticeRequest request) {
        if (request == null) {
            throw noBody();
        }
        request.checked();
        if (network.profiles().registries().stream().noneMatch(profile -> profile.code().equals(request.registry()))) {
            throw Problem.of(404, "the network has no registry " + request.registry()).exception();
        }
        NoticeType type = java.util.Arrays.stream(NoticeType.values()).filter(known -> known.code() == request.type())
                .findFirst().orElseThrow(() -> invalid("type", "no notice type " + request.type() + "; the types are "
                        + java.util.Arrays.stream(NoticeType.values()).map(known -> known.code()).toList()));
        var notice = network.itl().issueNotice(RegistryCode.of(request.registry()), type,
                request.project(), request.period() == null ? null : CommitmentPeriod.fromCode(request.period()),
                request.unitType(), request.quantity(), request.targetDate(),
                request.content() == null ? "" : request.content());
        network.settle();
        return notice;
    }

    // ---- what the ITL does by itself: administrative messages and time checks ----

    /** What {@code POST /messages} takes: whom ({@code all}, or a registry), the text, and optionally its date. */
    public record MessageRequest(String registry, String text, Instant messageDateTime) {
        MessageRequest checked() {
            required("registry", registry);
            messageText(text);
            return this;
        }
    }

    /** What {@code PUT /messages/schedule} takes: whom ({@code all}, or a registry), how often, and the text. */
    public record MessageScheduleRequest(String registry, Duration every, String text) {
        MessageScheduleRequest checked() {
            required("registry", registry);
            period(every);
            messageText(text);
            return this;
        }
    }

    /** What {@code POST /time-checks} takes: whom ({@code all}, or a registry). */
    public record TimeCheckRequest(String registry) {
        TimeCheckRequest checked() {
            required("registry", registry);
            return this;
        }
    }

    /** What {@code PUT /time-checks/schedule} takes: how often every registry's time is checked. */
    public record TimeCheckScheduleRequest(Duration every) {
        TimeCheckScheduleRequest checked() {
            period(every);
            return this;
        }
    }

    /** The time checks of a request, with the tolerance beyond which a registry is flagged. */
    public record TimeCheckList(String tolerance, List<TimeCheck> checks) {
        static TimeCheckList of(List<TimeCheck> checks) {
            return new TimeCheckList(TimeChecks.TOLERANCE.toString(), checks);
        }
    }

    private static void messageText(String text) {
        required("text", text);
        if (text.length() > AdministrativeMessage.MAX_LENGTH) {
            throw invalid("text", "a message's text is at most " + AdministrativeMessage.MAX_LENGTH
                    + " characters (the DES's FreeText), not " + text.length());
        }
    }

    private static void period(Duration every) {
        if (every == null || every.isNegative() || every.isZero()) {
            throw invalid("every", "every is a positive ISO-8601 duration of simulated time, e.g. P7D, not " + every);
        }
    }

    /** {@code null} for {@code all}; else the registry, which must be one of the network's (404 otherwise). */
    private RegistryCode registryOrAll(String registry) {
        return "all".equalsIgnoreCase(registry) ? null : registryOfTheNetwork(registry);
    }

    private RegistryCode registryOfTheNetwork(String registry) {
        List<String> registries = network.profiles().registries().stream().map(profile -> profile.code()).toList();
        if (!registries.contains(registry)) {
            throw Problem.of(404, "no registry " + registry + " in this network; the registries are " + registries)
                    .exception();
        }
        return RegistryCode.of(registry);
    }

    /** The ITL sends an administrative message (acceptMessage) to a registry, or to every registry; it is delivered. */
    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<SentMessage> sendMessage(MessageRequest request) {
        if (request == null) {
            throw noBody();
        }
        request.checked();
        List<SentMessage> sent = network.duties().messages().send(registryOrAll(request.registry()), request.text(),
                request.messageDateTime());
        network.settle();
        return sent;
    }

    /**
     * The ITL sends an administrative message to a registry, or to every registry ({@code "registry": "all"}), every
     * {@code every} of simulated time, the first time {@code every} from now; setting it again replaces it.
     */
    @PUT
    @Path("messages/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public Schedule scheduleMessage(MessageScheduleRequest request) {
        if (request == null) {
            throw noBody();
        }
        request.checked();
        return network.duties().messages().schedule(registryOrAll(request.registry()), request.every(), request.text());
    }

    /** The ITL asks a registry's time, or every registry's, and compares it with its own clock. */
    @POST
    @Path("time-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    public TimeCheckList checkTime(TimeCheckRequest request) {
        if (request == null) {
            throw noBody();
        }
        request.checked();
        return TimeCheckList.of(network.duties().timeChecks().check(registryOrAll(request.registry())));
    }

    @GET
    @Path("time-checks")
    public TimeCheckList timeChecks(@QueryParam("registry") String registry, @QueryParam("limit") String limit) {
        if (registry == null) {
            throw badQuery("registry", "say which registry: GET /time-checks?registry=CDM");
        }
        return TimeCheckList.of(network.duties().timeChecks().ofRegistry(registryOfTheNetwork(registry),
                limit(limit == null ? "100" : limit)));
    }

    /** The ITL checks every registry's time every {@code every} of simulated time, the first time {@code every} from now. */
    @PUT
    @Path("time-checks/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public Schedule scheduleTimeChecks(TimeCheckScheduleRequest request) {
        if (request == null) {
            throw noBody();
        }
        request.checked();
        return network.duties().timeChecks().schedule(request.every());
    }

    // ---- end of the ITL's own duties ----

    /** The {@code limit} of a list: a whole number from 1 to {@value #MAX_LIMIT}. */
    private static int limit(String text) {
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw badQuery("limit", "limit is a whole number from 1 to " + MAX_LIMIT + ", not "
                    + (text.length() > 20 ? text.substring(0, 20) + "..." : text));
        }
        return limit;
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw badQuery(name, name + " is a number");
        }
    }

    private static RuntimeException badQuery(String name, String detail) {
        return Problem.typed(400, "invalid-request", "The request cannot be read", detail).with("field", name).exception();
    }

    private static RuntimeException noBody() {
        return Problem.typed(400, "invalid-request", "The request cannot be read",
                "the request needs a JSON object as its body").exception();
    }

    /**
     * A value the domain refuses (a registry code, a notice type ... not in its form): 400 in our own words, the
     * domain's reason in the log only.
     */
    static final class DomainRefusals implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException refused) {
            LOG.info("control API: a request refused: {}", refused.toString());
            return Problem.typed(400, "invalid-request", "The request cannot be read",
                    "the request could not be read: a value is not in the form docs/simulator.md gives (the "
                            + "simulator's log says which)").response();
        }
    }
}
