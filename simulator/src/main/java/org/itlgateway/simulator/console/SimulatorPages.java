package org.itlgateway.simulator.console;

import static org.itlgateway.gateway.console.Html.el;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.console.ConsoleLayout;
import org.itlgateway.gateway.console.ConsoleSessions;
import org.itlgateway.gateway.console.Html;
import org.itlgateway.gateway.console.Html.Element;
import org.itlgateway.gateway.console.Html.Node;
import org.itlgateway.gateway.console.XmlText;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.pki.NodeCodes;
import org.itlgateway.gateway.pki.PkiFiles;
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
import org.itlgateway.simulator.reconciliation.Reconciliation;
import org.itlgateway.simulator.reconciliation.ReconciliationDriver;

/**
 * The simulator console's pages, under {@code /console}: the network (its nodes, their endpoints, WSDLs and state),
 * the simulated clock (set, advance, run, pause), the faults of each node and the fault rules (add, remove), the
 * journal (by transaction, node, direction and operation) with each entry's signed XML, a transaction as each node
 * records it, the reconciliations with their findings (and starting one), the ITL's notices (sending one, its
 * follow-up), and certificates from the network's CA. Every response code shown is shown with what it means.
 * What cannot be done is answered with the reason, on the page, and nothing is done.
 */
@Path("console")
@Produces(ConsoleLayout.HTML)
public final class SimulatorPages {

    private static final int LIST_LIMIT = 200;
    /**
     * Response codes listed in a journal summary or outcome: a notification's results ({@code with 1 result(s):
     * [5301]}), what processing found ({@code rejected (6): [5301]}, {@code rejected by GB: [5301]}).
     */
    private static final Pattern LISTED_CODES = Pattern.compile("\\[([0-9]{4}(?:, ?[0-9]{4})*)]");
    /** A refusing receipt in a journal outcome: {@code receipt 0 5301,5302: ...}. */
    private static final Pattern RECEIPT_CODES = Pattern.compile("^receipt 0 ([0-9,]+)");
    /** A response code in a message's XML: {@code <...ResponseCode>5301</...ResponseCode>}. */
    private static final Pattern XML_CODES = Pattern.compile("ResponseCode>\\s*([0-9]{4})\\s*<");

    private final Network network;
    private final ConsoleSessions sessions;
    private final ConsoleLayout layout;

    SimulatorPages(Network network, ConsoleSessions sessions, ConsoleLayout layout) {
        this.network = network;
        this.sessions = sessions;
        this.layout = layout;
    }

