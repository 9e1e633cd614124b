package org.itlgateway.simulator.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.Attestation;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.node.RegistryNode;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.reconciliation.Reconciliation;

/**
 * The scripted story of {@code ./itl-network --demo}: the CDM registry issues, pays its share of proceeds,
 * forwards, and transfers to the registries of the network on dates either side of their rules; every message
 * is real signed SOAP between the nodes, and the simulated clock is set for each step. The story ends with the
 * ITL reconciling the CDM registry, which validates.
 */
public final class DemoStory {

    private final Network network;
    private final List<DemoEntry> entries = new ArrayList<>();
    private final List<String> attestations = new ArrayList<>();
    private int step;
    private String reconciliationLine = "no reconciliation played";

    public DemoStory(Network network) {
        this.network = network;
    }

    /** Plays the story; answers one entry per transaction, in the order they were proposed. */
    public List<DemoEntry> play() {
        CdmRegistry cdm = network.cdm();
        AccountRef wind = at("2012-02-01T09:00:00Z", () -> cdm.openHoldingAccount(AccountType.ENTITY_HOLDING,
                "Huitengxile Wind Power Co."));
        AccountRef juhua = at("2012-02-01T09:00:00Z", () -> cdm.openHoldingAccount(AccountType.ENTITY_HOLDING,
                "Zhejiang HFC Decomposition Co."));
        AccountRef solar = at("2012-02-01T09:00:00Z", () -> cdm.openHoldingAccount(AccountType.ENTITY_HOLDING,
                "Rajasthan Solar Park Ltd"));

        propose("2012-03-01T09:00:00Z", "CDM issuance of 10,000 CP1 CERs for project 1234; 2% share of proceeds to the Adaptation Fund",
                () -> cdm.issue(IssuanceRequest.cers(1234, CommitmentPeriod.CP1, 10_000)));
        propose("2012-03-02T09:00:00Z", "forwarding the 9,800 CERs left in the pending account to the project participant's holding account",
                () -> cdm.forward(wind, units(CdmAccounts.PENDING, 1234, 9_800)));
        propose("2012-04-10T09:00:00Z", "CDM issuance of 5,000 CP1 CERs for the HFC-23 project 115",
                () -> cdm.issue(IssuanceRequest.cers(115, CommitmentPeriod.CP1, 5_000)));
        propose("2012-04-11T09:00:00Z", "forwarding the HFC-23 CERs to their participant's holding account",
                () -> cdm.forward(juhua, units(CdmAccounts.PENDING, 115, 4_900)));
        propose("2013-06-15T09:00:00Z", "1,000 HFC-23 CERs to Germany in June 2013: refused by the CITL (7003)",
                () -> cdm.transfer(juhua, account("DE", 4001), units(juhua, 115, 1_000)));
        propose("2014-01-15T09:00:00Z", "CDM issuance of 20,000 CP2 CERs for project 4321",
                () -> cdm.issue(IssuanceRequest.cers(4321, CommitmentPeriod.CP2, 20_000)));
        propose("2014-01-16T09:00:00Z", "forwarding the CP2 CERs to their participant's holding account",
                () -> cdm.forward(solar, units(CdmAccounts.PENDING, 4321, 19_600)));
        propose("2014-02-03T09:00:00Z", "3,000 CP2 CERs to Japan: completes",
                () -> cdm.transfer(solar, account("JP", 20045), units(solar, 4321, 3_000)));
        propose("2015-06-15T09:00:00Z", "500 CP1 CERs to Switzerland in June 2015: refused by the Swiss registry (5302)",
                () -> cdm.transfer(wind, account("CH", 3001), units(wind, 1234, 500)));
        propose("2015-06-16T09:00:00Z", "500 CP2 CERs to Switzerland in June 2015: completes",
                () -> cdm.transfer(solar, account("CH", 3001), units(solar, 4321, 500)));
        propose("2021-02-01T09:00:00Z", "1,000 CERs to the UK in 2021: refused by the UK registry (5301)",
                () -> cdm.transfer(solar, account("GB", 1001), units(solar, 4321, 1_000)));
        ProposalOutcome cancellation = propose("2022-05-02T09:00:00Z",
                "voluntary cancellation of 750 CP2 CERs, with its attestation",
                () -> cdm.cancelVoluntarily(solar, units(solar, 4321, 750), "offsetting 2021 business travel",
                        "Acme Travel GmbH"));
        if (cancellation.isRecorded()) {
            Optional<Attestation> attestation = at("2022-05-02T09:05:00Z",
                    () -> cdm.attestationOf(cancellation.transaction().id()));
            attestation.ifPresent(a -> attestations.add(a.render()));
        }
        propose("2023-10-02T09:00:00Z", "100 CERs to Japan after the CP2 true-up period: refused by the ITL (4007)",
                () -> cdm.transfer(solar, account("JP", 20045), units(solar, 4321, 100)));
        reconcileCdm("2023-10-03T09:00:00Z");
        return List.copyOf(entries);
    }

