package org.itlgateway.gateway.console;

import static org.itlgateway.gateway.console.Html.el;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
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
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.gateway.console.Html.Element;
import org.itlgateway.gateway.console.Html.Node;
import org.itlgateway.gateway.http.Problem;
import org.itlgateway.gateway.http.ProblemException;
import org.itlgateway.gateway.node.reconciliation.RecordedReconciliation;
import org.itlgateway.gateway.operator.AccountView;
import org.itlgateway.gateway.operator.BlockView;
import org.itlgateway.gateway.operator.CheckpointView;
import org.itlgateway.gateway.operator.CodeView;
import org.itlgateway.gateway.operator.DeadLetterRoutes;
import org.itlgateway.gateway.operator.EvidenceTrail;
import org.itlgateway.gateway.operator.HelpDeskRoutes;
import org.itlgateway.gateway.operator.MessageRoutes;
import org.itlgateway.gateway.operator.MessageView;
import org.itlgateway.gateway.operator.NoticeRoutes;
import org.itlgateway.gateway.operator.OperatorServices;
import org.itlgateway.gateway.operator.RegistryRoutes;
import org.itlgateway.gateway.operator.ResultView;
import org.itlgateway.gateway.operator.TransactionRoutes;
import org.itlgateway.gateway.operator.TransactionView;

/**
 * The registry console's pages, under {@code /console}: the registry and its accounts, an account's unit blocks,
 * the transactions (by status, type and date), a transaction (its status history with the results in words, every
 * message sent and received with its signed XML), the propose forms, the notices and administrative messages, the
 * reconciliations, the dead letters (retry, discard) and, for the CDM registry, the help desk's queue. Each calls the
 * operator API's own work ({@link OperatorServices}); what the API would refuse is shown with its reason, a refusal
 * by the registry's rules with each response code and what it means.
 */
@Path("console")
@Produces(ConsoleLayout.HTML)
public final class RegistryPages {

    /** How often a transaction not final yet is reloaded, in seconds. */
    static final int REFRESH_SECONDS = 2;
    private static final int LIST_LIMIT = 100;

    private final OperatorServices services;
    private final ConsoleSessions sessions;
    private final ConsoleLayout layout;

    public RegistryPages(OperatorServices services, ConsoleSessions sessions, ConsoleLayout layout) {
        this.services = services;
        this.sessions = sessions;
        this.layout = layout;
    }

    // ---- the registry and its accounts ----

