package org.itlgateway.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.TransactionCounts;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.delivery.DeliveryObserver;
import org.itlgateway.gateway.delivery.MessageKeys;
import org.itlgateway.gateway.delivery.OutboundMessage;
import org.itlgateway.gateway.delivery.QueueDepths;
import org.itlgateway.gateway.delivery.ReceiptObserver;
import org.itlgateway.gateway.delivery.SendOutcome;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of one node, named and recorded here only, each tagged with the node's code ({@code node}); they are
 * documented in {@code docs/operations.md}:
 * <ul>
 * <li>{@code itl_messages_received_total{node,operation,outcome}}: verified messages answered, by outcome
 * ({@code accepted} into the inbox, {@code answered} a query in its receipt, {@code duplicate} of a message kept
 * before, {@code refused_message} by the message checks, {@code refused_rule} by a rule at receipt);</li>
 * <li>{@code itl_messages_sent_total{node,operation,outcome}}: delivery attempts, by outcome ({@code receipt},
 * {@code refused}, {@code no_receipt}, {@code fault} on this side, {@code dead_letter});</li>
 * <li>{@code itl_refusals_total{node,code}}: the response codes of the refusals the node gave;</li>
 * <li>{@code itl_delivery_retries_total{node,operation}}: attempts after a delivery's first;</li>
 * <li>{@code itl_inbound_handling_seconds{node,operation,outcome}} and
 * {@code itl_outbound_round_trip_seconds{node,operation,outcome}}: timers with histograms;</li>
 * <li>{@code itl_inbox_waiting}, {@code itl_inbox_oldest_age_seconds}, {@code itl_outbox_waiting},
 * {@code itl_outbox_oldest_age_seconds}, {@code itl_dead_letters{box}} and {@code itl_transactions{status}}: gauges
 * read by one query each, at most once every {@link #READ_EVERY} of the node's clock however often they are
 * scraped;</li>
 * <li>{@code itl_reconciliations_seconds{node,result}} and {@code itl_reconciliation_phases_answered_total{node,phase}}.</li>
 * </ul>
 * It also writes the line per message received and sent ({@link MessageLog}).
 */
public final class NodeMetrics implements ReceiptObserver, DeliveryObserver {

    /** How long a reading of the gauges' tables is kept before it is read again (on the node's clock). */
    public static final Duration READ_EVERY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(NodeMetrics.class);
    private static final Duration HISTOGRAM_FLOOR = Duration.ofMillis(1);
    private static final Duration HISTOGRAM_CEILING = Duration.ofSeconds(60);

    private final MeterRegistry registry;
    private final String node;
    private final MessageLog log;

    NodeMetrics(MeterRegistry registry, String node, Clock clock, Supplier<QueueDepths> queues,
                Supplier<Map<TransactionStatus, Long>> transactions) {
        this.registry = registry;
        this.node = node;
        this.log = new MessageLog(node);
        Supplier<QueueDepths> depths = new Reading<>(queues, clock, QueueDepths.EMPTY);
        Supplier<Map<TransactionStatus, Long>> byStatus = new Reading<>(transactions, clock, Map.of());
        gauge("itl.inbox.waiting", "Messages received and not processed yet", null, depths, d -> d.inboxWaiting());
        gauge("itl.inbox.oldest.age", "Age of the oldest message waiting in the inbox (0 when none)", "seconds", depths,
                d -> ageOf(d.oldestInbox(), clock));
        gauge("itl.outbox.waiting", "Messages to send without a receipt yet", null, depths, d -> d.outboxWaiting());
        gauge("itl.outbox.oldest.age", "Age of the oldest message waiting in the outbox (0 when none)", "seconds", depths,
                d -> ageOf(d.oldestOutbox(), clock));
        Gauge.builder("itl.dead.letters", depths, d -> d.get().inboxDead()).description("Dead letters waiting for an operator")
                .tags("node", node, "box", "inbox").strongReference(true).register(registry);
        Gauge.builder("itl.dead.letters", depths, d -> d.get().outboxDead()).description("Dead letters waiting for an operator")
                .tags("node", node, "box", "outbox").strongReference(true).register(registry);
        for (TransactionStatus status : TransactionStatus.values()) {
            Gauge.builder("itl.transactions", byStatus, counts -> counts.get().getOrDefault(status, 0L))
                    .description("The node's transactions in each status").tags("node", node, "status", statusTag(status))
                    .strongReference(true).register(registry);
        }
    }

    /** The node's code, its meters' {@code node} tag. */
    public String node() {
        return node;
    }

    private void gauge(String name, String description, String unit, Supplier<QueueDepths> depths,
                       ToDoubleFunction<QueueDepths> value) {
        Gauge.builder(name, depths, d -> value.applyAsDouble(d.get())).description(description).baseUnit(unit)
                .tags("node", node).strongReference(true).register(registry);
    }

    @Override
    public void received(InboundMessage message, Receipt receipt, boolean duplicate,
                         Duration took) {
        String operation = message.operation().wireName();
        String outcome = receivedOutcome(message.operation(), receipt, duplicate);
        Counter.builder("itl.messages.received").description("Verified messages answered, by outcome")
                .tags("node", node, "operation", operation, "outcome", outcome).register(registry).increment();
        timer("itl.inbound.handling", "From a verified request to its receipt", operation, outcome).record(took);
        for (ResponseCode code : receipt.codes()) {
            refused(code.code());
        }
        log.received(operation, MessageKeys.transactionOf(message.request()), message.signer(),
                duplicate ? "duplicate" : receipt.accepted() ? "accepted" : "refused " + codes(receipt), took);
    }

    /** Counts a message refused with a fault carrying {@code code}, before it reached the inbox. */
    void refusedAsFault(String operation, int code, Duration took) {
        Counter.builder("itl.messages.received").description("Verified messages answered, by outcome")
                .tags("node", node, "operation", operation, "outcome", "refused_message").register(registry).increment();
        refused(code);
        log.received(operation, null, null, "refused " + code, took);
    }

    /** Counts a refusal this node gave with {@code code} (a receipt's, or a refusal fault's). */
    void refused(int code) {
        Counter.builder("itl.refusals").description("Refusals this node gave, by response code")
                .tags("node", node, "code", Integer.toString(code)).register(registry).increment();
    }

    @Override
    public void attempted(OutboundMessage message, int attempt, SendOutcome outcome,
                          List<Integer> codes, Duration roundTrip) {
        String operation = message.operation().wireName();
        String tag = sentOutcome(outcome);
        Counter.builder("itl.messages.sent").description("Delivery attempts, by outcome")
                .tags("node", node, "operation", operation, "outcome", tag).register(registry).increment();
        if (outcome != SendOutcome.DEAD_LETTERED || !roundTrip.isZero()) {
            timer("itl.outbound.round.trip", "From a request leaving to its answer (or its failure)", operation, tag)
                    .record(roundTrip);
        }
        String phase = answeredPhase(message.operation());
        if (phase != null && outcome == SendOutcome.DELIVERED) {
            Counter.builder("itl.reconciliation.phases.answered")
                    .description("Reconciliation phases this node answered as the reconciled party, taken by the log")
                    .tags("node", node, "phase", phase).register(registry).increment();
        }
        if (attempt > 1) {
            Counter.builder("itl.delivery.retries").description("Delivery attempts after a message's first")
                    .tags("node", node, "operation", operation).register(registry).increment();
        }
        log.sent(operation, MessageKeys.transactionOf(message.request()), message.destination(),
                tag + (codes.isEmpty() ? "" : " " + String.join(",", codes.stream().map(String::valueOf).toList())),
                attempt, roundTrip);
    }

    /**
     * Records a reconciliation this node ran as the reconciling log: how long it took, from its start to its end, and
     * how it ended ({@code result}, e.g. {@code reconciled}, {@code discrepancies}, {@code failed}).
     */
    public void reconciled(String result, Duration took) {
        Timer.builder("itl.reconciliations").description("Reconciliations run by this node, by result")
                .tags("node", node, "result", result).publishPercentileHistogram()
                .minimumExpectedValue(HISTOGRAM_FLOOR).maximumExpectedValue(Duration.ofHours(24))
                .register(registry).record(took.isNegative() ? Duration.ZERO : took);
    }

    /**
     * The phase of a reconciliation a message answers, when this node is the reconciled one: its totals, its unit
     * blocks, its audit trail; null for another message.
     */
    static String answeredPhase(Operation operation) {
        return switch (operation) {
            case LOG_RECEIVE_TOTALS -> "totals";
            case LOG_RECEIVE_UNIT_BLOCKS -> "unit_blocks";
            case LOG_RECEIVE_AUDIT_TRAIL -> "audit_trail";
            default -> null;
        };
    }

    private Timer timer(String name, String description, String operation, String outcome) {
        return Timer.builder(name).description(description).tags("node", node, "operation", operation, "outcome", outcome)
                .publishPercentileHistogram().minimumExpectedValue(HISTOGRAM_FLOOR).maximumExpectedValue(HISTOGRAM_CEILING)
                .register(registry);
    }

    static String receivedOutcome(Operation operation, Receipt receipt, boolean duplicate) {
        if (receipt.accepted()) {
            return duplicate ? "duplicate" : operation.isQuery() ? "answered" : "accepted";
        }
        boolean byRule = !receipt.codes().isEmpty() && receipt.codes().get(0).layer() == ResponseCode.Layer.RULE;
        return byRule ? "refused_rule" : "refused_message";
    }

    static String sentOutcome(SendOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> "receipt";
            case REFUSED -> "refused";
            case NO_RECEIPT -> "no_receipt";
            case FAULT -> "fault";
            case DEAD_LETTERED -> "dead_letter";
        };
    }

    private static String statusTag(TransactionStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String codes(Receipt receipt) {
        return String.join(",", receipt.codes().stream().map(code -> Integer.toString(code.code())).toList());
    }

    private static double ageOf(Instant oldest, Clock clock) {
        if (oldest == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** The inbox's and the outbox's depths on a node's database, read through its pool. */
    static Supplier<QueueDepths> queuesOf(Database database) {
        return () -> {
            try (Connection connection = database.dataSource().getConnection()) {
                return QueueDepths.read(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("the inbox and the outbox cannot be read: " + e.getMessage(), e);
            }
        };
    }

    /** The node's transactions by status. */
    static Supplier<Map<TransactionStatus, Long>> transactionsOf(Database database) {
        return () -> TransactionCounts.byStatus(database);
    }

    /**
     * A value read from the database at most once every {@link #READ_EVERY} of the node's clock (and again when the
     * clock goes back); a failed read keeps the last value.
     */
    private static final class Reading<T> implements Supplier<T> {

        private final Supplier<T> read;
        private final Clock clock;
        private T value;
        private Instant readAt;

        Reading(Supplier<T> read, Clock clock, T initial) {
            this.read = read;
            this.clock = clock;
            this.value = initial;
        }

        @Override
        public synchronized T get() {
            Instant now = clock.instant();
            if (readAt == null || now.isBefore(readAt) || !now.isBefore(readAt.plus(READ_EVERY))) {
                readAt = now;
                try {
                    value = read.get();
                } catch (RuntimeException e) {
                    LOG.warn("a meter's reading failed, the last one is kept: {}", e.getMessage());
                }
            }
            return value;
        }
    }
}
