package org.itlgateway.gateway.operator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.itlgateway.gateway.delivery.DeadLetters;
import org.itlgateway.gateway.delivery.DeadLetters.Kind;
import org.itlgateway.gateway.messaging.Operation;

/**
 * The messages the node set aside: {@code GET /dead-letters} (those of the inbox and of the outbox, with why and
 * the stack trace), {@code POST /dead-letters/{kind}/{id}/retry} (process or send it again) and
 * {@code POST /dead-letters/{kind}/{id}/discard} (never again); {@code kind} is {@code inbox} or {@code outbox}.
 */
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public final class DeadLetterRoutes {

    /** The most dead letters of each kind a list shows. */
    static final int LIMIT = 500;

    private final OperatedRegistry registry;

    DeadLetterRoutes(OperatedRegistry registry) {
        this.registry = registry;
    }

    /** One dead letter as the API shows it. */
    public record DeadLetterView(String kind, long id, String operation, String peer, String messageKey, Instant createdAt,
                          Instant failedAt, int attempts, String reason, String trace, String retry, String discard) {

        static DeadLetterView of(DeadLetters.DeadLetter letter) {
            String href = "/dead-letters/" + letter.kind().label() + "/" + letter.id();
            return new DeadLetterView(letter.kind().label(), letter.id(), wireName(letter.operation()), letter.peer(),
                    letter.messageKey(), letter.createdAt(), letter.failedAt(), letter.attempts(), letter.reason(),
                    letter.trace(), href + "/retry", href + "/discard");
        }
    }

    /** What {@code GET /dead-letters} answers. */
    public record DeadLetterList(List<DeadLetterView> inbox, List<DeadLetterView> outbox) {
    }

    /** What a retry or a discard answers: the message and the status it has now. */
    public record DeadLetterAction(String kind, long id, String status) {
    }

    @GET
    public DeadLetterList list() {
        return registry.sql(connection -> new DeadLetterList(
                DeadLetters.list(connection, Kind.INBOX, LIMIT).stream().map(DeadLetterView::of).toList(),
                DeadLetters.list(connection, Kind.OUTBOX, LIMIT).stream().map(DeadLetterView::of).toList()));
    }

    /** Takes no body: a POST without one, or with a JSON one, which is not read. */
    @POST
    @Path("{kind}/{id}/retry")
    public DeadLetterAction retry(@PathParam("kind") String kindName, @PathParam("id") String idText) {
        Kind kind = kindOf(kindName);
        long id = idOf(idText);
        Instant now = registry.clock().instant();
        if (!registry.sql(connection -> DeadLetters.retry(connection, kind, id, now))) {
            throw notADeadLetter(kind, id);
        }
        return new DeadLetterAction(kind.label(), id, kind.retriedStatus());
    }

    @POST
    @Path("{kind}/{id}/discard")
    public DeadLetterAction discard(@PathParam("kind") String kindName, @PathParam("id") String idText) {
        Kind kind = kindOf(kindName);
        long id = idOf(idText);
        if (!registry.sql(connection -> DeadLetters.discard(connection, kind, id))) {
            throw notADeadLetter(kind, id);
        }
        return new DeadLetterAction(kind.label(), id, "DISCARDED");
    }

    private static Kind kindOf(String name) {
        return Kind.named(name).orElseThrow(() -> ApiProblem.notFound(
                "there are dead letters of the inbox and of the outbox, not of '" + name + "'"));
    }

    private static long idOf(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("a dead letter's id is a number, not '" + text + "'");
        }
    }

    private static ApiProblem notADeadLetter(Kind kind, long id) {
        return ApiProblem.notFound("the " + kind.label() + " has no dead letter " + id);
    }

    private static String wireName(String operation) {
        try {
            return Operation.valueOf(operation).wireName();
        } catch (IllegalArgumentException unknown) {
            return operation;
        }
    }
}
