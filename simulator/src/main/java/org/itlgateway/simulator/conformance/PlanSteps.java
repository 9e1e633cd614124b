package org.itlgateway.simulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.simulator.journal.Direction;

/**
 * The steps the tests after the first slice share: accounts of the registry's own numbering, proposals in full,
 * AAUs issued for a test, notices from the ITL, and the checks that units sit where (and as) they should.
 */
final class PlanSteps {

    /** Serial numbers of their own, far from those of the first slice's issuances. */
    private static final AtomicLong SERIALS =
            new AtomicLong(500_000_000_000_000L + Instant.now().getEpochSecond() % 10_000_000 * 100_000);

    private PlanSteps() {
    }

    /** The registry's account of this type, identifier and period (not opened). */
    static AccountRef account(Conformance c, AccountType type, long identifier, CommitmentPeriod period) {
        return new AccountRef(RegistryCode.of(c.code()), type, identifier, period);
    }

    /** Opens an account of a national registry (driven; one already open is fine), or tells its operator to. */
    static AccountRef open(Conformance c, AccountType type, long identifier, CommitmentPeriod period, String holder) {
        AccountRef ref = account(c, type, identifier, period);
        c.registry().prepare(new Action("open the account " + ref + " (" + type.label() + ", identifier " + identifier
                + ", period " + period.code() + ")", "/accounts", "{\"type\": " + type.code() + ", \"identifier\": "
                + identifier + ", \"period\": " + period.code() + ", \"holder\": \"" + holder + "\"}"));
        return ref;
    }

    /** A proposal in full: the pair of types by name, the accounts, the notice it fulfils and the blocks. */
    static Action inFull(String instruction, String kind, AccountRef from, AccountRef to, Long notice, List<UnitBlock> blocks) {
        StringBuilder body = new StringBuilder("{\"kind\": \"").append(kind).append('"');
        if (from != null) {
            body.append(", \"transferringAccount\": \"").append(from).append('"');
        }
        if (to != null) {
            body.append(", \"acquiringAccount\": \"").append(to).append('"');
        }
        if (notice != null) {
            body.append(", \"notice\": ").append(notice);
        }
        body.append(", \"blocks\": ").append(ConformancePlan.blocksJson(blocks)).append('}');
        return Action.proposal(instruction + ": " + UnitBlock.quantityOf(blocks) + " units " + blocks, body.toString());
    }

    /** Fresh serial numbers for {@code quantity} units: the first of them. */
    static long serials(long quantity) {
        return SERIALS.getAndAdd(quantity);
    }

