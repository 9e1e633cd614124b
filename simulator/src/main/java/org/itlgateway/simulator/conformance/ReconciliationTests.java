package org.itlgateway.simulator.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.reconciliation.Reconciliation;
import org.itlgateway.simulator.reconciliation.RightSide;

/**
 * The reconciliation category (300 and up): the ITL reconciles the registry as of a snapshot, through every phase the
 * difference calls for (totals, unit blocks, audit trail), and the registry answers from its holdings as they were at
 * that moment, whatever happened since.
 */
final class ReconciliationTests {

    private static final Set<RegistryKind> BOTH = Set.of(RegistryKind.NATIONAL, RegistryKind.CDM);
    /** Serial numbers of the units the plan writes into the ITL's mirror only, far from any the plan issues. */
    private static final AtomicLong PLANTED = new AtomicLong(8_000_000_000_000L
            + Instant.now().getEpochSecond() % 10_000_000 * 1_000);
    private static final AtomicLong ISSUED = new AtomicLong(6_000_000_000_000L
            + Instant.now().getEpochSecond() % 10_000_000 * 1_000);

    private ReconciliationTests() {
    }

    static List<ConformanceTest> tests() {
        return List.of(
                new ConformanceTest(300, "A registry in agreement with the ITL is validated", Category.RECONCILIATION,
                        "The ITL starts a reconciliation with a snapshot time (initiateReconciliation) and asks the "
                                + "registry's totals of that moment (provideTotals); the registry answers them "
                                + "(receiveTotals), and takes the ITL's result (receiveReconciliationResult).",
                        List.of("The ITL reconciles the registry as of the network's time."),
                        "The reconciliation is validated (status 2) and the registry takes the result.",
                        BOTH, ReconciliationTests::agreementValidated),
                new ConformanceTest(301, "A difference in the ITL's mirror is found from the registry's answers",
                        Category.RECONCILIATION,
                        "When the ITL's records differ from the registry's, the registry's totals and then its unit "
                                + "blocks show where; the ITL's administrator resolves it by manual intervention.",
                        List.of("The runner writes 50 units into the ITL's mirror of the registry's account that the "
                                        + "registry does not hold (national: AAUs in 120-77-0; CDM: CERs in the pending account).",
                                "The ITL reconciles the registry as of the network's time.",
                                "The ITL's administrator resolves it, the registry's holdings standing (the mirror is "
                                        + "corrected)."),
                        "The reconciliation is inconsistent (status 3 or 4) and names the 50 units missing at the "
                                + "registry (6002) or the totals that differ (6001); after the intervention it is completed "
                                + "after manual intervention (6) and the registry takes that result.",
                        BOTH, ReconciliationTests::differenceFound),
                new ConformanceTest(302, "The registry answers from its snapshot, not from its holdings now",
                        Category.RECONCILIATION,
                        "Transactions processed after the snapshot time change nothing the registry reports for it.",
                        List.of("The runner notes the network's time as the snapshot.",
                                "An hour later the registry issues units (national: 10 CP2 AAUs into 100-1-2; CDM: "
                                        + "100 CERs of project 4321), and the ITL completes the issuance.",
                                "The ITL reconciles the registry as of the snapshot."),
                        "The reconciliation is validated (status 2): the issuance after the snapshot is in none of the "
                                + "registry's answers.",
                        BOTH, ReconciliationTests::snapshotNotLiveHoldings));
    }

    // ---- 300 ----

    private static void agreementValidated(Conformance c) {
        c.on("2016-10-03T09:00:00Z");
        long mark = c.journalMark();
        Reconciliation done = reconcile(c, c.network().clock().instant());
        if (done.status() != ReconciliationStatus.VALIDATED) {
            throw new ConformanceFailure("the ITL found " + c.code() + " " + describe(done) + ", not validated");
        }
        requireResultDelivered(c, done, mark);
    }

    // ---- 301 ----

