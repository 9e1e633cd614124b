package org.itlgateway.gateway.operator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.itlgateway.gateway.node.messages.AdministrativeMessages;
import org.itlgateway.gateway.node.messages.ReceivedMessage;

/**
 * {@code GET /messages}: the administrative messages the registry received (acceptMessage), most recently received
 * first: who sent each, when it arrived, and its DES fields (messageDateTime, messageContent).
 */
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
public final class MessageRoutes {

    private final OperatedRegistry registry;

    MessageRoutes(OperatedRegistry registry) {
        this.registry = registry;
    }

    /** A message as the registry received it. */
    public record AdministrativeMessageView(long id, String from, Instant receivedAt, Instant messageDateTime, String messageContent) {

        static AdministrativeMessageView of(ReceivedMessage received) {
            return new AdministrativeMessageView(received.id(), received.from(), received.receivedAt(), received.message().dateTime(),
                    received.message().content());
        }
    }

    /** A page of messages. */
    public record AdministrativeMessageList(int limit, List<AdministrativeMessageView> messages) {
    }

    @GET
    public AdministrativeMessageList list(@QueryParam("limit") String limitText) {
        int limit = limitText == null || limitText.isBlank() ? TransactionRoutes.DEFAULT_LIMIT
                : TransactionRoutes.limitOf(limitText);
        return new AdministrativeMessageList(limit, registry.sql(connection -> AdministrativeMessages.recent(connection, limit)
                .stream().map(AdministrativeMessageView::of).toList()));
    }
}