    @GET
    public Response overview(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            RegistryRoutes.RegistryView registry = services.registry();
            Element accounts = table("accounts", List.of("Account", "Type", "Holder", "Status", "Units", "Reserved",
                    "By unit type"));
            for (AccountView account : registry.accounts()) {
                accounts.add(el("tr").add(el("td").add(link(account.ref(), "accounts", account.ref())),
                        td(code(account.type())), td(account.holder()), td(account.status()), number(account.units()),
                        number(account.reserved()), td(account.unitsByType() == null ? "" : account.unitsByType().toString())));
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("Registry", registry.code());
            facts.put("Time", registry.time());
            facts.put("Units held", registry.units());
            return layout.page(200, "Registry " + registry.code(), session, null, facts(facts), el("h2", "Accounts"),
                    accounts);
        });
    }

    @GET
    @Path("accounts/{ref}")
    public Response holdings(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("ref") String ref) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            RegistryRoutes.HoldingsView holdings = services.holdings(ref);
            AccountView account = holdings.account();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("Account", account.ref());
            facts.put("Type", code(account.type()));
            facts.put("Holder", account.holder());
            facts.put("Status", account.status());
            facts.put("Units", account.units());
            facts.put("Reserved", account.reserved());
            facts.put("By unit type", account.unitsByType());
            return layout.page(200, "Account " + account.ref(), session, null, facts(facts), el("h2", "Unit blocks"),
                    blocks(holdings.blocks(), true));
        });
    }

    // ---- transactions ----

    @GET
    @Path("transactions")
    public Response transactions(@CookieParam(ConsoleSessions.COOKIE) String id, @QueryParam("status") String status,
                                 @QueryParam("type") String type, @QueryParam("from") String from,
                                 @QueryParam("to") String to) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            Integer typeCode = typeOf(type);
            List<TransactionView> found = services.transactions(status, typeCode, dateOf(from, "from"), dateOf(to, "to"),
                    LIST_LIMIT);
            Element list = table("transactions", List.of("Transaction", "Type", "Kind", "From", "To", "Quantity",
                    "Proposed", "Status"));
            for (TransactionView t : found) {
                list.add(el("tr").add(el("td").add(link(t.id(), "transactions", t.id())), td(code(t.type())),
                        td(t.supplementaryType().label()), td(party(t.transferringRegistry(), t.transferringAccount())),
                        td(party(t.acquiringRegistry(), t.acquiringAccount())), number(t.quantity()),
                        td(t.proposedAt()), status(t.status(), t.isFinal())));
            }
            return layout.page(200, "Transactions", session, null, transactionFilters(status, type, from, to),
                    found.isEmpty() ? el("p", "No transaction matches.").cls("muted") : list,
                    el("p", "The " + LIST_LIMIT + " most recently proposed that match are shown, newest first.").cls("muted"));
        });
    }

    @GET
    @Path("transactions/{tx}")
    public Response transaction(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("tx") String tx) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> transactionPage(session, services.transaction(tx), 200, null));
    }

    @GET
    @Path("transactions/{tx}/evidence")
    public Response evidence(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("tx") String tx) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> evidencePage(session, services.evidence(tx)));
    }

    /** A transaction's evidence trail: its records in the archive, whether the archive verifies, the checkpoint. */
    private Response evidencePage(ConsoleSessions.Session session, EvidenceTrail trail) {
        List<Node> content = new ArrayList<>();
        content.add(el("p").add(link("Back to transaction " + trail.transaction(), "transactions", trail.transaction())));
        EvidenceTrail.Verdict verdict = trail.verdict();
        content.add(el("p", verdict.intact()
                ? "The archive verifies: " + verdict.recordsChecked() + " records and " + verdict.checkpointsChecked()
                        + " checkpoints checked, every link, hash and checkpoint signature."
                : "The archive does not verify: record " + verdict.brokenAt() + " is broken (" + verdict.fault() + "). "
                        + verdict.summary())
                .attr("id", "verdict").cls(verdict.intact() ? "status-final" : "refusal"));
        if (trail.checkpoint() != null) {
            CheckpointView signed = trail.checkpoint();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("Signs record", signed.sequence());
            facts.put("Record hash", signed.recordSha256());
            facts.put("Signed at", signed.signedAt());
            facts.put("Signed by", signed.signer());
            content.add(el("h2", "Covered by a signed checkpoint"));
            content.add(facts(facts));
        } else {
            content.add(el("p", "No signed checkpoint covers this trail yet: the next one the duties take (or POST "
                    + "/evidence/checkpoints) will.").cls("muted"));
        }
        content.add(el("h2", "Records"));
        if (trail.records().isEmpty()) {
            content.add(el("p", "The archive holds no record of this transaction.").cls("muted"));
        } else {
            Element records = table("evidence", List.of("Sequence", "Kind", "Recorded at", "Operation", "Peer",
                    "Content SHA-256", "Record SHA-256"));
            for (EvidenceTrail.Entry entry : trail.records()) {
                records.add(el("tr").add(td(entry.sequence()), td(entry.kind()), td(entry.recordedAt()),
                        td(entry.operation()), td(entry.peer()), td(entry.contentSha256()), td(entry.recordSha256())));
            }
            content.add(records);
        }
        return layout.page(200, "Evidence of transaction " + trail.transaction(), session, null,
                content.toArray(Node[]::new));
    }

    @POST
    @Path("transactions/{tx}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("tx") String tx) {
        ConsoleSessions.Session session = session(id);
        try {
            services.cancel(tx);
            return ConsoleLayout.seeOther(Html.path(layout.prefix(), "transactions", tx));
        } catch (ProblemException refused) {
            if (refused.problem().status() != 422) {
                return problemPage(session, refused.problem());
            }
            return shown(session, () -> transactionPage(session, services.transaction(tx), 422, refused.problem()));
        }
    }

    private Response transactionPage(ConsoleSessions.Session session, TransactionView t, int status, Problem refusal) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("Transaction", t.id());
        facts.put("Type", code(t.type()));
        facts.put("Kind", t.supplementaryType().label() + " (" + t.type().code() + "-" + t.supplementaryType().code() + ")");
        facts.put("From", party(t.transferringRegistry(), t.transferringAccount()));
        facts.put("To", party(t.acquiringRegistry(), t.acquiringAccount()));
        facts.put("Notice", t.notice());
        facts.put("Quantity", t.quantity());
        facts.put("Proposed", t.proposedAt());
        List<Node> content = new ArrayList<>();
        if (refusal != null) {
            content.add(refusal(refusal));
        }
        content.add(facts(facts));
        content.add(el("p").add(Html.text("Status: "), el("span", t.status().code() + " " + t.status().label())
                .attr("id", "status").cls(t.isFinal() ? "status-final" : "status-open"),
                Html.text(t.isFinal() ? " (final)" : " (under way; this page reloads every " + REFRESH_SECONDS + " s)")));
        content.add(el("p").add(link("Its evidence trail, and whether the archive verifies", "transactions", t.id(),
                "evidence").attr("id", "evidence")));
        if (!t.isFinal() && services.code().equals(t.transferringRegistry())) {
            content.add(el("form").attr("method", "post").cls("inline")
                    .attr("action", Html.path(layout.prefix(), "transactions", t.id(), "cancel"))
                    .add(ConsoleLayout.csrf(session), el("button", "Cancel this transaction").attr("type", "submit")
                            .attr("id", "cancel")));
        }
        content.add(el("h2", "Unit blocks"));
        content.add(blocks(t.blocks(), false));
        content.add(el("h2", "Status history"));
        Element history = table("history", List.of("Status", "At", "Results"));
        for (TransactionView.StatusChangeView change : t.history()) {
            history.add(el("tr").add(td(code(change.status())), td(change.at()), el("td").add(results(change.results()))));
        }
        content.add(history);
        content.add(el("h2", "Messages sent and received"));
        content.add(messages(t));
        return layout.page(status, "Transaction " + t.id(), session, t.isFinal() ? null : REFRESH_SECONDS,
                content.toArray(Node[]::new));
    }

    private Node messages(TransactionView t) {
        List<MessageView> messages = t.messages() == null ? List.of() : t.messages();
        if (messages.isEmpty()) {
            return el("p", "No message yet.").cls("muted");
        }
        List<OperatorServices.SignedCopy> copies = services.signedCopies(t);
        Element list = el("div").attr("id", "messages");
        for (MessageView m : messages) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("Message", m.key());
            facts.put(m.direction().equals("sent") ? "To" : "From", m.peer());
            facts.put("Notified status", m.notifiedStatus() == null ? null : code(m.notifiedStatus()));
            facts.put(m.direction().equals("sent") ? "Written" : "Received", m.at());
            facts.put("State", m.state());
            facts.put(m.direction().equals("sent") ? "Delivered" : "Processed", m.doneAt());
            facts.put("Attempts", m.attempts());
            facts.put("Receipt's codes", codesInWords(m.receiptCodes()));
            facts.put("Outcome", m.outcome());
            facts.put("Last error", m.lastError());
            Element section = el("section").cls("message").add(
                    el("h3", m.direction() + " " + m.operation() + (m.direction().equals("sent") ? " to " : " from ")
                            + m.peer()), facts(facts));
            boolean sent = m.direction().equals("sent");
            List<OperatorServices.SignedCopy> mine = copies.stream()
                    .filter(c -> c.sent() == sent && m.key().equals(c.key()) && m.peer().equals(c.peer())).toList();
            if (mine.isEmpty()) {
                section.add(el("p", sent ? "Its signed XML is kept when the peer's receipt comes back."
                        : "No signed copy of it is kept.").cls("muted"));
            }
            for (OperatorServices.SignedCopy copy : mine) {
                section.add(el("details").cls("xml").add(el("summary", "Signed XML " + (sent ? "as sent" : "as received")
                        + " (" + copy.at() + ")"), el("pre", XmlText.pretty(copy.xml())).cls("xml")));
            }
            list.add(section);
        }
        return list;
    }

    private Element transactionFilters(String status, String type, String from, String to) {
        Element statuses = el("select").attr("name", "status").attr("id", "filter-status")
                .add(el("option", "any").attr("value", ""));
        for (TransactionStatus s : TransactionStatus.values()) {
            statuses.add(el("option", s.code() + " " + s.label()).attr("value", s.code())
                    .flag("selected", Integer.toString(s.code()).equals(status)));
        }
        Element types = el("select").attr("name", "type").attr("id", "filter-type").add(el("option", "any").attr("value", ""));
        for (TransactionType t : OperatorServices.transactionTypes()) {
            types.add(el("option", t.code() + " " + t.label()).attr("value", t.code())
                    .flag("selected", Integer.toString(t.code()).equals(type)));
        }
        return el("form").attr("method", "get").attr("action", layout.prefix() + "/transactions").cls("filters").add(
                el("label").add(Html.text("Status"), statuses), el("label").add(Html.text("Type"), types),
                el("label").add(Html.text("Proposed from"), el("input").attr("type", "date").attr("name", "from")
                        .attr("value", from == null ? "" : from)),
                el("label").add(Html.text("to"), el("input").attr("type", "date").attr("name", "to")
                        .attr("value", to == null ? "" : to)),
                el("button", "Show").attr("type", "submit"));
    }

    // ---- proposing ----

    @GET
    @Path("propose")
    public Response proposeForms(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return proposePage(session, 200, null, null, null);
    }

    @POST
    @Path("propose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@CookieParam(ConsoleSessions.COOKIE) String id, MultivaluedMap<String, String> form) {
        ConsoleSessions.Session session = session(id);
        String name = form.getFirst("form");
        Optional<ProposalForms.Form> chosen = ProposalForms.named(name == null ? "" : name, services.isCdm());
        if (chosen.isEmpty()) {
            return problemPage(session, Problem.of(400, "there is no propose form '" + name + "' here"));
        }
        try {
            List<TransactionRoutes.Proposed> proposed = services.propose(ProposalForms.body(chosen.get(), form));
            return ConsoleLayout.seeOther(Html.path(layout.prefix(), "transactions", proposed.get(0).transaction()));
        } catch (ProblemException refused) {
            return proposePage(session, refused.problem().status(), refused.problem(), chosen.get().name(), form);
        }
    }

    private Response proposePage(ConsoleSessions.Session session, int status, Problem refusal, String refusedForm,
                                 MultivaluedMap<String, String> typed) {
        List<Node> content = new ArrayList<>();
        content.add(el("p", "Each form proposes as POST /transactions does; a proposal the registry's rules refuse is"
                + " shown with its response codes and changes nothing.").cls("muted"));
        for (ProposalForms.Form form : ProposalForms.of(services.isCdm())) {
            boolean refused = form.name().equals(refusedForm);
            if (refused) {
                content.add(refusal(refusal));
            }
            content.add(ProposalForms.render(form, layout.prefix() + "/propose", session, refused ? typed : null));
        }
        return layout.page(status, "Propose", session, null, content.toArray(Node[]::new));
    }

    // ---- what the registry received ----

    @GET
    @Path("notices")
    public Response notices(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            Element list = table("notices", List.of("Notice", "Type", "Status", "Project", "Period", "Unit type",
                    "Target quantity", "Target date", "Issued", "Blocks", "Content"));
            for (NoticeRoutes.NoticeView n : services.notices(LIST_LIMIT)) {
                list.add(el("tr").add(td(n.id()), td(code(n.type())), td(code(n.status())), td(n.project()), td(n.period()),
                        td(n.unitType()), number(n.targetQuantity()), td(n.targetDate()), td(n.issuedAt()),
                        td(String.join(", ", n.blocks())), td(n.content())));
            }
            return layout.page(200, "Notices", session, null, list);
        });
    }

    @GET
    @Path("messages")
    public Response administrativeMessages(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            Element list = table("administrative-messages", List.of("Message", "From", "Received", "Message date",
                    "Content"));
            for (MessageRoutes.AdministrativeMessageView m : services.administrativeMessages(LIST_LIMIT)) {
                list.add(el("tr").add(td(m.id()), td(m.from()), td(m.receivedAt()), td(m.messageDateTime()),
                        td(m.messageContent())));
            }
            return layout.page(200, "Administrative messages", session, null, list);
        });
    }

    @GET
    @Path("reconciliations")
    public Response reconciliations(@CookieParam(ConsoleSessions.COOKIE) String id) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            Element list = table("reconciliations", List.of("Log", "Reconciliation", "Snapshot", "Status", "Since",
                    "Note", "Results"));
            for (RecordedReconciliation r : services.reconciliations(LIST_LIMIT)) {
                list.add(el("tr").add(td(r.requestedBy()), td(r.id()), td(r.snapshot()),
                        td(r.status().code() + " " + r.status().label()), td(r.statusAt()), td(r.note()),
                        el("td").add(results(r.results().stream().map(RegistryPages::view).toList()))));
            }
            return layout.page(200, "Reconciliations", session, null, list);
        });
    }

    // ---- dead letters ----

    @GET
    @Path("dead-letters")
    public Response deadLetters(@CookieParam(ConsoleSessions.COOKIE) String id, @QueryParam("done") String done,
                                @QueryParam("kind") String kind, @QueryParam("letter") String letter,
                                @QueryParam("status") String status) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> {
            DeadLetterRoutes.DeadLetterList letters = services.deadLetters();
            List<Node> content = new ArrayList<>();
            if (done != null && done.matches("retried|discarded") && kind != null && kind.matches("inbox|outbox")
                    && letter != null && letter.matches("\\d{1,18}") && (status == null || status.matches("[A-Z]{1,20}"))) {
                content.add(el("p", "The " + kind + "'s dead letter " + letter + " was " + done
                        + (status == null ? "" : ": it is " + status + " now") + ".").cls("notice").attr("role", "status"));
            }
            content.add(el("p", "Messages set aside by the inbox (processing failed) and the outbox (sending failed on"
                    + " this side). Retry processes or sends one again; discard keeps it, never taken again.").cls("muted"));
            content.add(el("h2", "Inbox"));
            content.add(deadLetterTable("inbox", letters.inbox(), session));
            content.add(el("h2", "Outbox"));
            content.add(deadLetterTable("outbox", letters.outbox(), session));
            return layout.page(200, "Dead letters", session, null, content.toArray(Node[]::new));
        });
    }

    @POST
    @Path("dead-letters/{kind}/{letter}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deadLetter(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("kind") String kind,
                               @PathParam("letter") String letter, @PathParam("action") String action) {
        ConsoleSessions.Session session = session(id);
        try {
            DeadLetterRoutes.DeadLetterAction done;
            if ("retry".equals(action)) {
                done = services.retry(kind, letter);
            } else if ("discard".equals(action)) {
                done = services.discard(kind, letter);
            } else {
                return problemPage(session, Problem.of(404, "a dead letter is retried or discarded, not " + action + "ed"));
            }
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("done", "retry".equals(action) ? "retried" : "discarded");
            query.put("kind", done.kind());
            query.put("letter", done.id());
            query.put("status", done.status());
            return ConsoleLayout.seeOther(Html.query(layout.prefix() + "/dead-letters", query));
        } catch (ProblemException refused) {
            return problemPage(session, refused.problem());
        }
    }

    private Element deadLetterTable(String kind, List<DeadLetterRoutes.DeadLetterView> letters,
                                    ConsoleSessions.Session session) {
        if (letters.isEmpty()) {
            return el("p", "None.").cls("muted");
        }
        Element list = table("dead-letters-" + kind, List.of("Id", "Operation", kind.equals("inbox") ? "From" : "To",
                "Message", "Written", "Failed", "Attempts", "Why", ""));
        for (DeadLetterRoutes.DeadLetterView d : letters) {
            list.add(el("tr").attr("id", kind + "-" + d.id()).add(td(d.id()), td(d.operation()), td(d.peer()),
                    td(d.messageKey()), td(d.createdAt()), td(d.failedAt()), number((long) d.attempts()),
                    el("td").add(Html.text(d.reason()), el("details").add(el("summary", "Stack trace"),
                            el("pre", d.trace()))),
                    el("td").add(action(session, kind, d.id(), "retry", "Retry"),
                            action(session, kind, d.id(), "discard", "Discard"))));
        }
        return list;
    }

    private Element action(ConsoleSessions.Session session, String kind, long letter, String action, String label) {
        return el("form").attr("method", "post").cls("inline")
                .attr("action", Html.path(layout.prefix(), "dead-letters", kind, letter, action))
                .add(ConsoleLayout.csrf(session), el("button", label).attr("type", "submit")
                        .attr("id", action + "-" + kind + "-" + letter));
    }

    // ---- the CDM Help Desk ----

    @GET
    @Path("help-desk")
    public Response helpDesk(@CookieParam(ConsoleSessions.COOKIE) String id, @QueryParam("status") String status,
                             @QueryParam("taken") String taken) {
        ConsoleSessions.Session session = session(id);
        return shown(session, () -> helpDeskPage(session, 200, status, taken, null, null));
    }

    @POST
    @Path("help-desk/queries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response receiveQuery(@CookieParam(ConsoleSessions.COOKIE) String id, MultivaluedMap<String, String> form) {
        ConsoleSessions.Session session = session(id);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("name", "organisation", "email", "role", "project", "programme", "hostParty",
                "subject", "question")) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                if (field.equals("project") && value.strip().matches("\\d{1,18}")) {
                    body.put(field, Long.parseLong(value.strip()));
                } else {
                    body.put(field, value.strip());
                }
            }
        }
        try {
            HelpDeskRoutes.HelpDeskQueryView query = services.receiveQuery(body);
            return ConsoleLayout.seeOther(Html.query(layout.prefix() + "/help-desk", Map.of("taken", query.reference())));
        } catch (ProblemException refused) {
            return shown(session, () -> helpDeskPage(session, refused.problem().status(), null, null, refused.problem(),
                    form));
        }
    }

    @POST
    @Path("help-desk/queries/{reference}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answerQuery(@CookieParam(ConsoleSessions.COOKIE) String id, @PathParam("reference") String reference,
                                MultivaluedMap<String, String> form) {
        ConsoleSessions.Session session = session(id);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("by", "answer")) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                body.put(field, value.strip());
            }
        }
        try {
            services.answerQuery(reference, body);
            return ConsoleLayout.seeOther(layout.prefix() + "/help-desk");
        } catch (ProblemException refused) {
            return shown(session, () -> helpDeskPage(session, refused.problem().status(), null, null, refused.problem(),
                    null));
        }
    }

    private Response helpDeskPage(ConsoleSessions.Session session, int status, String queueStatus, String taken,
                                  Problem refusal, MultivaluedMap<String, String> typed) {
        HelpDeskRoutes.DueThisWeek due = services.dueThisWeek();
        List<HelpDeskRoutes.HelpDeskQueryView> queue = services.helpDeskQueue(queueStatus, LIST_LIMIT);
        List<Node> content = new ArrayList<>();
        if (refusal != null) {
            content.add(refusal(refusal));
        }
        if (taken != null) {
            content.add(el("p", "Query " + taken + " was taken in and acknowledged.").cls("notice").attr("role", "status"));
        }
        content.add(el("h2", "Due this week (" + due.from() + " to " + due.to() + ")"));
        Element week = table("due-this-week", List.of("Query", "Due", "Status", "Subject", "From"));
        due.queries().forEach(q -> week.add(el("tr").add(td(q.reference()), td(q.dueDate()), td(q.status()),
                td(q.subject()), td(q.name()))));
        content.add(due.queries().isEmpty() ? el("p", "Nothing falls due this week.").cls("muted") : week);
        Element filters = el("p").cls("filters").add(Html.text("Queue: "));
        for (String s : List.of("", "open", "overdue", "answered", "referred")) {
            filters.add(el("a", s.isEmpty() ? "all" : s).attr("href", Html.query(layout.prefix() + "/help-desk",
                    Map.of("status", s))), Html.text(" "));
        }
        content.add(el("h2", "Queue" + (queueStatus == null || queueStatus.isBlank() ? "" : ": " + queueStatus)));
        content.add(filters);
        Element list = table("help-desk-queue", List.of("Query", "Status", "Acknowledged", "Who", "About", "Question",
                "Eligibility", "Due", "Answer"));
        for (HelpDeskRoutes.HelpDeskQueryView q : queue) {
            Element answer = el("td");
            if (q.answer() != null) {
                answer.add(el("p", q.answer()), el("p", "by " + q.answeredBy() + " at " + q.answeredAt()
                        + (q.workingDaysToAnswer() == null ? "" : ", " + q.workingDaysToAnswer() + " working days"))
                        .cls("muted"));
            } else if (q.eligibility().eligible()) {
                String formId = "answer-" + q.reference();
                answer.add(el("form").attr("method", "post").attr("id", formId)
                        .attr("action", Html.path(layout.prefix(), "help-desk", "queries", q.reference(), "answer"))
                        .add(ConsoleLayout.csrf(session),
                                el("label").add(Html.text("By"), el("input").attr("name", "by").flag("required", true)),
                                el("label").add(Html.text("Answer"), el("textarea").attr("name", "answer")
                                        .flag("required", true)),
                                el("button", "Answer").attr("type", "submit")));
            } else {
                answer.add(Html.text(q.referral()));
            }
            list.add(el("tr").add(td(q.reference()), td(q.status()), td(q.acknowledgedAt()),
                    td(q.name() + (q.organisation() == null ? "" : ", " + q.organisation()) + " <" + q.email() + "> ("
                            + q.role() + ")"),
                    td((q.project() != null ? "project " + q.project() : "programme " + q.programme())
                            + (q.hostParty() == null ? "" : ", " + q.hostParty())),
                    el("td").add(el("strong", q.subject()), el("p", q.question())),
                    td((q.eligibility().eligible() ? "eligible: " : "not eligible: ") + q.eligibility().reason()),
                    td(q.dueDate()), answer));
        }
        content.add(queue.isEmpty() ? el("p", "No query.").cls("muted") : list);
        content.add(intakeForm(session, typed));
        return layout.page(status, "Help desk", session, null, content.toArray(Node[]::new));
    }

    private Element intakeForm(ConsoleSessions.Session session, MultivaluedMap<String, String> typed) {
        MultivaluedMap<String, String> values = typed == null ? new MultivaluedHashMap<>() : typed;
        Element role = el("select").attr("name", "role").attr("id", "query-role");
        for (String r : List.of("project-participant", "coordinating-managing-entity", "dna", "doe")) {
            role.add(el("option", r).attr("value", r).flag("selected", r.equals(values.getFirst("role"))));
        }
        Element fields = el("fieldset");
        for (String[] field : new String[][] {{"name", "Name"}, {"organisation", "Organisation"}, {"email", "E-mail"},
                {"project", "Project"}, {"programme", "Programme of activities"}, {"hostParty", "Host Party"},
                {"subject", "Subject"}}) {
            fields.add(el("label").add(Html.text(field[1]), el("input").attr("name", field[0])
                    .attr("id", "query-" + field[0]).attr("value", values.getFirst(field[0]) == null ? ""
                            : values.getFirst(field[0]))));
        }
        fields.add(el("label").add(Html.text("Role"), role));
        fields.add(el("label").add(Html.text("Question"), el("textarea", values.getFirst("question") == null ? ""
                : values.getFirst("question")).attr("name", "question").attr("id", "query-question")));
        return el("form").attr("method", "post").attr("action", layout.prefix() + "/help-desk/queries").cls("panel")
                .attr("id", "intake").add(el("h2", "Take in a query"), ConsoleLayout.csrf(session), fields,
                        el("button", "Take in").attr("type", "submit"));
    }

    // ---- pieces ----

    private ConsoleSessions.Session session(String id) {
        // the guard let the request through with an open session; it may have ended since, on another thread
        return sessions.find(id).orElseThrow(() -> new ProblemException(Problem.of(403, "the session ended")));
    }

    /** The page {@code page} makes, or the problem the API would have answered, as a page. */
    private Response shown(ConsoleSessions.Session session, Supplier<Response> page) {
        try {
            return page.get();
        } catch (ProblemException problem) {
            return problemPage(session, problem.problem());
        }
    }

    private Response problemPage(ConsoleSessions.Session session, Problem problem) {
        return layout.page(problem.status(), problem.title(), session, null, refusal(problem));
    }

    /** Why something was refused: the sentence, the field to blame, and each response code with what it means. */
    static Element refusal(Problem problem) {
        Element box = el("div").cls("refusal").attr("id", "refusal").attr("role", "alert")
                .add(el("p").add(el("strong", problem.title() + " (" + problem.status() + ")"), Html.text(": "
                        + problem.detail())));
        Object field = problem.members().get("field");
        if (field != null) {
            box.add(el("p", "Field: " + field));
        }
        Object results = problem.members().get("results");
        if (results instanceof List<?> list && !list.isEmpty()) {
            Element codes = table("refusal-codes", List.of("Code", "What it means", "Why here", "Unit blocks"));
            for (Object item : list) {
                if (item instanceof ResultView r) {
                    codes.add(el("tr").add(td(r.code()), td(r.meaning()), td(r.description()),
                            td(r.blocks() == null ? "" : String.join(", ", r.blocks()))));
                }
            }
            box.add(codes);
        }
        return box;
    }

    private Element blocks(List<BlockView> blocks, boolean held) {
        if (blocks == null || blocks.isEmpty()) {
            return el("p", "None.").cls("muted");
        }
        List<String> headers = new ArrayList<>(List.of("Originating registry", "Start", "End", "Quantity", "Unit type",
                "Supplementary unit type", "Original period", "Applicable period", "Project", "LULUCF activity", "Track",
                "Expiry"));
        if (held) {
            headers.add("Reserved by");
        }
        Element table = table("blocks", headers);
        for (BlockView b : blocks) {
            Element row = el("tr").add(td(b.originatingRegistry()), number(b.start()), number(b.end()),
                    number(b.quantity()), td(b.unitType()), td(b.suppUnitType()), td(b.originalPeriod()),
                    td(b.applicablePeriod()), td(b.project()), td(b.lulucfActivity()), td(b.track()), td(b.expiryDate()));
            if (held) {
                row.add(b.reservedBy() == null ? td("") : el("td").add(link(b.reservedBy(), "transactions", b.reservedBy())));
            }
            table.add(row);
        }
        return table;
    }

    private static Node results(List<ResultView> results) {
        if (results == null || results.isEmpty()) {
            return Html.text("");
        }
        Element list = el("ul").cls("results");
        for (ResultView r : results) {
            list.add(el("li").add(el("strong", Integer.toString(r.code())), Html.text(" " + r.meaning()
                    + (r.description() == null || r.description().equals(r.meaning()) ? "" : " (" + r.description() + ")")
                    + (r.blocks() == null ? "" : " [" + String.join(", ", r.blocks()) + "]"))));
        }
        return list;
    }

    /** A receipt's response codes ({@code 4010,4011}), each with what it means. */
    static String codesInWords(String codes) {
        if (codes == null || codes.isBlank()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String code : codes.split(",")) {
            String trimmed = code.strip();
            try {
                words.add(trimmed + " " + ResponseCode.find(Integer.parseInt(trimmed)).map(ResponseCode::meaning)
                        .orElse("(not a known response code)"));
            } catch (NumberFormatException e) {
                words.add(trimmed);
            }
        }
        return String.join("; ", words);
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

    private static Element number(Long value) {
        return el("td", value == null ? "" : value).cls("number");
    }

    private static Element status(CodeView status, boolean isFinal) {
        return el("td", status.code() + " " + status.label()).cls(isFinal ? "status-final" : "status-open");
    }

    private static String code(CodeView code) {
        return code == null ? null : code.code() + " " + code.label();
    }

    private static String party(String registry, String account) {
        return account != null ? account : registry;
    }

    private static Element facts(Map<String, ?> facts) {
        Element list = el("dl").cls("facts");
        facts.forEach((name, value) -> {
            if (value != null) {
                list.add(el("dt", name), el("dd", value instanceof Instant at ? at.toString() : value));
            }
        });
        return list;
    }

    private static Integer typeOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(TransactionType.values())
                .filter(t -> Integer.toString(t.code()).equals(text.strip()) || t.name().equalsIgnoreCase(text.strip()))
                .map(TransactionType::code).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.typed(400, "invalid-request", "The request cannot be read",
                        "type must be a transaction type's number, such as 10, not " + text).with("field", "type")));
    }

    private static LocalDate dateOf(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.typed(400, "invalid-request", "The request cannot be read",
                    field + " must be a date such as 2016-09-01, not " + text).with("field", field));
        }
    }

    private static ResultView view(EvaluationResult result) {
        return new ResultView(result.code().code(), result.code().meaning(), result.description(),
                result.blocks().isEmpty() ? null : result.blocks().stream().map(Object::toString).toList());
    }
}
