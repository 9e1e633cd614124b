package org.itlgateway.core.transaction;

import org.itlgateway.core.CodedValue;

/** DES transaction types, with their numbers. There is no type 9. */
public enum TransactionType implements CodedValue {
    ISSUANCE(1, "Issuance"),
    CONVERSION(2, "Conversion"),
    EXTERNAL_TRANSFER(3, "External transfer"),
    CANCELLATION(4, "Cancellation"),
    RETIREMENT(5, "Retirement"),
    REPLACEMENT(6, "Replacement"),
    CARRY_OVER(7, "Carry-over"),
    EXPIRY_DATE_CHANGE(8, "Expiry date change"),
    INTERNAL_TRANSFER(10, "Internal transfer");

    private final int code;
    private final String label;

    TransactionType(int code, String label) {
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

    public static TransactionType fromCode(int code) {
        return CodedValue.fromCode(TransactionType.class, code);
    }

    /** Only issuance creates serial numbers. */
    public boolean createsUnits() {
        return this == ISSUANCE;
    }

    /** Types whose units stay in the same account and change an attribute (type, period, expiry date). */
    public boolean changesUnitsInPlace() {
        return this == CONVERSION || this == CARRY_OVER || this == EXPIRY_DATE_CHANGE;
    }

    /** Types that involve a second registry, which must accept before completion. */
    public boolean involvesAcquiringRegistry() {
        return this == EXTERNAL_TRANSFER;
    }
}
