package org.itlgateway.core.notice;

import org.itlgateway.core.CodedValue;

/**
 * ITL notice types and their numbers. 1 to 3 and 6 to 10 are the DES's; 4, 5 and 11 to 13 carry other meanings
 * than the DES gives those numbers (see docs/des-mapping.md, where each difference is listed).
 */
public enum NoticeType implements CodedValue {
    NET_SOURCE_CANCELLATION(1, "Net source cancellation"),
    NON_COMPLIANCE_CANCELLATION(2, "Non-compliance cancellation"),
    IMPENDING_TEMPORARY_CER_EXPIRY(3, "Impending tCER or lCER expiry"),
    REVERSAL_OF_STORAGE(4, "Reversal of storage for a CDM CCS project"),
    NON_SUBMISSION_OF_CERTIFICATION_REPORT(5, "Non-submission of certification report for a CDM CCS project"),
    EXCESS_ISSUANCE(6, "Excess issuance for a CDM project"),
    COMMITMENT_PERIOD_RESERVE(7, "Commitment period reserve"),
    UNIT_CARRY_OVER(8, "Unit carry-over"),
    EXPIRY_DATE_CHANGE(9, "Expiry date change"),
    NOTIFICATION_UPDATE(10, "Notification update"),
    ARTICLE_3_7_TER_CANCELLATION(11, "Article 3.7ter cancellation (designed)"),
    AMBITION_INCREASE_CANCELLATION(12, "Ambition increase cancellation (designed)"),
    PREVIOUS_PERIOD_SURPLUS_RESERVE(13, "Previous-period surplus reserve transfer (designed)");

    private final int code;
    private final String label;

    NoticeType(int code, String label) {
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

    public static NoticeType fromCode(int code) {
        return CodedValue.fromCode(NoticeType.class, code);
    }
}