    /** The line that tells how the closing reconciliation of the CDM registry ended. */
    public String reconciliationLine() {
        return reconciliationLine;
    }

    /** The ITL reconciles the CDM registry's holdings against its own records; everything above should agree. */
    private void reconcileCdm(String date) {
        network.clock().set(Instant.parse(date));
        long id = network.reconciliation().initiate(RegistryCode.CDM);
        network.settle();
        Reconciliation done = network.reconciliation().find(id).orElseThrow();
        reconciliationLine = "reconciliation " + id + " of the CDM registry as of " + done.snapshot() + ": status "
                + done.status() + (done.results().isEmpty() ? "" : " " + done.results());
    }

    /** The attestations of the voluntary cancellations, rendered. */
    public List<String> attestations() {
        return List.copyOf(attestations);
    }

    private ProposalOutcome propose(String date, String description, Supplier<ProposalOutcome> action) {
        step++;
        network.clock().set(Instant.parse(date));
        RegistryNode cdmNode = network.registryNode("CDM");
        ProposalOutcome outcome = cdmNode.submit(action);
        network.settle();
        if (!outcome.isRecorded()) {
            entries.add(new DemoEntry(step, "-", "-", "-", "-", 0, Instant.parse(date), "not proposed",
                    outcome.refusals().stream().map(r -> r.code().code()).toList(), "CDM", description));
            return outcome;
        }
        for (TransactionId id : newTransactions()) {
            entries.add(entryOf(id, description));
        }
        return outcome;
    }

    private DemoEntry entryOf(TransactionId id, String description) {
        NodeStores cdm = network.stores("CDM");
        Transaction transaction = cdm.database().call(() -> cdm.transactions().find(id)).orElseThrow();
        Proposal proposal = transaction.proposal();
        List<EvaluationResult> results = transaction.history().stream()
                .flatMap(change -> change.results().stream()).toList();
        String note = id.equals(firstOfStep()) ? description : "follow-up: " + proposal.kind().map(k -> k.label()).orElse("");
        return new DemoEntry(step, id.toString(),
                proposal.type().code() + "-" + proposal.supplementaryType() + " " + proposal.kind().map(k -> k.label()).orElse(proposal.type().label()),
                proposal.transferringAccount() == null ? proposal.transferringRegistry().value() : proposal.transferringAccount().toString(),
                proposal.acquiringAccount() == null ? proposal.acquiringRegistry().value() : proposal.acquiringAccount().toString(),
                proposal.quantity(), proposal.proposedAt(), transaction.status().code() + " " + transaction.status().label(),
                results.stream().map(r -> r.code().code()).distinct().toList(), refusedBy(transaction), note);
    }

    private TransactionId firstStepId;

    private TransactionId firstOfStep() {
        return firstStepId;
    }

    /** Who refused: the CITL (10), the acquiring registry (6), the ITL (3, or terminated when overdue). */
    private static String refusedBy(Transaction transaction) {
        for (StatusChange change : transaction.history()) {
            switch (change.status()) {
                case STL_CHECKED_DISCREPANCY:
                    return "CITL";
                case REJECTED:
                    return transaction.proposal().acquiringRegistry().value();
                case CHECKED_DISCREPANCY:
                    return "ITL";
                default:
                    break;
            }
        }
        if (transaction.status() == TransactionStatus.TERMINATED) {
            return "ITL";
        }
        return null;
    }

    /** The CDM registry's transactions (CDM1, CDM2 ...) not in the report yet. */
    private List<TransactionId> newTransactions() {
        List<TransactionId> created = new ArrayList<>();
        NodeStores cdm = network.stores("CDM");
        for (long sequence = 1; sequence < 10_000; sequence++) {
            TransactionId id = TransactionId.of(RegistryCode.CDM, sequence);
            Optional<Transaction> found = cdm.database().call(() -> cdm.transactions().find(id));
            if (found.isEmpty()) {
                break;
            }
            if (entries.stream().noneMatch(e -> e.transaction().equals(id.toString()))) {
                created.add(id);
            }
        }
        firstStepId = created.isEmpty() ? null : created.get(0);
        return created;
    }

    private List<UnitBlock> units(AccountRef account, long project, long quantity) {
        return at(null, () -> network.cdm().freeUnits(account, project, quantity)).orElseThrow(
                () -> new IllegalStateException(account + " holds fewer than " + quantity + " free units of project " + project));
    }

    private AccountRef account(String registry, long identifier) {
        return AccountRef.of(RegistryCode.of(registry), AccountType.ENTITY_HOLDING, identifier);
    }

    private <T> T at(String date, Supplier<T> work) {
        if (date != null) {
            network.clock().set(Instant.parse(date));
        }
        NodeStores cdm = network.stores("CDM");
        return cdm.database().call(work);
    }
}
