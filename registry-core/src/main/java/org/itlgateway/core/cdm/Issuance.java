package org.itlgateway.core.cdm;

import java.util.Objects;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlock;

/**
 * A completed issuance and the share of proceeds it owes the Adaptation Fund.
 *
 * @param transaction                the issuance transaction (1-0)
 * @param block                      the units issued, one contiguous block
 * @param shareOfProceeds            the units owed to the Adaptation Fund &mdash; the first serial numbers of the
 *                                   block &mdash; or {@code null} when none are owed
 * @param shareOfProceedsTransaction the latest 3-47 transaction proposed to carry them, or {@code null}
 * @param shareOfProceedsSettled     true once a 3-47 transaction carrying them completed, or when none are owed
 */
public record Issuance(TransactionId transaction, UnitBlock block, SerialRange shareOfProceeds,
                       TransactionId shareOfProceedsTransaction, boolean shareOfProceedsSettled) {

    public Issuance {
        Objects.requireNonNull(transaction, "issuance transaction");
        Objects.requireNonNull(block, "issued block");
        if (shareOfProceeds != null && !block.range().contains(shareOfProceeds)) {
            throw new IllegalArgumentException("the share of proceeds is part of the issued block");
        }
        if (shareOfProceeds == null && !shareOfProceedsSettled) {
            throw new IllegalArgumentException("an issuance that owes nothing is settled");
        }
    }

    /** A completed issuance that owes {@code share} units (maybe none). */
    public static Issuance completed(TransactionId transaction, UnitBlock block, long share) {
        return share == 0
                ? new Issuance(transaction, block, null, null, true)
                : new Issuance(transaction, block, block.range().head(share), null, false);
    }

    public long projectId() {
        return block.attributes().projectId();
    }

    public long shareOfProceedsQuantity() {
        return shareOfProceeds == null ? 0 : shareOfProceeds.quantity();
    }

    /** The units owed, as a block. */
    public UnitBlock shareOfProceedsBlock() {
        return block.withRange(shareOfProceeds);
    }

    public Issuance withShareOfProceedsTransaction(TransactionId carrying) {
        return new Issuance(transaction, block, shareOfProceeds, carrying, shareOfProceedsSettled);
    }

    public Issuance settled() {
        return new Issuance(transaction, block, shareOfProceeds, shareOfProceedsTransaction, true);
    }
}