    /** What cannot be done, with the reason: shown on the page answered, with the status the control API gives. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    // ---- the network ----

    @GET
    public Response overview(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            Element nodes = table("nodes", List.of("Node", "Role", "Endpoint", "WSDL", "Operator API", "State",
                    "Fault rules"));
            Map<String, PeerFault> faults = network.faults().all();
            List<FaultRule> rules = network.faults().rules().all();
            for (String node : network.nodes()) {
                String address = network.addressOf(node);
                long ruleCount = rules.stream().filter(rule -> node.equals(rule.node())).count();
                nodes.add(el("tr").add(td(node), td(role(node)), el("td").add(el("code", address)),
                        el("td").add(el("code", address + "?wsdl")),
                        td(network.operatorAddressOf(node).orElse("")),
                        faults.containsKey(node) ? el("td", "faulty: " + fault(faults.get(node))).cls("status-open")
                                : el("td", "answering").cls("status-final"),
                        td(ruleCount == 0 ? "" : Long.toString(ruleCount))));
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("Simulated time", network.clock().instant());
            facts.put("Clock", network.clock().isRunning() ? "runs with real time" : "paused (moves when set or advanced)");
            facts.put("Nodes", network.nodes().size());
            facts.put("Fault rules", rules.size() + (rules.isEmpty() ? "" : ", seed " + network.faults().rules().seed()));
            return layout.page(200, "Network", session, null, facts(facts), el("h2", "Nodes"), nodes,
                    el("p", "Each node's endpoint answers signed SOAP; its WSDL is at the endpoint with ?wsdl.")
                            .cls("muted"));
        });
    }

    // ---- the clock ----

    @GET
    @Path("clock")
    public Response clock(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return clockPage(session, 200, null, null);
    }

    @POST
    @Path("clock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveClock(@CookieParam(ConsoleSessions.COOKIE) String id, MultivaluedMap<String, String> form) {
        ConsoleSessions.Session session = session(id);
        String action = value(form, "action");
        try {
            if ("set".equals(action)) {
                network.clock().set(instant(value(form, "time"), "time"));
            } else if ("advance".equals(action)) {
                Duration by = duration(value(form, "by"), "by");
                if (by.isNegative() || by.isZero()) {
                    throw new Refused(400, "by is a positive duration, such as PT1H; to go back, set the time");
                }
                network.clock().advance(by);
            } else if ("run".equals(action)) {
                network.clock().run();
            } else if ("pause".equals(action)) {
                network.clock().freeze();
            } else {
                throw new Refused(400, "the clock is set, advanced, run or paused, not " + action);
            }
        } catch (Refused refused) {
            return clockPage(session, refused.status, refused.getMessage(), form);
        }
        network.settle();
        return ConsoleLayout.seeOther(layout.prefix() + "/clock");
    }

    private Response clockPage(ConsoleSessions.Session session, int status, String refusal,
                               MultivaluedMap<String, String> typed) {
        List<Node> content = new ArrayList<>();
        if (refusal != null) {
            content.add(refusal(refusal));
        }
        boolean running = network.clock().isRunning();
        content.add(el("p").add(Html.text("Simulated time: "), el("strong", network.clock().instant().toString())
                .attr("id", "clock-now"), Html.text(running ? " (runs with real time)" : " (paused: it moves when set or"
                + " advanced)")).attr("id", "clock"));
        content.add(postForm(session, "/clock", "clock-set", "Set the time",
                hidden("action", "set"),
                field("Time (UTC, ISO-8601)", "time", "clock-time", typed == null ? network.clock().instant().toString()
                        : value(typed, "time")),
                button("Set", "clock-set-button")));
        content.add(postForm(session, "/clock", "clock-advance", "Advance it",
                hidden("action", "advance"),
                field("By (ISO-8601 duration: PT1H, P1D ...)", "by", "clock-by", typed == null ? "PT1H" : value(typed, "by")),
                button("Advance", "clock-advance-button")));
        content.add(postForm(session, "/clock", "clock-run", running ? "Pause it" : "Run it with real time",
                hidden("action", running ? "pause" : "run"),
                button(running ? "Pause" : "Run", running ? "clock-pause-button" : "clock-run-button")));
        content.add(el("p", "After the clock moves, the network does what became due (terminations, retries, scheduled"
                + " reconciliations and messages).").cls("muted"));
        return layout.page(status, "Clock", session, null, content.toArray(Node[]::new));
    }

    // ---- faults ----

    @GET
    @Path("faults")
    public Response faults(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return faultsPage(session, 200, null);
    }

    @POST
    @Path("faults")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setFault(@CookieParam(ConsoleSessions.COOKIE) String id, MultivaluedMap<String, String> form) {
        ConsoleSessions.Session session = session(id);
        try {
            String node = node(value(form, "node"), "node");
            FaultKind kind = choice(FaultKind.class, value(form, "kind"), "kind");
            long millis = whole(value(form, "millis"), "millis", 0);
            int code = (int) whole(value(form, "code"), "code", 0);
            PeerFault fault;
            try {
                fault = new PeerFault(kind, millis, code);
            } catch (IllegalArgumentException wrong) {
                throw new Refused(400, wrong.getMessage());
            }
            network.faults().set(node, fault);
        } catch (Refused refused) {
            return faultsPage(session, refused.status, refused.getMessage());
        }
        return ConsoleLayout.seeOther(layout.prefix() + "/faults");
    }

    @POST
    @Path("faults/{node}/clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clearFault(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("node") String node) {
        session(id);
        network.faults().clear(node);
        return ConsoleLayout.seeOther(layout.prefix() + "/faults");
    }

    @POST
    @Path("faults/rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRule(@CookieParam(ConsoleSessions.COOKIE) String id, MultivaluedMap<String, String> form) {
        ConsoleSessions.Session session = session(id);
        try {
            String node = node(value(form, "node"), "node");
            FaultDirection direction = choice(FaultDirection.class, value(form, "direction"), "direction");
            String operation = value(form, "operation");
            if (operation != null && Arrays.stream(Operation.values()).noneMatch(o -> o.wireName().equals(operation))) {
                throw new Refused(400, "operation is an operation's wire name (acceptProposal, acceptNotification ...)"
                        + " or left out for any, not " + operation);
            }
            RuleKind kind = choice(RuleKind.class, value(form, "kind"), "kind");
            String nth = value(form, "nth");
            String probability = value(form, "probability");
            String delay = value(form, "delay");
            Double chance = null;
            if (probability != null) {
                try {
                    chance = Double.valueOf(probability);
                } catch (NumberFormatException e) {
                    throw new Refused(400, "probability is a number from 0 to 1, not " + probability);
                }
            }
            try {
                network.faults().rules().add(new FaultRule(null, node, direction, operation, kind,
                        nth == null ? null : (int) whole(nth, "nth", 0), chance,
                        delay == null ? null : new DelayDistribution(DelayDistribution.Distribution.FIXED,
                                whole(delay, "delay", 0), null, null, null, null), null));
            } catch (InvalidRule wrong) {
                throw new Refused(400, wrong.getMessage());
            } catch (IllegalArgumentException wrong) {
                throw new Refused(400, wrong.getMessage());
            }
        } catch (Refused refused) {
            return faultsPage(session, refused.status, refused.getMessage());
        }
        return ConsoleLayout.seeOther(layout.prefix() + "/faults");
    }

    @POST
    @Path("faults/rules/{rule}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeRule(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("rule") String rule) {
        ConsoleSessions.Session session = session(id);
        if (!network.faults().rules().remove(rule)) {
            return faultsPage(session, 404, "there is no fault rule " + rule + " (removed already?)");
        }
        return ConsoleLayout.seeOther(layout.prefix() + "/faults");
    }

    private Response faultsPage(ConsoleSessions.Session session, int status, String refusal) {
        List<Node> content = new ArrayList<>();
        if (refusal != null) {
            content.add(refusal(refusal));
        }
        content.add(el("h2", "Faults per node"));
        Map<String, PeerFault> faults = network.faults().all();
        if (faults.isEmpty()) {
            content.add(el("p", "No node has a fault: every node answers.").cls("muted"));
        } else {
            Element list = table("faults", List.of("Node", "Fault", ""));
            faults.forEach((node, fault) -> list.add(el("tr").add(td(node), td(fault(fault)),
                    el("td").add(inlineForm(session, Html.path(layout.prefix(), "faults", node, "clear"),
                            button("Clear", "clear-" + node))))));
            content.add(list);
        }
        content.add(postForm(session, "/faults", "set-fault", "Set a node's fault",
                select("Node", "node", "fault-node", network.nodes()),
                select("Kind", "kind", "fault-kind", names(FaultKind.values())),
                field("Millis (SLOW, TIMEOUT)", "millis", "fault-millis", ""),
                field("Response code (REFUSE_ALL)", "code", "fault-code", ""),
                button("Set", "set-fault-button")));
        content.add(el("h2", "Fault rules"));
        List<FaultRule> rules = network.faults().rules().all();
        if (rules.isEmpty()) {
            content.add(el("p", "No fault rule.").cls("muted"));
        } else {
            Element list = table("fault-rules", List.of("Rule", "Node", "Direction", "Operation", "Kind", "When", ""));
            for (FaultRule rule : rules) {
                list.add(el("tr").add(td(rule.id()), td(rule.node()), td(rule.direction()),
                        td(rule.operation() == null ? "any" : rule.operation()), td(rule.kind()
                                + (rule.delay() == null ? "" : " " + rule.delay())),
                        td(rule.nth() != null ? "message " + rule.nth() + " only" : rule.probability() != null
                                ? "with probability " + rule.probability() : "every message"),
                        el("td").add(inlineForm(session, Html.path(layout.prefix(), "faults", "rules", rule.id(), "remove"),
                                button("Remove", "remove-" + rule.id())))));
            }
            content.add(list);
            content.add(el("p", "Chances are drawn from seed " + network.faults().rules().seed() + "; "
                    + network.faults().rules().heldCount() + " message(s) held back now.").cls("muted"));
        }
        List<String> operations = new ArrayList<>(List.of(""));
        Arrays.stream(Operation.values()).map(Operation::wireName).distinct().forEach(operations::add);
        content.add(postForm(session, "/faults/rules", "add-rule", "Add a fault rule",
                select("Node", "node", "rule-node", network.nodes()),
                select("Direction", "direction", "rule-direction", names(FaultDirection.values())),
                select("Operation (empty: any)", "operation", "rule-operation", operations),
                select("Kind", "kind", "rule-kind", names(RuleKind.values())),
                field("Nth message only", "nth", "rule-nth", ""),
                field("Or with probability (0 to 1)", "probability", "rule-probability", ""),
                field("Delay in millis (DELAY)", "delay", "rule-delay", ""),
                button("Add", "add-rule-button")));
        return layout.page(status, "Faults", session, null, content.toArray(Node[]::new));
    }

    // ---- the journal ----

    @GET
    @Path("journal")
    public Response journal(@CookieParam(ConsoleSessions.COOKIE) String id, @QueryParam("transaction") String transaction,
                            @QueryParam("node") String node, @QueryParam("direction") String direction,
                            @QueryParam("operation") String operation) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            Direction which = blank(direction) ? null : choice(Direction.class, direction, "direction");
            List<JournalEntry> entries = network.journal().find(blankToNull(transaction), blankToNull(node), which,
                    blankToNull(operation), null, LIST_LIMIT, false);
            Element list = table("journal", List.of("Entry", "Simulated time", "Node", "Direction", "Peer", "Operation",
                    "Transaction", "Summary", "Outcome", "Response codes"));
            for (JournalEntry e : entries) {
                list.add(el("tr").add(el("td").add(link(Long.toString(e.id()), "journal", Long.toString(e.id()))),
                        td(e.simulatedTime()), td(e.node()), td(e.direction()), td(e.peer()), td(e.operation()),
                        e.transactionId() == null ? td("")
                                : el("td").add(link(e.transactionId(), "transactions", e.transactionId())),
                        td(e.summary()), td(e.outcome()), el("td").add(codes(codesOf(e, null)))));
            }
            return layout.page(200, "Journal", session, null, journalFilters(transaction, node, direction, operation),
                    entries.isEmpty() ? el("p", "No entry matches.").cls("muted") : list,
                    el("p", "The first " + LIST_LIMIT + " entries that match are shown, in the order they were seen.")
                            .cls("muted"));
        });
    }

    @GET
    @Path("journal/{entry}")
    public Response journalEntry(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("entry") String entry) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            long number = whole(entry, "entry", -1);
            JournalEntry e = network.journal().find(number)
                    .orElseThrow(() -> new Refused(404, "there is no journal entry " + entry));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("Entry", e.id());
            facts.put("Node", e.node());
            facts.put("Direction", e.direction());
            facts.put(e.direction() == Direction.SENT ? "To" : "From", e.peer());
            facts.put("Operation", e.operation());
            facts.put("Simulated time", e.simulatedTime());
            facts.put("Real time", e.realTime());
            facts.put("Summary", e.summary());
            facts.put("Outcome", e.outcome());
            List<Node> content = new ArrayList<>();
            content.add(facts(facts));
            if (e.transactionId() != null) {
                content.add(el("p").add(link("Transaction " + e.transactionId() + " at every node", "transactions",
                        e.transactionId()).attr("id", "transaction-link")));
            }
            content.add(el("h2", "Response codes"));
            content.add(codes(codesOf(e, e.rawXml())));
            content.add(el("h2", "Signed XML"));
            content.add(e.rawXml() == null ? el("p", "No XML is kept for this entry.").cls("muted")
                    : el("pre", XmlText.pretty(e.rawXml().getBytes(StandardCharsets.UTF_8))).cls("xml").attr("id", "xml"));
            return layout.page(200, "Journal entry " + e.id(), session, null, content.toArray(Node[]::new));
        });
    }

    @GET
    @Path("transactions/{tx}")
    public Response transaction(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("tx") String tx) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            TransactionId transaction;
            try {
                transaction = TransactionId.parse(tx);
            } catch (IllegalArgumentException e) {
                throw new Refused(400, "a transaction identifier is a registry code and a number, such as CDM12, not " + tx);
            }
            List<Node> content = new ArrayList<>();
            for (String node : network.nodes()) {
                NodeStores stores = network.stores(node);
                if (stores == null) {
                    continue;
                }
                Optional<Transaction> found = stores.database().call(() -> stores.transactions().find(transaction));
                if (found.isEmpty()) {
                    continue;
                }
                Transaction t = found.get();
                content.add(el("h2", "At " + node + ": " + t.status().code() + " " + t.status().label()
                        + (t.isFinal() ? " (final)" : " (under way)")));
                Element history = table("history-" + node, List.of("Status", "At", "Results"));
                for (StatusChange change : t.history()) {
                    history.add(el("tr").add(td(change.status().code() + " " + change.status().label()),
                            td(change.at()), el("td").add(results(change.results()))));
                }
                content.add(history);
            }
            if (content.isEmpty()) {
                throw new Refused(404, "no node of the network records transaction " + tx);
            }
            content.add(0, el("p").add(link("Its journal entries", "journal").attr("href",
                    Html.query(layout.prefix() + "/journal", Map.of("transaction", tx))).attr("id", "journal-link")));
            return layout.page(200, "Transaction " + tx, session, null, content.toArray(Node[]::new));
        });
    }

    private Element journalFilters(String transaction, String node, String direction, String operation) {
        List<String> nodes = new ArrayList<>(List.of(""));
        nodes.addAll(network.nodes());
        List<String> directions = new ArrayList<>(List.of(""));
        directions.addAll(names(Direction.values()));
        List<String> operations = new ArrayList<>(List.of(""));
        Arrays.stream(Operation.values()).map(Operation::wireName).distinct().forEach(operations::add);
        return el("form").attr("method", "get").attr("action", layout.prefix() + "/journal").cls("filters").add(
                el("label").add(Html.text("Transaction"), el("input").attr("name", "transaction")
                        .attr("id", "filter-transaction").attr("value", transaction == null ? "" : transaction)),
                selectLabel("Node", "node", "filter-node", nodes, node),
                selectLabel("Direction", "direction", "filter-direction", directions, direction),
                selectLabel("Operation", "operation", "filter-operation", operations, operation),
                el("button", "Show").attr("type", "submit").attr("id", "filter-button"));
    }

    // ---- reconciliations ----

    @GET
    @Path("reconciliations")
    public Response reconciliations(@CookieParam(ConsoleSessions.COOKIE) String id,
                                    @QueryParam("registry") String registry) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> reconciliationsPage(session, 200, null, registry));
    }

    @POST
    @Path("reconciliations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reconcile(@CookieParam(ConsoleSessions.COOKIE) String id, MultivaluedMap<String, String> form) {
        ConsoleSessions.Session session = session(id);
        String registry = value(form, "registry");
        try {
            if (registry == null) {
                throw new Refused(400, "registry is required: a registry, CITL, or all");
            }
            ReconciliationDriver driver = network.reconciliationBy(value(form, "by") == null ? "ITL" : value(form, "by"))
                    .orElseThrow(() -> new Refused(400, "a reconciliation is run by ITL or CITL, not " + value(form, "by")));
            if ("all".equalsIgnoreCase(registry)) {
                driver.initiateAll();
            } else if (!driver.reconciles(registry)) {
                throw new Refused(400, driver.self() + " does not reconcile " + registry);
            } else {
                driver.initiate(registry);
            }
        } catch (Refused refused) {
            return reconciliationsPage(session, refused.status, refused.getMessage(), null);
        }
        network.settle();
        return ConsoleLayout.seeOther(Html.query(layout.prefix() + "/reconciliations",
                Map.of("registry", "all".equalsIgnoreCase(registry) ? "" : registry)));
    }

    @GET
    @Path("reconciliations/{by}/{number}")
    public Response reconciliation(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("by") String by,
                                   @PathParam("number") String number) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            ReconciliationDriver driver = network.reconciliationBy(by)
                    .orElseThrow(() -> new Refused(404, "a reconciliation is run by ITL or CITL, not " + by));
            Reconciliation r = driver.find(whole(number, "number", -1))
                    .orElseThrow(() -> new Refused(404, "there is no reconciliation " + number + " by " + by));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("Reconciliation", r.id());
            facts.put("By", r.by());
            facts.put("Of", r.registry());
            facts.put("Snapshot", r.snapshot());
            facts.put("Phase", r.phase());
            facts.put("Status", r.status().code() + " " + r.status().label());
            facts.put("Since", r.statusAt());
            facts.put("Totals compared", r.totalsComparedAt());
            facts.put("Unit blocks compared", r.blocksComparedAt());
            if (r.intervention() != null) {
                facts.put("Manual intervention", r.intervention().by() + ": " + r.intervention().note() + " ("
                        + r.intervention().rightSide() + " stood, " + r.intervention().correctedUnits()
                        + " units corrected)");
            }
            return layout.page(200, "Reconciliation " + r.id() + " by " + r.by(), session, null, facts(facts),
                    el("h2", "Findings"), r.results().isEmpty() ? el("p", "No finding: the records agree.").cls("muted")
                            : findings(r.results()));
        });
    }

    private Response reconciliationsPage(ConsoleSessions.Session session, int status, String refusal, String registry) {
        List<Node> content = new ArrayList<>();
        if (refusal != null) {
            content.add(refusal(refusal));
        }
        List<String> parties = new ArrayList<>(List.of(""));
        network.profiles().registries().forEach(profile -> parties.add(profile.code()));
        parties.add("CITL");
        content.add(el("form").attr("method", "get").attr("action", layout.prefix() + "/reconciliations").cls("filters")
                .add(selectLabel("Of", "registry", "filter-registry", parties, registry),
                        el("button", "Show").attr("type", "submit")));
        Element list = table("reconciliations", List.of("Reconciliation", "By", "Of", "Snapshot", "Phase", "Status",
                "Findings"));
        int shown = 0;
        for (ReconciliationDriver driver : network.reconciliations()) {
            for (String party : parties) {
                if (party.isEmpty() || (!blank(registry) && !party.equals(registry))) {
                    continue;
                }
                for (Reconciliation r : driver.ofParty(party)) {
                    shown++;
                    list.add(el("tr").add(el("td").add(link(Long.toString(r.id()), "reconciliations", r.by(),
                                    Long.toString(r.id()))), td(r.by()), td(r.registry()), td(r.snapshot()), td(r.phase()),
                            el("td", r.status().code() + " " + r.status().label()).cls(statusClass(r.status())),
                            el("td").add(results(r.results()))));
                }
            }
        }
        content.add(shown == 0 ? el("p", "No reconciliation yet.").cls("muted") : list);
        List<String> whom = new ArrayList<>(List.of("all"));
        whom.addAll(parties.subList(1, parties.size()));
        List<String> logs = new ArrayList<>();
        network.reconciliations().forEach(driver -> logs.add(driver.self()));
        content.add(postForm(session, "/reconciliations", "start-reconciliation", "Start a reconciliation",
                select("Of", "registry", "reconcile-registry", whom),
                select("By", "by", "reconcile-by", logs),
                button("Reconcile now", "reconcile-button")));
        return layout.page(status, "Reconciliations", session, null, content.toArray(Node[]::new));
    }

    // ---- notices ----

    @GET
    @Path("notices")
    public Response notices(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> noticesPage(session, 200, null));
    }

    @POST
    @Path("notices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendNotice(@CookieParam(ConsoleSessions.COOKIE) String id, MultivaluedMap<String, String> form) {
        ConsoleSessions.Session session = session(id);
        Notice sent;
        try {
            String registry = value(form, "registry");
            if (registry == null || network.profiles().registries().stream().noneMatch(p -> p.code().equals(registry))) {
                throw new Refused(400, "registry is one of the network's registries, not " + registry);
            }
            int typeCode = (int) whole(value(form, "type"), "type", -1);
            NoticeType type = Arrays.stream(NoticeType.values()).filter(known -> known.code() == typeCode).findFirst()
                    .orElseThrow(() -> new Refused(400, "there is no notice type " + typeCode));
            String project = value(form, "project");
            String period = value(form, "period");
            String unitType = value(form, "unitType");
            String quantity = value(form, "quantity");
            String target = value(form, "targetDate");
            LocalDate targetDate;
            try {
                targetDate = target == null ? null : LocalDate.parse(target);
            } catch (DateTimeParseException e) {
                throw new Refused(400, "targetDate is a date such as 2014-05-01, not " + target);
            }
            try {
                sent = network.itl().issueNotice(RegistryCode.of(registry), type,
                        project == null ? null : whole(project, "project", 0),
                        period == null ? null : CommitmentPeriod.fromCode((int) whole(period, "period", 0)),
                        unitType == null ? null : choice(UnitType.class, unitType, "unitType"),
                        quantity == null ? null : whole(quantity, "quantity", 0), targetDate,
                        value(form, "content") == null ? "" : value(form, "content"));
            } catch (IllegalArgumentException wrong) {
                throw new Refused(400, "the notice cannot be sent as given: " + wrong.getMessage());
            }
        } catch (Refused refused) {
            return noticesPage(session, refused.status, refused.getMessage());
        }
        network.settle();
        return ConsoleLayout.seeOther(Html.path(layout.prefix(), "notices", Long.toString(sent.id())));
    }

    @GET
    @Path("notices/{notice}")
    public Response notice(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("notice") String notice) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            long number = whole(notice, "notice", -1);
            NodeStores itl = network.stores("ITL");
            Notice n = itl.database().call(() -> itl.notices().find(number))
                    .orElseThrow(() -> new Refused(404, "the ITL sent no notice " + notice));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("Notice", n.id());
            facts.put("Type", n.type().code() + " " + n.type().label());
            facts.put("To", n.registry().value());
            facts.put("Status", n.status().code() + " " + n.status());
            facts.put("Project", n.projectId());
            facts.put("Commitment period", n.period());
            facts.put("Unit type", n.unitType());
            facts.put("Target quantity", n.targetQuantity());
            facts.put("Target date", n.targetDate());
            facts.put("Issued", n.issuedAt());
            facts.put("Content", n.content().isEmpty() ? null : n.content());
            List<JournalEntry> delivery = network.journal().find(null, null, null,
                    Operation.REGISTRY_ACCEPT_ITL_NOTICE.wireName(), null, LIST_LIMIT, false).stream()
                    .filter(e -> e.summary() != null && e.summary().startsWith("notice " + n.id() + " ")).toList();
            Element deliveries = table("notice-delivery", List.of("Entry", "Simulated time", "Node", "Direction", "Peer",
                    "Outcome", "Response codes"));
            delivery.forEach(e -> deliveries.add(el("tr").add(el("td").add(link(Long.toString(e.id()), "journal",
                    Long.toString(e.id()))), td(e.simulatedTime()), td(e.node()), td(e.direction()), td(e.peer()),
                    td(e.outcome()), el("td").add(codes(codesOf(e, null))))));
            return layout.page(200, "Notice " + n.id(), session, null, facts(facts),
                    el("h2", "Follow-up"),
                    el("p", n.isOpen() ? "Open: the registry has yet to fulfil it, with transactions carrying the"
                            + " notice's identifier." : "Fulfilled as far as the ITL is concerned (" + n.status() + ").")
                            .attr("id", "follow-up"),
                    el("h3", "Its delivery"), delivery.isEmpty() ? el("p", "Not delivered yet.").cls("muted") : deliveries);
        });
    }

    private Response noticesPage(ConsoleSessions.Session session, int status, String refusal) {
        List<Node> content = new ArrayList<>();
        if (refusal != null) {
            content.add(refusal(refusal));
        }
        NodeStores itl = network.stores("ITL");
        List<Notice> recent = itl.database().call(() -> itl.notices().recent(LIST_LIMIT));
        Element list = table("notices", List.of("Notice", "Type", "To", "Status", "Project", "Quantity", "Target date",
                "Issued"));
        for (Notice n : recent) {
            list.add(el("tr").add(el("td").add(link(Long.toString(n.id()), "notices", Long.toString(n.id()))),
                    td(n.type().code() + " " + n.type().label()), td(n.registry().value()),
                    el("td", n.status().code() + " " + n.status()).cls(n.isOpen() ? "status-open" : "status-final"),
                    td(n.projectId()), td(n.targetQuantity()), td(n.targetDate()), td(n.issuedAt())));
        }
        content.add(recent.isEmpty() ? el("p", "The ITL has sent no notice.").cls("muted") : list);
        List<String> registries = new ArrayList<>();
        network.profiles().registries().forEach(profile -> registries.add(profile.code()));
        Element types = el("select").attr("name", "type").attr("id", "notice-type");
        for (NoticeType type : NoticeType.values()) {
            types.add(el("option", type.code() + " " + type.label()).attr("value", type.code()));
        }
        List<String> unitTypes = new ArrayList<>(List.of(""));
        unitTypes.addAll(names(UnitType.values()));
        content.add(postForm(session, "/notices", "send-notice", "Send a notice",
                select("To", "registry", "notice-registry", registries),
                el("label").add(Html.text("Type"), types),
                field("Project", "project", "notice-project", ""),
                field("Commitment period (1, 2)", "period", "notice-period", ""),
                select("Unit type", "unitType", "notice-unit-type", unitTypes),
                field("Target quantity", "quantity", "notice-quantity", ""),
                field("Target date", "targetDate", "notice-target-date", ""),
                field("Content", "content", "notice-content", ""),
                button("Send", "send-notice-button")));
        return layout.page(status, "Notices", session, null, content.toArray(Node[]::new));
    }

    // ---- certificates ----

    @GET
    @Path("certificates")
    public Response certificates(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return certificatesPage(session, 200, null, null, null);
    }

    @POST
    @Path("certificates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issueCertificate(@CookieParam(ConsoleSessions.COOKIE) String id, MultivaluedMap<String, String> form) {
        ConsoleSessions.Session session = session(id);
        String code = value(form, "code");
        try {
            if (code == null || !NodeCodes.isNodeCode(code)) {
                throw new Refused(400, "a node code is two capital letters, CDM, ITL or CITL, not " + code);
            }
            KeyAlgorithm algorithm = value(form, "algorithm") == null ? KeyAlgorithm.EC_P256
                    : choice(KeyAlgorithm.class, value(form, "algorithm"), "algorithm");
            Credential credential = network.ca().issueNodeCertificate(code, algorithm,
                    Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(825));
            return certificatesPage(session, 200, null, credential, algorithm);
        } catch (Refused refused) {
            return certificatesPage(session, refused.status, refused.getMessage(), null, null);
        }
    }

    private Response certificatesPage(ConsoleSessions.Session session, int status, String refusal, Credential issued,
                                      KeyAlgorithm algorithm) {
        List<Node> content = new ArrayList<>();
        if (refusal != null) {
            content.add(refusal(refusal));
        }
        content.add(postForm(session, "/certificates", "issue-certificate", "Issue a certificate from the network's CA",
                field("Node code", "code", "certificate-code", ""),
                select("Algorithm", "algorithm", "certificate-algorithm", names(KeyAlgorithm.values())),
                button("Issue", "issue-certificate-button")));
        if (issued != null) {
            content.add(el("h2", "Issued to " + issued.subject() + " (" + algorithm + ")"));
            content.add(el("h3", "Certificate"));
            content.add(el("pre", PkiFiles.certificatesPem(issued.chain())).cls("xml").attr("id", "certificate-pem"));
            content.add(el("h3", "Private key"));
            content.add(el("pre", PkiFiles.privateKeyPem(issued.privateKey())).cls("xml").attr("id", "private-key-pem"));
            content.add(el("h3", "The CA's certificate"));
            content.add(el("pre", PkiFiles.certificatesPem(List.of(network.ca().certificate()))).cls("xml"));
            content.add(el("h3", "The CA's CRL"));
            content.add(el("pre", PkiFiles.crlPem(network.currentCrl())).cls("xml"));
            content.add(el("p", "The key is shown once and kept nowhere: copy it now.").cls("muted"));
        }
        return layout.page(status, "Certificates", session, null, content.toArray(Node[]::new));
    }

    // ---- pieces ----

    private ConsoleSessions.Session session(String id) {
        // the guard let the request through with an open session; it may have ended since, on another thread
        return sessions.find(id).orElseThrow(() -> new jakarta.ws.rs.ForbiddenException("the session ended"));
    }

    private Response shown(ConsoleSessions.Session session, Supplier<Response> page) {
        try {
            return page.get();
        } catch (Refused refused) {
            return layout.page(refused.status, refused.status == 404 ? "Not found" : "Refused", session, null,
                    refusal(refused.getMessage()));
        }
    }

    private static Element refusal(String reason) {
        return el("div").cls("refusal").attr("id", "refusal").attr("role", "alert")
                .add(el("p", reason + ". Nothing was done."));
    }

    private String role(String node) {
        if ("ITL".equals(node) || "CITL".equals(node)) {
            return "log";
        }
        return network.profiles().find(node).map(profile -> "registry").orElse("node");
    }

    private static String fault(PeerFault fault) {
        String shown = fault.kind().name();
        if (fault.kind() == FaultKind.SLOW || fault.kind() == FaultKind.TIMEOUT) {
            shown += " " + fault.millis() + " ms";
        }
        if (fault.kind() == FaultKind.REFUSE_ALL) {
            shown += " with " + fault.code() + " " + fault.responseCode().meaning();
        }
        return shown;
    }

    /** The response codes a journal entry carries: in its summary, its receipt, and its XML when given. */
    static List<Integer> codesOf(JournalEntry entry, String xml) {
        List<Integer> codes = new ArrayList<>();
        for (String text : new String[] {entry.summary(), entry.outcome()}) {
            if (text != null) {
                Matcher m = LISTED_CODES.matcher(text);
                while (m.find()) {
                    addCodes(m.group(1), codes);
                }
            }
        }
        if (entry.outcome() != null) {
            Matcher m = RECEIPT_CODES.matcher(entry.outcome());
            if (m.find()) {
                addCodes(m.group(1), codes);
            }
        }
        if (xml != null) {
            Matcher m = XML_CODES.matcher(xml);
            while (m.find()) {
                addCodes(m.group(1), codes);
            }
        }
        return codes;
    }

