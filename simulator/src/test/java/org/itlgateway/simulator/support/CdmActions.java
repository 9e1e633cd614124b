package org.itlgateway.simulator.support;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.simulator.network.Network;

/** What tests ask of the CDM registry in the network, each step settled before the next. */
public final class CdmActions {

    private final Network network;

    public CdmActions(Network network) {
        this.network = network;
    }

    /** Issues CERs for a project and forwards them (less the share of proceeds) to a new holding account. */
    public AccountRef holdingOf(long project, CommitmentPeriod period, long quantity, String date) {
        return holdingOf(IssuanceRequest.cers(project, period, quantity), date);
    }

    public AccountRef holdingOf(IssuanceRequest request, String date) {
        at(date);
        AccountRef account = inCdm(() -> network.cdm().openHoldingAccount(AccountType.ENTITY_HOLDING, "Test participant"));
        ProposalOutcome issued = network.registryNode("CDM").submit(() -> network.cdm().issue(request));
        if (!issued.isRecorded()) {
            throw new IllegalStateException("issuance refused: " + issued.refusals());
        }
        network.settle();
        requireStatus(issued.transaction().id(), TransactionStatus.COMPLETED);
        long share = request.unitType() == UnitType.CER ? (request.quantity() * 2 + 50) / 100 : 0;
        List<UnitBlock> blocks = free(CdmAccounts.PENDING, request.projectId(), request.quantity() - share);
        ProposalOutcome forwarded = network.registryNode("CDM").submit(() -> network.cdm().forward(account, blocks));
        network.settle();
        requireStatus(forwarded.transaction().id(), TransactionStatus.COMPLETED);
        return account;
    }

    /** Proposes a transfer from a CDM holding account to an account of another registry (or of CDM). */
    public TransactionId transfer(AccountRef from, AccountRef to, long project, long quantity, String date) {
        at(date);
        List<UnitBlock> blocks = free(from, project, quantity);
        ProposalOutcome outcome = network.registryNode("CDM").submit(() -> network.cdm().transfer(from, to, blocks));
        if (!outcome.isRecorded()) {
            throw new IllegalStateException("transfer refused by the CDM registry: " + outcome.refusals());
        }
        return outcome.transaction().id();
    }

    public List<UnitBlock> free(AccountRef account, long project, long quantity) {
        return inCdm(() -> network.cdm().freeUnits(account, project, quantity))
                .orElseThrow(() -> new IllegalStateException(account + " has not " + quantity + " free units of " + project));
    }

    public static AccountRef account(String registry, long identifier) {
        return AccountRef.of(RegistryCode.of(registry), AccountType.ENTITY_HOLDING, identifier);
    }

    /** The transaction as a node records it. */
    public Transaction at(String node, TransactionId id) {
        NodeStores stores = network.stores(node);
        return stores.database().call(() -> stores.transactions().find(id))
                .orElseThrow(() -> new AssertionError(node + " knows no transaction " + id));
    }

    public long heldBy(String node, AccountRef account) {
        NodeStores stores = network.stores(node);
        return stores.database().call(() -> stores.ledger().quantityHeldBy(account));
    }

    /** The pieces of a node's holdings that hold any of the block's units. */
    public List<org.itlgateway.core.holding.HeldBlock> holdersIn(String node, org.itlgateway.core.unit.UnitBlockId block) {
        NodeStores stores = network.stores(node);
        return stores.database().call(() -> stores.ledger().holdersOf(block));
    }

    public void at(String date) {
        network.clock().set(Instant.parse(date));
    }

    private void requireStatus(TransactionId id, TransactionStatus status) {
        Transaction transaction = at("CDM", id);
        if (transaction.status() != status) {
            throw new IllegalStateException(id + " is " + transaction.status() + ": " + transaction.history());
        }
    }

    private <T> T inCdm(Supplier<T> work) {
        NodeStores cdm = network.stores("CDM");
        return cdm.database().call(work);
    }
}
