package org.itlgateway.core.cdm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlock;

/**
 * Whether an attestation of voluntary cancellation still tells the truth: its fingerprint is that of its content;
 * the transaction it names is a completed voluntary cancellation of exactly those units, from that account, into
 * that voluntary cancellation account; and every one of those serial numbers is still held there, free, with the
 * attributes attested.
 *
 * @param problems what does not hold, in plain words; empty when the attestation is valid
 */
public record AttestationVerification(List<String> problems) {

    public AttestationVerification {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Verifies {@code attestation} against the registry's holdings and transactions. */
    public static AttestationVerification of(Attestation attestation, Ledger ledger, Transactions transactions) {
        List<String> problems = new ArrayList<>();
        if (!attestation.fingerprintMatches()) {
            problems.add("the fingerprint is not that of the attestation's content");
        }
        if (attestation.cancellationAccount().type() != AccountType.VOLUNTARY_CANCELLATION) {
            problems.add(attestation.cancellationAccount() + " is not a voluntary cancellation account");
        }
        checkTransaction(attestation, transactions, problems);
        for (UnitBlock block : attestation.blocks()) {
            checkHeld(block, attestation, ledger, problems);
        }
        return new AttestationVerification(problems);
    }

    private static void checkTransaction(Attestation attestation, Transactions transactions, List<String> problems) {
        Optional<Transaction> found = transactions.find(attestation.transaction());
        if (found.isEmpty()) {
            problems.add("there is no transaction " + attestation.transaction());
            return;
        }
        Transaction transaction = found.get();
        Proposal proposal = transaction.proposal();
        if (transaction.status() != TransactionStatus.COMPLETED) {
            problems.add("transaction " + transaction.id() + " is " + transaction.status() + ", not completed");
        }
        if (proposal.kind().orElse(null) != SupplementaryType.VOLUNTARY_CANCELLATION) {
            problems.add("transaction " + transaction.id() + " is not a voluntary cancellation");
        }
        if (!attestation.cancellationAccount().equals(proposal.acquiringAccount())) {
            problems.add("transaction " + transaction.id() + " cancelled into " + proposal.acquiringAccount());
        }
        if (!attestation.cancelledFrom().equals(proposal.transferringAccount())) {
            problems.add("transaction " + transaction.id() + " cancelled from " + proposal.transferringAccount());
        }
        if (!proposal.blocks().stream().sorted().toList().equals(attestation.blocks())) {
            problems.add("transaction " + transaction.id() + " cancelled other units than those attested");
        }
    }

    private static void checkHeld(UnitBlock block, Attestation attestation, Ledger ledger, List<String> problems) {
        long held = 0;
        for (HeldBlock piece : ledger.holdersOf(block.id())) {
            SerialRange common = piece.range().intersection(block.range());
            held += common.quantity();
            if (!piece.account().equals(attestation.cancellationAccount())) {
                problems.add(common + " are held in " + piece.account() + ", not in " + attestation.cancellationAccount());
            } else if (!piece.block().attributes().equals(block.attributes())) {
                problems.add(common + " are held with other attributes than attested");
            } else if (piece.isReserved()) {
                problems.add(common + " are reserved by transaction " + piece.reservedBy());
            }
        }
        if (held < block.quantity()) {
            problems.add((block.quantity() - held) + " of the units " + block.id() + " are not held in this registry");
        }
    }
}