    private static void addCodes(String list, List<Integer> codes) {
        for (String code : list.split("[, ]+")) {
            if (!code.isBlank()) {
                int number = Integer.parseInt(code.strip());
                if (!codes.contains(number)) {
                    codes.add(number);
                }
            }
        }
    }

    /** Response codes, each with what it means. */
    private static Node codes(List<Integer> codes) {
        if (codes.isEmpty()) {
            return Html.text("");
        }
        Element list = el("ul").cls("results codes");
        for (int code : codes) {
            list.add(el("li").add(el("strong", Integer.toString(code)), Html.text(" " + ResponseCode.find(code)
                    .map(ResponseCode::meaning).orElse("(not a known response code)"))));
        }
        return list;
    }

    private static Node results(List<EvaluationResult> results) {
        if (results == null || results.isEmpty()) {
            return Html.text("");
        }
        Element list = el("ul").cls("results");
        for (EvaluationResult r : results) {
            String description = r.description() == null || r.description().equals(r.code().meaning()) ? ""
                    : " (" + r.description() + ")";
            list.add(el("li").add(el("strong", Integer.toString(r.code().code())), Html.text(" " + r.code().meaning()
                    + description + (r.blocks().isEmpty() ? "" : " [" + r.blocks().size() + " block(s)]"))));
        }
        return list;
    }

