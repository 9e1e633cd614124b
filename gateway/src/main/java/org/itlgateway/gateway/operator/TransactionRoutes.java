package org.itlgateway.gateway.operator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.itlgateway.gateway.http.Answers;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.lifecycle.CancellationOutcome;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.lifecycle.TransactionIdentifiers;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * Proposing and following transactions: {@code POST /transactions} (a proposal in full, or one of the CDM
 * registry's operations), {@code GET /transactions} (most recent first, optionally in one status) and
 * {@code GET /transactions/{id}} (the proposal, its status history and the messages it sent and received),
 * {@code GET /transactions/{id}/evidence} (its records in the evidence archive and whether the archive verifies),
 * and {@code POST /transactions/{id}/cancel} (one of the registry's own transactions, before it is final).
 */
@Path("transactions")
@Produces(MediaType.APPLICATION_JSON)
public final class TransactionRoutes {

    /** How many transactions a list shows when not told. */
    static final int DEFAULT_LIMIT = 50;
    /** The most a list shows. */
    static final int MAX_LIMIT = 500;

    private final OperatedRegistry registry;
    private final OwnProposals own;
    private final CdmOperations cdmOperations;

    TransactionRoutes(OperatedRegistry registry) {
        this.registry = registry;
        this.own = new OwnProposals(registry.code(), registry.lifecycle(),
                new TransactionIdentifiers(registry.code(), registry.records().sequences()), registry.clock());
        this.cdmOperations = registry.cdm().map(CdmOperations::new).orElse(null);
    }

    /** A proposal recorded (or found recorded before), and where to follow it. */
    public record Proposed(String transaction, CodeView status, String verdict, String href) {

        static Proposed of(ProposalOutcome outcome) {
            Transaction transaction = outcome.transaction();
            return new Proposed(transaction.id().toString(), TransactionView.statusOf(transaction.status()),
                    outcome.verdict().name(), "/transactions/" + transaction.id());
        }
    }

    /** What one action proposed: the transactions recorded and the reasons of those refused. */
    public record ProposedSeveral(List<Proposed> transactions, List<ResultView> refusals) {
    }

    /** A page of transactions. */
    public record TransactionList(String status, int limit, List<TransactionView> transactions) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(status = {202, 200}, body = Proposed.class,
            summary = "proposes a transaction (202; 200 when the same proposal was recorded before), or one of the CDM "
                    + "registry's operations")
    public Response propose(TransactionRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest("the request needs a JSON object as its body");
        }
        ProposalAction action;
        if (body.operation() != null) {
            if (cdmOperations == null) {
                throw ApiProblem.conflict("operations such as '" + body.operation()
                        + "' are the CDM registry's; " + registry.code()
                        + " proposes in full: kind (or type and supplementaryType), accounts and blocks");
            }
            action = cdmOperations.read(body);
        } else {
            ProposalForm form = ProposalBody.formOf(body, registry.code(), own.placeholderId());
            action = ProposalAction.one(() -> own.propose(form));
        }
        List<ProposalOutcome> outcomes = action.submitTo(registry.node());
        List<Proposed> recorded = new ArrayList<>();
        List<EvaluationResult> refusals = new ArrayList<>();
        for (ProposalOutcome outcome : outcomes) {
            if (outcome.isRefused()) {
                refusals.addAll(outcome.refusals());
            } else {
                recorded.add(Proposed.of(outcome));
            }
        }
        if (recorded.isEmpty()) {
            throw ApiProblem.refused("the registry refused the proposal; nothing changed", refusals);
        }
        if (action.isMany()) {
            return Response.accepted(new ProposedSeveral(recorded,
                    refusals.isEmpty() ? null : refusals.stream().map(ResultView::of).toList())).build();
        }
        Proposed proposed = recorded.get(0);
        boolean isNew = outcomes.get(0).isRecorded();
        return isNew ? Response.accepted(proposed).location(URI.create(proposed.href())).build()
                : Response.ok(proposed).build();
    }

    @GET
    public TransactionList list(@QueryParam("status") String statusText, @QueryParam("limit") String limitText) {
        TransactionStatus status = given(statusText) ? CodeLists.status(statusText) : null;
        int limit = given(limitText) ? limitOf(limitText) : DEFAULT_LIMIT;
        List<TransactionView> transactions = registry.read(() -> registry
                .records().transactions().recent(java.util.Optional.ofNullable(status), limit).stream()
                .map(id -> registry.records().transactions().find(id))
                .flatMap(java.util.Optional::stream)
                .map(TransactionView::summary)
                .toList());
        return new TransactionList(status == null ? null : status.name(), limit, transactions);
    }

    private static boolean given(String query) {
        return query != null && !query.isBlank();
    }

    @GET
    @Path("{id}")
    public TransactionView one(@PathParam("id") String text) {
        TransactionId id = transactionId(text);
        return registry.read(() -> {
            Transaction transaction = registry.records().transactions().find(id)
                    .orElseThrow(() -> ApiProblem.notFound(registry.code() + " knows no transaction " + id));
            return TransactionView.full(transaction, registry.sql(connection -> TransactionMessages.of(connection, id)));
        });
    }

    @GET
    @Path("{id}/evidence")
    public EvidenceTrail evidence(@PathParam("id") String text) {
        TransactionId id = transactionId(text);
        return EvidenceTrail.of(registry, id);
    }

    @POST
    @Path("{id}/cancel")
    @Answers(status = 200, body = TransactionView.class,
            summary = "cancels one of this registry's own transactions that is not final yet (status 7): its units are "
                    + "released and the ITL is told; 422 with 4001 when it is final, 4010 when another registry proposed it")
    public TransactionView cancel(@PathParam("id") String text) {
        TransactionId id = transactionId(text);
        CancellationOutcome outcome = registry.node().cancel(id);
        if (!outcome.cancelled()) {
            if (outcome.refusals().get(0).code() == ResponseCode.TRANSACTION_UNKNOWN) {
                throw ApiProblem.notFound(registry.code() + " knows no transaction " + id);
            }
            throw ApiProblem.refused("the registry did not cancel " + id + "; nothing changed", outcome.refusals());
        }
        return one(text);
    }

    static TransactionId transactionId(String text) {
        try {
            return TransactionId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    static int limitOf(String text) {
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + text);
    }
}
