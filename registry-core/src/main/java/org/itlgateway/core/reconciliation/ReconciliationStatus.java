package org.itlgateway.core.reconciliation;

import org.itlgateway.core.CodedValue;

/** Where a reconciliation stands, with the DES numbers the registries' clients used. */
public enum ReconciliationStatus implements CodedValue {
    INITIATED(1, "initiated"),
    VALIDATED(2, "validated"),
    TOTALS_INCONSISTENT(3, "totals inconsistent"),
    UNIT_BLOCKS_INCONSISTENT(4, "unit blocks inconsistent"),
    COMPLETED(5, "completed"),
    COMPLETED_AFTER_MANUAL_INTERVENTION(6, "completed after manual intervention"),
    START_REQUEST_DENIED(7, "start request denied");

    private final int code;
    private final String label;

    ReconciliationStatus(int code, String label) {
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

    /** An inconsistency stays open until someone resolves it. */
    public boolean isInconsistent() {
        return this == TOTALS_INCONSISTENT || this == UNIT_BLOCKS_INCONSISTENT;
    }

    /** Nothing more happens to a reconciliation in this status. */
    public boolean isFinal() {
        return this == VALIDATED || this == COMPLETED || this == COMPLETED_AFTER_MANUAL_INTERVENTION
                || this == START_REQUEST_DENIED;
    }

    public static ReconciliationStatus fromCode(int code) {
        return CodedValue.fromCode(ReconciliationStatus.class, code);
    }

    @Override
    public String toString() {
        return code + " " + label;
    }
}
