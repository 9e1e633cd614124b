package org.itlgateway.core.transaction;

import java.util.EnumSet;
import java.util.Set;
import org.itlgateway.core.CodedValue;

/**
 * The DES transaction statuses and the one place that knows how a transaction may move between them.
 *
 * <pre>
 * 1 proposed ──► 2 checked ──► 9 STL checked ──► 8 accepted ──► 4 completed
 *      │             │  └──────────────────────────┘  │
 *      │             └─► 3 discrepancy ─┐   10 STL discrepancy ─┐
 *      │                                ▼                        ▼
 *      └──────────────────────────► 5 terminated / 6 rejected / 7 cancelled
 * </pre>
 *
 * Statuses 4 to 7 are final: nothing moves a transaction out of them.
 */
public enum TransactionStatus implements CodedValue {
    PROPOSED(1, "proposed"),
    CHECKED_NO_DISCREPANCY(2, "checked (no discrepancy)"),
    CHECKED_DISCREPANCY(3, "checked (discrepancy)"),
    COMPLETED(4, "completed"),
    TERMINATED(5, "terminated"),
    REJECTED(6, "rejected"),
    CANCELLED(7, "cancelled"),
    ACCEPTED(8, "accepted"),
    STL_CHECKED_NO_DISCREPANCY(9, "STL checked (no discrepancy)"),
    STL_CHECKED_DISCREPANCY(10, "STL checked (discrepancy)");

    private final int code;
    private final String label;

    TransactionStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static TransactionStatus fromCode(int code) {
        return CodedValue.fromCode(TransactionStatus.class, code);
    }

    /** Completed, terminated, rejected or cancelled. */
    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED || this == REJECTED || this == CANCELLED;
    }

    /** A check found a discrepancy: the transaction can only end terminated. */
    public boolean isDiscrepancy() {
        return this == CHECKED_DISCREPANCY || this == STL_CHECKED_DISCREPANCY;
    }

    /** The statuses a transaction in this status may move to next. */
    public Set<TransactionStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(CHECKED_NO_DISCREPANCY, CHECKED_DISCREPANCY, TERMINATED, REJECTED, CANCELLED);
            case CHECKED_NO_DISCREPANCY -> EnumSet.of(STL_CHECKED_NO_DISCREPANCY, STL_CHECKED_DISCREPANCY, ACCEPTED,
                    REJECTED, COMPLETED, TERMINATED, CANCELLED);
            case STL_CHECKED_NO_DISCREPANCY -> EnumSet.of(ACCEPTED, REJECTED, COMPLETED, TERMINATED, CANCELLED);
            case ACCEPTED -> EnumSet.of(COMPLETED, TERMINATED, CANCELLED);
            case CHECKED_DISCREPANCY, STL_CHECKED_DISCREPANCY -> EnumSet.of(TERMINATED);
            case COMPLETED, TERMINATED, REJECTED, CANCELLED -> EnumSet.noneOf(TransactionStatus.class);
        };
    }

    public boolean canMoveTo(TransactionStatus target) {
        return next().contains(target);
    }

    @Override
    public String toString() {
        return code + " " + label;
    }
}