    private static Element findings(List<EvaluationResult> results) {
        Element table = table("findings", List.of("Code", "What it means", "Why here", "Unit blocks"));
        for (EvaluationResult r : results) {
            table.add(el("tr").add(td(r.code().code()), td(r.code().meaning()), td(r.description()),
                    td(r.blocks().stream().map(Object::toString).reduce((a, b) -> a + ", " + b).orElse(""))));
        }
        return table;
    }

    private static String statusClass(ReconciliationStatus status) {
        return status.isInconsistent() ? "refusal" : status.isFinal() ? "status-final" : "status-open";
    }

    /** A form that posts, with the session's CSRF token. */
    private Element postForm(ConsoleSessions.Session session, String action, String id, String title, Node... fields) {
        return el("form").attr("method", "post").attr("action", layout.prefix() + action).attr("id", id).cls("panel")
                .add(el("h2", title), ConsoleLayout.csrf(session)).add(fields);
    }

    /** A one-button form that posts, with the session's CSRF token. */
    private static Element inlineForm(ConsoleSessions.Session session, String action, Node... fields) {
        return el("form").attr("method", "post").attr("action", action).cls("inline").add(ConsoleLayout.csrf(session))
                .add(fields);
    }

    private static Element hidden(String name, String value) {
        return el("input").attr("type", "hidden").attr("name", name).attr("value", value);
    }

