package org.itlgateway.core.account;

import org.itlgateway.core.CodedValue;

/** DES account types, with their numbers and what they are for. */
public enum AccountType implements CodedValue {
    PARTY_HOLDING(100, AccountKind.HOLDING, "Party holding account"),
    PENDING(110, AccountKind.PENDING, "Pending account (CDM)"),
    ENTITY_HOLDING(120, AccountKind.HOLDING, "Entity holding account"),
    PERSON_HOLDING(121, AccountKind.HOLDING, "Person holding account"),
    PREVIOUS_PERIOD_SURPLUS_RESERVE(130, AccountKind.RESERVE, "Previous-period surplus reserve account"),
    NET_SOURCE_CANCELLATION(210, AccountKind.CANCELLATION, "Net source cancellation account"),
    NON_COMPLIANCE_CANCELLATION(220, AccountKind.CANCELLATION, "Non-compliance cancellation account"),
    VOLUNTARY_CANCELLATION(230, AccountKind.CANCELLATION, "Voluntary cancellation account"),
    EXCESS_ISSUANCE_CANCELLATION(240, AccountKind.CANCELLATION, "Excess issuance cancellation account (CDM)"),
    CCS_NET_REVERSAL_CANCELLATION(241, AccountKind.CANCELLATION, "CCS net reversal of storage cancellation account (CDM)"),
    CCS_NON_SUBMISSION_CANCELLATION(242, AccountKind.CANCELLATION, "CCS non-submission of certification report cancellation account (CDM)"),
    MANDATORY_CANCELLATION(250, AccountKind.CANCELLATION, "Mandatory cancellation account"),
    ADMINISTRATIVE_CANCELLATION(260, AccountKind.CANCELLATION, "Administrative cancellation account"),
    ARTICLE_3_7_TER_CANCELLATION(270, AccountKind.CANCELLATION, "Article 3.7ter cancellation account"),
    AMBITION_INCREASE_CANCELLATION(280, AccountKind.CANCELLATION, "Ambition increase cancellation account"),
    RETIREMENT(300, AccountKind.RETIREMENT, "Retirement account"),
    TCER_REPLACEMENT_FOR_EXPIRY(411, AccountKind.REPLACEMENT, "tCER replacement account for expiry"),
    LCER_REPLACEMENT_FOR_EXPIRY(421, AccountKind.REPLACEMENT, "lCER replacement account for expiry"),
    LCER_REPLACEMENT_FOR_REVERSAL_OF_STORAGE(422, AccountKind.REPLACEMENT, "lCER replacement account for reversal of storage"),
    LCER_REPLACEMENT_FOR_NON_SUBMISSION(423, AccountKind.REPLACEMENT, "lCER replacement account for non-submission of certification report");

    private final int code;
    private final AccountKind kind;
    private final String label;

    AccountType(int code, AccountKind kind, String label) {
        this.code = code;
        this.kind = kind;
        this.label = label;
    }

    @Override
    public int code() {
        return code;
    }

    public AccountKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public static AccountType fromCode(int code) {
        return CodedValue.fromCode(AccountType.class, code);
    }

    /** True when units can leave this account (holding, pending, reserve). */
    public boolean canTransferOut() {
        return !kind.isFinalDestination();
    }

    public boolean isCancellation() {
        return kind == AccountKind.CANCELLATION;
    }

    public boolean isReplacement() {
        return kind == AccountKind.REPLACEMENT;
    }

    /** The accounts only the CDM registry keeps. */
    public boolean isCdmOnly() {
        return this == PENDING || this == EXCESS_ISSUANCE_CANCELLATION
                || this == CCS_NET_REVERSAL_CANCELLATION || this == CCS_NON_SUBMISSION_CANCELLATION;
    }
}
