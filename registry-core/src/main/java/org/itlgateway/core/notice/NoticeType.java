package org.itlgateway.core.notice;

import org.itlgateway.core.CodedValue;

/**
 * ITL notice types with their DES numbers (1 to 13). The three this contract adds for the second commitment
 * period's cancellations and reserve, which no DES list numbers, are 91 to 93 (docs/des-mapping.md).
 */
public enum NoticeType implements CodedValue {
    NET_SOURCE_CANCELLATION(1, "Net source cancellation"),
    NON_COMPLIANCE_CANCELLATION(2, "Non-compliance cancellation"),
    IMPENDING_TEMPORARY_CER_EXPIRY(3, "Impending tCER or lCER expiry"),
    REVERSAL_OF_STORAGE(4, "Reversal of storage (CDM)"),
    NON_SUBMISSION_OF_CERTIFICATION_REPORT(5, "Non-submission of certification report (CDM)"),
    EXCESS_ISSUANCE(6, "Excess issuance for a CDM project"),
    COMMITMENT_PERIOD_RESERVE(7, "Commitment period reserve"),
    UNIT_CARRY_OVER(8, "Unit carry-over"),
    EXPIRY_DATE_CHANGE(9, "Expiry date change"),
    NOTIFICATION_UPDATE(10, "Notification update"),
    EU15_COMMITMENT_PERIOD_RESERVE(11, "EU15 commitment period reserve"),
    CCS_NET_REVERSAL_OF_STORAGE(12, "Net reversal of storage of a CDM CCS project"),
    CCS_NON_SUBMISSION_OF_VERIFICATION_REPORT(13, "Non-submission of the verification report of a CDM CCS project"),
    ARTICLE_3_7_TER_CANCELLATION(91, "Article 3.7ter cancellation (ours)"),
    AMBITION_INCREASE_CANCELLATION(92, "Ambition increase cancellation (ours)"),
    PREVIOUS_PERIOD_SURPLUS_RESERVE(93, "Previous-period surplus reserve transfer (ours)");

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
