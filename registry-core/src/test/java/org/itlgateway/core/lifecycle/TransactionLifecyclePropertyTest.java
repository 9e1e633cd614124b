package org.itlgateway.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.fixtures.HoldingInvariants;
import org.itlgateway.core.fixtures.LogDouble;
import org.itlgateway.core.fixtures.Noise;
import org.itlgateway.core.fixtures.PropertyRun;
import org.itlgateway.core.fixtures.RegistryNode;
import org.itlgateway.core.fixtures.TestClock;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.Test;

/**
 * Two national registries, Japan and New Zealand, issue AAUs, transfer them inside and between them, convert
 * and carry them over in place, cancel and retire them, while a log answers at random, repeats itself, sends
 * notifications out of sequence and lets time pass. After every step the holdings keep their invariants; after
 * the last sweep every transaction is final.
 */
class TransactionLifecyclePropertyTest {

    private static final int SEQUENCES = 300;
    private static final int STEPS = 150;

    private final PropertyRun run = new PropertyRun();

    @Test
    void holdingsKeepTheirInvariantsWhateverTheLogAndTheClockDo() {
        run.run(SEQUENCES, seed -> new Sequence(seed).play());

        Map<String, Integer> seen = run.seen();
        for (String needed : List.of("completed issuance", "completed internal transfer", "completed external transfer",
                "credited external transfer", "completed conversion", "completed carry-over", "completed retirement",
                "completed cancellation", "refused proposal", "repeated notification", "repeated forwarded proposal",
                "out-of-sequence notification", "terminated by the sweep", "rejected external transfer")) {
            assertTrue(seen.getOrDefault(needed, 0) > 0, () -> "never saw " + needed + " in " + seen);
        }
    }

    /** The accounts of one registry. */
    private record Book(RegistryNode node, AccountRef party, AccountRef entity, AccountRef other, AccountRef cancellation,
                        AccountRef retirement) {

        static Book open(RegistryNode node) {
            return new Book(node, node.open(AccountType.PARTY_HOLDING, 1), node.open(AccountType.ENTITY_HOLDING, 2),
                    node.open(AccountType.ENTITY_HOLDING, 3), node.open(AccountType.VOLUNTARY_CANCELLATION, 4),
                    node.open(AccountType.RETIREMENT, 5));
        }

        List<AccountRef> holding() {
            return List.of(party, entity, other);
        }
    }

    private final class Sequence {

        private final Random random;
        private final TestClock clock = TestClock.at("2013-01-15T00:00:00Z");
        private final List<Book> books = new ArrayList<>();
        private final long[] nextSerial = {1, 1};
        private final LogDouble log;
        private final HoldingInvariants invariants;

        Sequence(long seed) {
            random = new Random(seed);
            books.add(Book.open(new RegistryNode(RegistryCode.of("JP"), clock)));
            books.add(Book.open(new RegistryNode(RegistryCode.of("NZ"), clock)));
            List<LogDouble.Node> nodes = books.stream().map(b -> (LogDouble.Node) b.node()).toList();
            log = new LogDouble(clock, Duration.ofHours(24), nodes);
            invariants = new HoldingInvariants(nodes);
        }

        void play() {
            for (int step = 0; step < STEPS; step++) {
                double r = random.nextDouble();
                if (r < 0.35) {
                    propose(random.nextInt(books.size()));
                } else if (r < 0.75) {
                    log.step(random);
                } else if (r < 0.88) {
                    noise();
                } else {
                    passTime(Duration.ofMinutes(random.nextInt(30 * 60)));
                }
                invariants.check();
            }
            if (random.nextBoolean()) {
                log.drain(random);
                invariants.check();
            }
            passTime(Duration.ofHours(25));
            invariants.check();
            invariants.checkAllFinal();
            count();
        }

        private void passTime(Duration duration) {
            clock.advance(duration);
            List<Runnable> sweeps = new ArrayList<>();
            sweeps.add(log::terminateOverdue);
            for (Book book : books) {
                sweeps.add(() -> book.node().terminateOverdue(clock.instant())
                        .forEach(id -> run.saw("terminated by the sweep")));
            }
            Collections.shuffle(sweeps, random);
            sweeps.forEach(Runnable::run);
        }

        private void noise() {
            String kind = random.nextBoolean()
                    ? Noise.repeat(log, Map.of(books.get(0).node().code(), books.get(0).node(),
                            books.get(1).node().code(), books.get(1).node()), random)
                    : Noise.outOfSequence(books.get(random.nextInt(books.size())).node(), random);
            if (kind != null) {
                run.saw(kind);
            }
        }

        private void propose(int which) {
            Book book = books.get(which);
            Book otherBook = books.get(1 - which);
            RegistryNode node = book.node();
            Proposal proposal = switch (random.nextInt(11)) {
                case 0, 1 -> issuance(which);
                case 2, 3 -> moved(book, TransactionType.INTERNAL_TRANSFER, h -> true,
                        from -> pick(book.holding(), from));
                case 4 -> moved(book, TransactionType.CANCELLATION, h -> true, from -> book.cancellation());
                case 5 -> moved(book, TransactionType.RETIREMENT, h -> true, from -> book.retirement());
                case 6, 7 -> moved(book, TransactionType.EXTERNAL_TRANSFER, h -> true,
                        from -> random.nextInt(10) == 0
                                ? AccountRef.of(otherBook.node().code(), AccountType.ENTITY_HOLDING, 99)
                                : pick(otherBook.holding(), null));
                case 8 -> inPlace(book, TransactionType.CONVERSION,
                        h -> h.block().unitType() == UnitType.AAU && h.block().attributes().originatingRegistry().equals(node.code()),
                        a -> a.withUnitType(UnitType.ERU_FROM_AAU).withProjectAndTrack(77L, Track.ONE));
                case 9 -> inPlace(book, TransactionType.CARRY_OVER,
                        h -> h.block().attributes().applicablePeriod() == CommitmentPeriod.CP1,
                        a -> a.withApplicablePeriod(CommitmentPeriod.CP2));
                default -> unitsNotHeld(book);
            };
            if (proposal == null) {
                return;
            }
            PropertyRun.Snapshot before = PropertyRun.Snapshot.of(node);
            ProposalOutcome outcome = node.lifecycle().propose(proposal);
            if (outcome.isRecorded()) {
                log.proposed(proposal);
            } else {
                run.saw("refused proposal");
                Noise.assertUnchanged(before, node, "refusing " + proposal);
                assertTrue(node.transactions().find(proposal.id()).isEmpty());
            }
        }

