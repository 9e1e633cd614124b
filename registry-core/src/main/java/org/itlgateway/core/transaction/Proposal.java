package org.itlgateway.core.transaction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * What a registry proposes: a transaction of a type on some unit blocks, from a transferring account (none for
 * issuance) to an acquiring account.
 *
 * @param id                    registry code + sequence
 * @param type                  the transaction type
 * @param supplementaryType     the supplementary number (use {@link #kind()} for its meaning)
 * @param transferringRegistry  the registry the units leave (the proposer)
 * @param transferringAccount   the account the units leave, or {@code null} (issuance)
 * @param acquiringRegistry     the registry the units go to
 * @param acquiringAccount      the account the units go to, or {@code null} when the type changes units in place
 * @param noticeId              the ITL notice the transaction fulfils, or {@code null}
 * @param blocks                the unit blocks, in the proposer's order
 * @param blockTransferringAccounts per-block transferring accounts, where they differ from the proposal's
 *                              (temporary holding accounts forwarded in one transaction)
 * @param proposedAt            when the registry proposed it
 */
public record Proposal(TransactionId id, TransactionType type, int supplementaryType,
                       RegistryCode transferringRegistry, AccountRef transferringAccount,
                       RegistryCode acquiringRegistry, AccountRef acquiringAccount, Long noticeId,
                       List<UnitBlock> blocks, Map<UnitBlockId, AccountRef> blockTransferringAccounts,
                       Instant proposedAt) {

    public Proposal {
        Objects.requireNonNull(id, "transaction identifier");
        Objects.requireNonNull(type, "transaction type");
        Objects.requireNonNull(transferringRegistry, "transferring registry");
        Objects.requireNonNull(acquiringRegistry, "acquiring registry");
        Objects.requireNonNull(proposedAt, "proposal time");
        blocks = List.copyOf(blocks);
        blockTransferringAccounts = blockTransferringAccounts == null ? Map.of() : Map.copyOf(blockTransferringAccounts);
    }

    /** The meaning of the type and supplementary type together, if the pair exists. */
    public Optional<SupplementaryType> kind() {
        return SupplementaryType.of(type, supplementaryType, acquiringAccount == null ? null : acquiringAccount.type());
    }

    /** The account a block leaves: its own if it has one, else the proposal's. */
    public AccountRef transferringAccountOf(UnitBlock block) {
        return blockTransferringAccounts.getOrDefault(block.id(), transferringAccount);
    }

    public long quantity() {
        return UnitBlock.quantityOf(blocks);
    }

    public boolean isExternal() {
        return !transferringRegistry.equals(acquiringRegistry);
    }

    public List<UnitBlockId> blockIds() {
        return blocks.stream().map(UnitBlock::id).toList();
    }

    /** True when both propose the same thing (the time of proposal aside). */
    public boolean sameContentAs(Proposal other) {
        return id.equals(other.id) && type == other.type && supplementaryType == other.supplementaryType
                && transferringRegistry.equals(other.transferringRegistry)
                && Objects.equals(transferringAccount, other.transferringAccount)
                && acquiringRegistry.equals(other.acquiringRegistry)
                && Objects.equals(acquiringAccount, other.acquiringAccount)
                && Objects.equals(noticeId, other.noticeId)
                && blocks.equals(other.blocks)
                && blockTransferringAccounts.equals(other.blockTransferringAccounts);
    }
}