    private static void differenceFound(Conformance c) {
        c.on("2016-10-03T10:00:00Z");
        AccountRef account = c.kind() == RegistryKind.CDM ? ConformancePlan.CDM_PENDING
                : AccountRef.parse(c.code() + "-120-77-0");
        long start = PLANTED.getAndAdd(50);
        UnitAttributes attributes = c.kind() == RegistryKind.CDM
                ? UnitAttributes.cer(ConformancePlan.PROJECT, CommitmentPeriod.CP2)
                : UnitAttributes.aau(RegistryCode.of(c.code()), CommitmentPeriod.CP2);
        UnitBlock planted = UnitBlock.of(start, start + 49, attributes);
        var itl = c.network().stores("ITL");
        itl.database().run(() -> {
            var outcome = itl.ledger().issue(account, List.of(planted), c.network().clock().instant());
            if (!outcome.isApplied()) {
                throw new IllegalStateException("the units could not be written into the ITL's mirror: " + outcome);
            }
        });
        c.afterTest(() -> itl.database().run(() -> itl.ledger().correct(planted.attributes().originatingRegistry(),
                planted.range(), List.of(), c.network().clock().instant())));
        c.note("wrote " + planted + " into the ITL's mirror of " + account);

        long mark = c.journalMark();
        Reconciliation found = reconcile(c, c.network().clock().instant());
        c.afterTest(() -> c.network().reconciliation().find(found.id()).filter(Reconciliation::isOpenInconsistency)
                .ifPresent(open -> c.network().reconciliation().resolveManually(open.id(), "conformance",
                        "units the runner wrote into the mirror", RightSide.REGISTRY)));
        if (!found.isOpenInconsistency()) {
            throw new ConformanceFailure("the ITL found " + c.code() + " " + describe(found) + " although its mirror holds "
                    + "50 units more in " + account + " (" + planted.id() + ")");
        }
        boolean named = found.results().stream().anyMatch(result -> result.code() == ResponseCode.TOTALS_DIFFER
                || result.code() == ResponseCode.BLOCK_MISSING && result.blocks().contains(planted.id()));
        if (!named) {
            throw new ConformanceFailure("the ITL found " + c.code() + " " + describe(found) + ", which names neither the "
                    + "totals that differ (6001) nor the block missing at the registry (6002) " + planted.id());
        }
        requireResultDelivered(c, found, mark);

        Reconciliation resolved = c.network().reconciliation().resolveManually(found.id(), "conformance",
                "units the runner wrote into the mirror", RightSide.REGISTRY);
        if (resolved.status() != ReconciliationStatus.COMPLETED_AFTER_MANUAL_INTERVENTION) {
            throw new ConformanceFailure("the manual intervention left reconciliation " + found.id() + " "
                    + resolved.status());
        }
        c.awaitThat(c.code() + " to take the result of the manual intervention in reconciliation " + found.id(),
                () -> resultsDelivered(c, mark) >= 2);
        c.awaitThat("the ITL's mirror of " + account + " to be corrected", () -> c.mirrorOf(account).stream()
                .noneMatch(held -> held.block().attributes().originatingRegistry().equals(attributes.originatingRegistry())
                        && held.block().start() <= planted.end() && held.block().end() >= planted.start()));
    }

    // ---- 302 ----