        private Proposal issuance(int which) {
            Book book = books.get(which);
            long quantity = 1 + random.nextInt(300);
            long start = nextSerial[which];
            if (start > 1 && random.nextInt(20) == 0) {
                start = 1 + (long) random.nextInt((int) Math.min(start - 1, Integer.MAX_VALUE - 1));
            } else {
                nextSerial[which] += quantity;
            }
            CommitmentPeriod period = random.nextBoolean() ? CommitmentPeriod.CP1 : CommitmentPeriod.CP2;
            UnitBlock block = new UnitBlock(SerialRange.ofQuantity(start, quantity),
                    UnitAttributes.aau(book.node().code(), period));
            return book.node().proposal(TransactionType.ISSUANCE, 0, null, book.party(), List.of(block));
        }

        private Proposal moved(Book book, TransactionType type, Predicate<HeldBlock> wanted,
                               Function<AccountRef, AccountRef> destination) {
            Optional<Picked> picked = pickFree(book, wanted);
            if (picked.isEmpty()) {
                return null;
            }
            AccountRef to = destination.apply(picked.get().from());
            return book.node().proposal(type, 0, picked.get().from(), to, picked.get().blocks());
        }

        private Proposal inPlace(Book book, TransactionType type, Predicate<HeldBlock> wanted,
                                 UnaryOperator<UnitAttributes> change) {
            Optional<Picked> picked = pickFree(book, wanted);
            if (picked.isEmpty()) {
                return null;
            }
            List<UnitBlock> changed = picked.get().blocks().stream()
                    .map(b -> b.withAttributes(change.apply(b.attributes()))).toList();
            return book.node().proposal(type, 0, picked.get().from(), null, changed);
        }

        private Proposal unitsNotHeld(Book book) {
            UnitBlock ghost = UnitBlock.of(1_000_000 + random.nextInt(1000), 1_001_000 + random.nextInt(1000),
                    UnitAttributes.aau(book.node().code(), CommitmentPeriod.CP2));
            return book.node().proposal(TransactionType.INTERNAL_TRANSFER, 0, book.party(), book.entity(), List.of(ghost));
        }

        private record Picked(AccountRef from, List<UnitBlock> blocks) {
        }

        /** One or two parts of free pieces of one holding account. */
        private Optional<Picked> pickFree(Book book, Predicate<HeldBlock> wanted) {
            List<HeldBlock> free = book.node().store().all().stream()
                    .filter(h -> !h.isReserved() && book.holding().contains(h.account()) && wanted.test(h)).toList();
            if (free.isEmpty()) {
                return Optional.empty();
            }
            HeldBlock first = free.get(random.nextInt(free.size()));
            List<UnitBlock> blocks = new ArrayList<>();
            blocks.add(part(first));
            List<HeldBlock> more = free.stream().filter(h -> h.account().equals(first.account()) && h != first).toList();
            if (!more.isEmpty() && random.nextInt(3) == 0) {
                blocks.add(part(more.get(random.nextInt(more.size()))));
            }
            return Optional.of(new Picked(first.account(), blocks));
        }

        private UnitBlock part(HeldBlock piece) {
            SerialRange range = piece.range();
            long offset = random.nextInt((int) Math.min(range.quantity(), 1000));
            long quantity = 1 + random.nextInt((int) Math.min(range.quantity() - offset, 1000));
            return piece.block().withRange(SerialRange.ofQuantity(range.start() + offset, quantity));
        }

        private AccountRef pick(List<AccountRef> accounts, AccountRef not) {
            List<AccountRef> choice = accounts.stream().filter(a -> !a.equals(not)).toList();
            return choice.get(random.nextInt(choice.size()));
        }

        private void count() {
            for (Book book : books) {
                for (Transaction t : book.node().transactions().all()) {
                    TransactionType type = t.proposal().type();
                    boolean own = book.node().lifecycle().isTransferringSide(t);
                    if (t.status() == TransactionStatus.COMPLETED) {
                        run.saw(switch (type) {
                            case ISSUANCE -> "completed issuance";
                            case INTERNAL_TRANSFER -> "completed internal transfer";
                            case EXTERNAL_TRANSFER -> own ? "completed external transfer" : "credited external transfer";
                            case CONVERSION -> "completed conversion";
                            case CARRY_OVER -> "completed carry-over";
                            case RETIREMENT -> "completed retirement";
                            case CANCELLATION -> "completed cancellation";
                            default -> "completed " + type;
                        });
                    }
                    if (t.status() == TransactionStatus.REJECTED && own) {
                        run.saw("rejected external transfer");
                    }
                }
            }
        }
    }
}