    /** The registry issues AAUs of a period into an account; answers them once the ITL and the registry completed it. */
    static List<UnitBlock> issuedAaus(Conformance c, AccountRef into, CommitmentPeriod period, long quantity) {
        long start = serials(quantity);
        List<UnitBlock> blocks = List.of(UnitBlock.of(start, start + quantity - 1,
                UnitAttributes.aau(RegistryCode.of(c.code()), period)));
        String transaction = c.track(c.registry().propose(inFull("issue " + quantity + " AAUs of " + period + " into " + into,
                "ISSUANCE", null, into, null, blocks), c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        awaitInMirror(c, into, blocks, "the ITL's mirror of " + into + " to hold the " + quantity + " AAUs issued");
        return blocks;
    }

    /**
     * The ITL sends the registry a notice; answers its identifier once the registry took it in (receipt 1) and, when
     * driven, lists it.
     */
    static long notice(Conformance c, NoticeType type, Long project, CommitmentPeriod period, UnitType unitType,
                       Long quantity, LocalDate target, String text) {
        long mark = c.journalMark();
        Notice notice = c.network().itl().issueNotice(RegistryCode.of(c.code()), type, project, period, unitType, quantity,
                target, text);
        c.await("the ITL's notice " + notice.id() + " (" + type.label() + ") to reach " + c.code(), () -> c.network()
                .journal().find(null, "ITL", Direction.SENT, "acceptITLNotice", c.code(), 1_000_000, false).stream()
                .filter(entry -> entry.id() > mark && entry.outcome() != null && entry.outcome().startsWith("DELIVERED"))
                .findFirst());
        if (c.registry().driven()) {
            // the receipt says the registry stored the message; it records the notice when it processes it
            c.awaitThat(c.code() + " to list the ITL's notice " + notice.id(), () -> {
                for (JsonNode listed : c.registry().view("/notices").orElseThrow().path("notices")) {
                    if (listed.path("id").asLong() == notice.id()) {
                        return true;
                    }
                }
                return false;
            });
        }
        c.note("the ITL sent notice " + notice.id() + " (" + type.code() + " " + type.label() + ")");
        return notice.id();
    }

    /** Waits until the ITL has the notice fulfilled (DES notice status 3). */
    static void requireNoticeFulfilled(Conformance c, long notice) {
        NodeStores itl = c.network().stores("ITL");
        c.awaitThat("the ITL to have its notice " + notice + " fulfilled", () -> itl.database()
                .call(() -> itl.notices().find(notice)).map(found -> found.status() == NoticeStatus.FULFILLED).orElse(false));
    }

    /** The ITL refused the transaction with {@code code}; the registry ended it; nothing of it stays reserved. */
    static void requireRefusedAndReleased(Conformance c, String transaction, int code, AccountRef from) {
        c.requireRefusedAtItl(transaction, code);
        c.requireNotCompletedAtRegistry(transaction);
        c.requireReleasedInMirror(from, transaction);
        c.requireReleasedAtRegistry(from, transaction);
    }

    /** Waits until the ITL's mirror has every unit of the blocks in the account, with the blocks' attributes. */
    static void awaitInMirror(Conformance c, AccountRef account, List<UnitBlock> blocks, String what) {
        long quantity = UnitBlock.quantityOf(blocks);
        c.awaitThat(what, () -> held(c.mirrorOf(account), blocks, true) == quantity);
    }

    /** Checks the ITL's mirror has the account hold every unit of the blocks as they are (after a refusal: unchanged). */
    static void requireInMirror(Conformance c, AccountRef account, List<UnitBlock> blocks, String what) {
        long held = held(c.mirrorOf(account), blocks, true);
        if (held != UnitBlock.quantityOf(blocks)) {
            throw new ConformanceFailure("the ITL's mirror of " + account + " holds " + held + " of the "
                    + UnitBlock.quantityOf(blocks) + " units " + what);
        }
    }

    /** Checks neither the ITL's mirror nor the registry (when driven) has the account hold any unit of the blocks. */
    static void requireNoneHeld(Conformance c, AccountRef account, List<UnitBlock> blocks, String what) {
        long inMirror = held(c.mirrorOf(account), blocks, false);
        if (inMirror > 0) {
            throw new ConformanceFailure("the ITL's mirror of " + account + " holds " + inMirror + " units " + what);
        }
        long atRegistry = heldAtRegistry(c, account, blocks, block -> true);
        if (atRegistry > 0) {
            throw new ConformanceFailure(c.code() + " holds " + atRegistry + " units in " + account + " " + what);
        }
    }

    /**
     * Waits until the registry (when driven) has the account hold every unit of the blocks with {@code field} of its
     * holdings' blocks equal to {@code value} (e.g. {@code unitType} {@code ERU_FROM_AAU}).
     */
    static void awaitAtRegistry(Conformance c, AccountRef account, List<UnitBlock> blocks, String field, String value) {
        if (!c.registry().driven()) {
            return;
        }
        long quantity = UnitBlock.quantityOf(blocks);
        c.awaitThat(c.code() + " to hold the " + quantity + " units in " + account + " with " + field + " " + value,
                () -> heldAtRegistry(c, account, blocks, block -> value.equals(block.path(field).asText())) == quantity);
    }

    /** The blocks of the proposal the ITL recorded for the transaction. */
    static List<UnitBlock> blocksAtItl(Conformance c, String transaction) {
        return c.atItl(transaction).orElseThrow(() -> new ConformanceFailure("the ITL has no record of " + transaction))
                .proposal().blocks();
    }

    /** The blocks as they are to become: every attribute changed by {@code change}. */
    static List<UnitBlock> changed(List<UnitBlock> blocks, UnaryOperator<UnitAttributes> change) {
        List<UnitBlock> result = new ArrayList<>();
        for (UnitBlock block : blocks) {
            result.add(block.withAttributes(change.apply(block.attributes())));
        }
        return result;
    }

    /** How many units of the blocks the holdings have (with the blocks' very attributes, when {@code same}). */
    private static long held(List<HeldBlock> holdings, List<UnitBlock> blocks, boolean same) {
        long units = 0;
        for (HeldBlock piece : holdings) {
            for (UnitBlock block : blocks) {
                if (piece.block().id().originatingRegistry().equals(block.id().originatingRegistry())
                        && piece.range().overlaps(block.range())
                        && (!same || piece.block().attributes().equals(block.attributes()))) {
                    units += piece.range().intersection(block.range()).quantity();
                }
            }
        }
        return units;
    }

    private static long heldAtRegistry(Conformance c, AccountRef account, List<UnitBlock> blocks, Predicate<JsonNode> which) {
        if (!c.registry().driven()) {
            return 0;
        }
        long units = 0;
        for (JsonNode held : c.registryHoldings(account).orElseThrow().path("blocks")) {
            SerialRange range = new SerialRange(held.path("start").asLong(), held.path("end").asLong());
            for (UnitBlock block : blocks) {
                if (block.id().originatingRegistry().value().equals(held.path("originatingRegistry").asText())
                        && range.overlaps(block.range()) && which.test(held)) {
                    units += range.intersection(block.range()).quantity();
                }
            }
        }
        return units;
    }
}