    private static void snapshotNotLiveHoldings(Conformance c) {
        c.on("2016-10-03T12:00:00Z");
        Instant snapshot = c.network().clock().instant();
        c.on("2016-10-03T13:00:00Z");
        String transaction = c.track(c.registry().propose(issuance(c), c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        long mark = c.journalMark();
        Reconciliation done = reconcile(c, snapshot);
        if (done.status() != ReconciliationStatus.VALIDATED) {
            throw new ConformanceFailure("the ITL found " + c.code() + " " + describe(done) + " as of the snapshot "
                    + snapshot + ": its answers include what changed after the snapshot (the issuance " + transaction
                    + " an hour later), not its holdings as they were at that moment");
        }
        requireResultDelivered(c, done, mark);
    }

    /** Issues units after the snapshot: AAUs of CP2 into the Party holding account, or CERs of project 4321. */
    private static Action issuance(Conformance c) {
        if (c.kind() == RegistryKind.CDM) {
            return Action.proposal("issue 100 CERs of project " + ConformancePlan.PROJECT + " for CP2",
                    "{\"operation\": \"issue\", \"project\": " + ConformancePlan.PROJECT
                            + ", \"unitType\": \"CER\", \"period\": 2, \"quantity\": 100}");
        }
        long start = ISSUED.getAndAdd(10);
        AccountRef party = AccountRef.parse(c.code() + "-100-1-2");
        UnitBlock block = UnitBlock.of(start, start + 9, UnitAttributes.aau(RegistryCode.of(c.code()), CommitmentPeriod.CP2));
        return Action.proposal("issue 10 CP2 AAUs, serials " + block.start() + " to " + block.end() + ", into " + party,
                "{\"kind\": \"ISSUANCE\", \"acquiringAccount\": \"" + party + "\", \"blocks\": "
                        + ConformancePlan.blocksJson(List.of(block)) + "}");
    }

    // ---- the ITL's reconciliation ----

    /** The ITL reconciles the registry as of {@code snapshot}; answers the reconciliation once the ITL decided. */
    private static Reconciliation reconcile(Conformance c, Instant snapshot) {
        long id = c.network().reconciliation().initiate(RegistryCode.of(c.code()), snapshot);
        c.note("the ITL started reconciliation " + id + " of " + c.code() + " as of " + snapshot);
        Reconciliation done;
        try {
            done = c.await("the ITL to decide reconciliation " + id + " of " + c.code(), () -> c.network().reconciliation()
                    .find(id).filter(r -> r.phase() == Reconciliation.Phase.DECIDED), Duration.ofMillis(200));
        } catch (ConformanceFailure e) {
            throw new ConformanceFailure(e.getMessage() + "; it is " + c.network().reconciliation().find(id)
                    .map(r -> "in phase " + r.phase() + ", " + r.status()).orElse("unknown to the ITL")
                    + " (did " + c.code() + " answer " + phaseQuestion(c, id) + "?)");
        }
        c.note("reconciliation " + id + ": " + describe(done));
        if (done.status() == ReconciliationStatus.START_REQUEST_DENIED) {
            throw new ConformanceFailure(c.code() + " denied the start of reconciliation " + id + " as of " + snapshot
                    + ": " + done.results());
        }
        return done;
    }

    private static String phaseQuestion(Conformance c, long id) {
        return c.network().reconciliation().find(id).map(r -> switch (r.phase()) {
            case TOTALS -> "provideTotals";
            case UNIT_BLOCKS -> "provideUnitBlocks";
            case AUDIT_TRAIL -> "provideAuditTrail";
            case DECIDED -> "receiveReconciliationResult";
        }).orElse("initiateReconciliation");
    }

    private static String describe(Reconciliation r) {
        String findings = r.results().stream().map(ReconciliationTests::finding).collect(Collectors.joining("; "));
        return r.status() + " (status " + r.status().code() + ")" + (findings.isEmpty() ? "" : ": " + findings);
    }

    private static String finding(EvaluationResult result) {
        return result.code().code() + (result.blocks().isEmpty() ? "" : " " + result.blocks())
                + (result.description() == null ? "" : " " + result.description());
    }

    /** Checks the ITL delivered the reconciliation's result to the registry (receipt 1) since {@code mark}. */
    private static void requireResultDelivered(Conformance c, Reconciliation r, long mark) {
        c.awaitThat(c.code() + " to take the result of reconciliation " + r.id() + " (receiveReconciliationResult)",
                () -> resultsDelivered(c, mark) >= 1);
    }

    /** How many results of reconciliations the ITL delivered to the registry since {@code mark}. */
    private static long resultsDelivered(Conformance c, long mark) {
        return c.network().journal().find(null, "ITL", Direction.SENT, "receiveReconciliationResult", c.code(), 1_000_000,
                false).stream().filter(entry -> entry.id() > mark && entry.outcome() != null
                        && entry.outcome().startsWith("DELIVERED")).count();
    }
}
