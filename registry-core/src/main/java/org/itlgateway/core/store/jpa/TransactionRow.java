package org.itlgateway.core.store.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * A row of {@code transactions}: the proposal, stored once, with its blocks and per-block transferring accounts,
 * the current status, and the history of statuses in {@code transaction_status_changes}. The version makes a
 * second writer that read the same history fail instead of overwriting it.
 */
@Entity
@Table(name = "transactions")
public class TransactionRow {

    @Id
    private String id;
    private int transactionType;
    private int supplementaryType;
    private String transferringRegistry;
    @Embedded
    @AttributeOverride(name = "accountRegistry", column = @Column(name = "transferring_account_registry"))
    @AttributeOverride(name = "accountType", column = @Column(name = "transferring_account_type"))
    @AttributeOverride(name = "accountIdentifier", column = @Column(name = "transferring_account_identifier"))
    @AttributeOverride(name = "accountPeriod", column = @Column(name = "transferring_account_period"))
    private AccountColumns transferringAccount;
    private String acquiringRegistry;
    @Embedded
    @AttributeOverride(name = "accountRegistry", column = @Column(name = "acquiring_account_registry"))
    @AttributeOverride(name = "accountType", column = @Column(name = "acquiring_account_type"))
    @AttributeOverride(name = "accountIdentifier", column = @Column(name = "acquiring_account_identifier"))
    @AttributeOverride(name = "accountPeriod", column = @Column(name = "acquiring_account_period"))
    private AccountColumns acquiringAccount;
    private Long noticeId;
    private Instant proposedAt;
    private int status;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "transaction_blocks", joinColumns = @JoinColumn(name = "transaction_id"))
    @OrderColumn(name = "position")
    private List<UnitBlockColumns> blocks = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "transaction_block_accounts", joinColumns = @JoinColumn(name = "transaction_id"))
    @OrderColumn(name = "position")
    private List<BlockAccountColumns> blockAccounts = new ArrayList<>();

    @OneToMany(mappedBy = "transaction", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<StatusChangeRow> history = new ArrayList<>();

    protected TransactionRow() {
    }

    /** A new row for a transaction never stored before. */
    public static TransactionRow of(Transaction transaction) {
        Proposal proposal = transaction.proposal();
        TransactionRow row = new TransactionRow();
        row.id = proposal.id().toString();
        row.transactionType = proposal.type().code();
        row.supplementaryType = proposal.supplementaryType();
        row.transferringRegistry = proposal.transferringRegistry().value();
        row.transferringAccount = AccountColumns.of(proposal.transferringAccount());
        row.acquiringRegistry = proposal.acquiringRegistry().value();
        row.acquiringAccount = AccountColumns.of(proposal.acquiringAccount());
        row.noticeId = proposal.noticeId();
        row.proposedAt = proposal.proposedAt();
        proposal.blocks().forEach(block -> row.blocks.add(UnitBlockColumns.of(block)));
        proposal.blockTransferringAccounts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> row.blockAccounts.add(BlockAccountColumns.of(e.getKey(), e.getValue())));
        row.record(transaction.history());
        return row;
    }

    /**
     * Adds the statuses the transaction reached since it was stored. Fails when the history given does not
     * continue the stored one (the transaction was read before another writer changed it).
     */
    public void record(List<StatusChange> reached) {
        if (reached.size() < history.size()) {
            throw new IllegalStateException("transaction " + id + " has " + history.size()
                    + " stored statuses, more than the " + reached.size() + " given: it was read before a later change");
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).status() != reached.get(i).status()) {
                throw new IllegalStateException("transaction " + id + " reached " + history.get(i).status()
                        + " as its status " + (i + 1) + ", not " + reached.get(i).status());
            }
        }
        for (int i = history.size(); i < reached.size(); i++) {
            history.add(StatusChangeRow.of(this, i, reached.get(i)));
        }
        status = reached.get(reached.size() - 1).status().code();
    }

    public Transaction toTransaction() {
        List<UnitBlock> proposedBlocks = blocks.stream().map(UnitBlockColumns::toBlock).toList();
        Map<UnitBlockId, AccountRef> ownAccounts = new LinkedHashMap<>();
        blockAccounts.forEach(b -> ownAccounts.put(b.blockId(), b.account()));
        Proposal proposal = new Proposal(TransactionId.parse(id), TransactionType.fromCode(transactionType),
                supplementaryType, RegistryCode.of(transferringRegistry), AccountColumns.toRef(transferringAccount),
                RegistryCode.of(acquiringRegistry), AccountColumns.toRef(acquiringAccount), noticeId,
                proposedBlocks, ownAccounts, proposedAt);
        return Transaction.restore(proposal, history.stream().map(StatusChangeRow::toStatusChange).toList());
    }

    public TransactionStatus status() {
        return TransactionStatus.fromCode(status);
    }
}