    private static Element field(String label, String name, String id, String value) {
        return el("label").add(Html.text(label), el("input").attr("name", name).attr("id", id)
                .attr("value", value == null ? "" : value));
    }

    private static Element select(String label, String name, String id, List<String> options) {
        return selectLabel(label, name, id, options, null);
    }

    private static Element selectLabel(String label, String name, String id, List<String> options, String selected) {
        Element select = el("select").attr("name", name).attr("id", id);
        for (String option : options) {
            select.add(el("option", option.isEmpty() ? "any" : option).attr("value", option)
                    .flag("selected", option.equals(selected)));
        }
        return el("label").add(Html.text(label), select);
    }

    private static Element button(String text, String id) {
        return el("button", text).attr("type", "submit").attr("id", id);
    }

    private Element link(String text, String... segments) {
        return el("a", text).attr("href", Html.path(layout.prefix(), (Object[]) segments));
    }

    private static Element table(String id, List<String> headers) {
        Element head = el("tr");
        headers.forEach(h -> head.add(el("th", h)));
        return el("table").attr("id", id).add(el("thead").add(head));
    }

    private static Element td(Object value) {
        return el("td", value == null ? "" : value);
    }

    private static Element facts(Map<String, ?> facts) {
        Element list = el("dl").cls("facts");
        facts.forEach((name, value) -> {
            if (value != null) {
                list.add(el("dt", name), el("dd", value));
            }
        });
        return list;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private String node(String node, String field) {
        if (node == null || !network.nodes().contains(node)) {
            throw new Refused(400, field + " is a node of this network " + network.nodes() + ", not " + node);
        }
        return node;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text)).findFirst()
                .orElseThrow(() -> new Refused(400, field + " is one of " + Arrays.toString(type.getEnumConstants())
                        + ", not " + text));
    }

    private static long whole(String text, String field, long absent) {
        if (text == null) {
            return absent;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Refused(400, field + " is a whole number, not " + text);
        }
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new Refused(400, field + " is a time such as 2015-06-15T09:00:00Z, not " + text);
        }
    }

    private static Duration duration(String text, String field) {
        try {
            return Duration.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new Refused(400, field + " is an ISO-8601 duration such as PT1H or P1D, not " + text);
        }
    }

    /** A form's field, stripped; null when it is missing or blank. */
    private static String value(MultivaluedMap<String, String> form, String name) {
        return form == null ? null : blankToNull(form.getFirst(name));
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
