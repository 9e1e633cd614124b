package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.evidence.EvidenceKind;
import org.itlgateway.gateway.evidence.EvidenceRecord;
import org.itlgateway.gateway.http.ProblemException;
import org.itlgateway.gateway.http.ProblemMapper;
import org.itlgateway.gateway.node.reconciliation.RecordedReconciliation;

/**
 * What the operator API does, for pages served beside it (the registry console): the same routes' work called in
 * the same process, never over HTTP, with the same rules. Whatever the API would refuse is thrown as the
 * {@link ProblemException} it would answer (a 422 carries the response codes and their results); a body is read by
 * the API's own reader, so a form's values are judged as a JSON request's would be.
 */
public final class OperatorServices {

    private final OperatedRegistry registry;
    private final Supplier<byte[]> token;
    private final BooleanSupplier tls;
    private final RegistryRoutes registryRoutes;
    private final TransactionRoutes transactionRoutes;
    private final NoticeRoutes noticeRoutes;
    private final MessageRoutes messageRoutes;
    private final DeadLetterRoutes deadLetterRoutes;
    private final HelpDeskRoutes helpDeskRoutes;

    OperatorServices(OperatedRegistry registry, Supplier<byte[]> token, BooleanSupplier tls) {
        this.registry = registry;
        this.token = token;
        this.tls = tls;
        this.registryRoutes = new RegistryRoutes(registry);
        this.transactionRoutes = new TransactionRoutes(registry);
        this.noticeRoutes = new NoticeRoutes(registry);
        this.messageRoutes = new MessageRoutes(registry);
        this.deadLetterRoutes = new DeadLetterRoutes(registry);
        this.helpDeskRoutes = new HelpDeskRoutes(registry);
    }

    /** A signed message as it went on the wire, kept by the evidence archive. */
    public record SignedCopy(boolean sent, String operation, String key, String peer, Instant at, byte[] xml) {
    }

    /** The registry's code, e.g. {@code CDM}. */
    public String code() {
        return registry.code().value();
    }

    /** True for the CDM registry (its operations, its help desk). */
    public boolean isCdm() {
        return registry.cdm().isPresent();
    }

    /** The registry's time now. */
    public Instant now() {
        return registry.clock().instant();
    }

    /** True when the API asks for a token; an API without one is open to whoever reaches it. */
    public boolean requiresToken() {
        return token.get() != null;
    }

    /** True when {@code presented} is the API's token (compared in constant time), or the API asks for none. */
    public boolean acceptsToken(String presented) {
        byte[] required = token.get();
        if (required == null) {
            return true;
        }
        byte[] given = presented == null ? new byte[0] : presented.strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(required, given);
    }

    /** True when the API speaks TLS only. */
    public boolean speaksTls() {
        return tls.getAsBoolean();
    }

    /** {@code GET /registry}. */
    public RegistryRoutes.RegistryView registry() {
        return answered(registryRoutes::overview);
    }

    /** {@code GET /accounts/{ref}/holdings}. */
    public RegistryRoutes.HoldingsView holdings(String account) {
        return answered(() -> registryRoutes.holdings(account));
    }

    /**
     * {@code GET /transactions}, narrowed further: of one transaction type when {@code type} is given (its code), and
     * proposed from {@code from} to {@code to} (days in UTC, both included) when given; among the most recent
     * {@link TransactionRoutes#MAX_LIMIT} in the status, at most {@code limit}.
     */
    public List<TransactionView> transactions(String status, Integer type, LocalDate from, LocalDate to, int limit) {
        return answered(() -> {
            boolean narrowed = type != null || from != null || to != null;
            String asked = Integer.toString(narrowed ? TransactionRoutes.MAX_LIMIT : Math.min(limit, TransactionRoutes.MAX_LIMIT));
            return transactionRoutes.list(status, asked).transactions().stream()
                    .filter(t -> type == null || t.type().code() == type)
                    .filter(t -> from == null || !dayOf(t.proposedAt()).isBefore(from))
                    .filter(t -> to == null || !dayOf(t.proposedAt()).isAfter(to))
                    .limit(limit)
                    .toList();
        });
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The transaction types, by code, for a filter. */
    public static List<TransactionType> transactionTypes() {
        return List.of(TransactionType.values());
    }

    /** {@code GET /transactions/{id}}. */
    public TransactionView transaction(String id) {
        return answered(() -> transactionRoutes.one(id));
    }

    /**
     * {@code GET /transactions/{id}/evidence}: the transaction's records in the evidence archive, whether the archive
     * verifies, and the checkpoint that covers them.
     */
    public EvidenceTrail evidence(String id) {
        return answered(() -> transactionRoutes.evidence(id));
    }

    /**
     * The signed messages about the transaction as they went on the wire, each kept by the evidence archive when it
     * was received, or when the peer's receipt came back: the transaction's proposal and every notification of it.
     */
    public List<SignedCopy> signedCopies(TransactionView transaction) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(transaction.id());
        if (transaction.messages() != null) {
            transaction.messages().forEach(message -> keys.add(message.key()));
        }
        return answered(() -> registry.sql(connection -> {
            List<SignedCopy> copies = new ArrayList<>();
            for (String key : keys) {
                for (EvidenceRecord record : EvidenceArchive.about(connection, key)) {
                    if (record.kind() != EvidenceKind.STATUS_CHANGE) {
                        copies.add(new SignedCopy(record.kind() == EvidenceKind.MESSAGE_SENT, record.operation(),
                                record.subject(), record.peer(), record.recordedAt(), record.content()));
                    }
                }
            }
            return copies;
        }));
    }

    /**
     * {@code POST /transactions}: the body as that route reads it (a proposal in full, or a CDM operation); answers
     * the transactions recorded, or throws the refusal (422 with its codes and results).
     */
    public List<TransactionRoutes.Proposed> propose(JsonNode body) {
        return answered(() -> {
            Object answer = transactionRoutes.propose(read(body, TransactionRequest.class)).getEntity();
            if (answer instanceof TransactionRoutes.ProposedSeveral several) {
                return several.transactions();
            }
            return List.of((TransactionRoutes.Proposed) answer);
        });
    }

    /** {@code POST /transactions/{id}/cancel}. */
    public TransactionView cancel(String id) {
        return answered(() -> transactionRoutes.cancel(id));
    }

    /** {@code GET /notices}. */
    public List<NoticeRoutes.NoticeView> notices(int limit) {
        return answered(() -> noticeRoutes.list(Integer.toString(limit)).notices());
    }

    /** {@code GET /messages}. */
    public List<MessageRoutes.AdministrativeMessageView> administrativeMessages(int limit) {
        return answered(() -> messageRoutes.list(Integer.toString(limit)).messages());
    }

    /** The reconciliations the logs started with this registry, most recent first, with their results. */
    public List<RecordedReconciliation> reconciliations(int limit) {
        return answered(() -> registry.node().reconciliation().recent(limit));
    }

    /** {@code GET /dead-letters}. */
    public DeadLetterRoutes.DeadLetterList deadLetters() {
        return answered(deadLetterRoutes::list);
    }

    /** {@code POST /dead-letters/{kind}/{id}/retry}. */
    public DeadLetterRoutes.DeadLetterAction retry(String kind, String id) {
        return answered(() -> deadLetterRoutes.retry(kind, id));
    }

    /** {@code POST /dead-letters/{kind}/{id}/discard}. */
    public DeadLetterRoutes.DeadLetterAction discard(String kind, String id) {
        return answered(() -> deadLetterRoutes.discard(kind, id));
    }

    /** {@code GET /help-desk/queries}. */
    public List<HelpDeskRoutes.HelpDeskQueryView> helpDeskQueue(String status, int limit) {
        return answered(() -> helpDeskRoutes.queue(status, Integer.toString(limit)).queries());
    }

    /** {@code GET /help-desk/queries/due-this-week}. */
    public HelpDeskRoutes.DueThisWeek dueThisWeek() {
        return answered(helpDeskRoutes::dueThisWeek);
    }

    /** {@code POST /help-desk/queries}: the body as that route reads it. */
    public HelpDeskRoutes.HelpDeskQueryView receiveQuery(JsonNode body) {
        return answered(() -> (HelpDeskRoutes.HelpDeskQueryView) helpDeskRoutes
                .receive(read(body, HelpDeskRequest.class)).getEntity());
    }

    /** {@code POST /help-desk/queries/{reference}/answer}: the body as that route reads it. */
    public HelpDeskRoutes.HelpDeskQueryView answerQuery(String reference, JsonNode body) {
        return answered(() -> helpDeskRoutes.answer(reference, read(body, HelpDeskAnswer.class)));
    }

    private static <T> T read(JsonNode body, Class<T> type) {
        try {
            return OperatorJson.MAPPER.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemMapper.unreadable(e));
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                throw new ProblemException(ProblemMapper.unreadable(json));
            }
            throw e;
        }
    }

    /** Runs a route's work; what the route would refuse is thrown as the problem it would answer. */
    private static <T> T answered(Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiProblem problem) {
            throw problem.asThrown();
        }
    }
}
