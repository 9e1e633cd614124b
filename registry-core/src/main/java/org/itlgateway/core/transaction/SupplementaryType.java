package org.itlgateway.core.transaction;



import java.util.Optional;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.notice.NoticeType;

/**
 * The valid pairs of transaction type and supplementary type, with what each pair needs: the account type its
 * units must go to and the notice it fulfils. The numbers are the DES's where the DES has the pair; where it has
 * none (the CDM registry's own transactions, the cancellations against a notice), the number is ours and no DES or
 * EU list shown uses it: 81 and above where the DES or the EU had taken the number we first chose.
 * docs/des-mapping.md lists each one.
 *
 * <p>The DES numbers every replacement 6-0: which replacement it is follows from its acquiring account (411, 421,
 * 422 or 423), so four kinds share that pair and {@link #of(TransactionType, int, AccountType)} tells them apart.
 */
public enum SupplementaryType {
    ISSUANCE(TransactionType.ISSUANCE, 0, "Issuance", null, null),
    CONVERSION(TransactionType.CONVERSION, 0, "Conversion to ERUs (JI)", null, null),
    EXTERNAL_TRANSFER(TransactionType.EXTERNAL_TRANSFER, 0, "External transfer", null, null),
    SHARE_OF_PROCEEDS_ON_FIRST_TRANSFER_OF_AAUS(TransactionType.EXTERNAL_TRANSFER, 47, "Share of proceeds on the first external transfer of AAUs (second period)", AccountType.PARTY_HOLDING, null),
    VOLUNTARY_CANCELLATION(TransactionType.CANCELLATION, 0, "Voluntary cancellation", AccountType.VOLUNTARY_CANCELLATION, null),
    NET_SOURCE_CANCELLATION(TransactionType.CANCELLATION, 1, "Net source cancellation", AccountType.NET_SOURCE_CANCELLATION, NoticeType.NET_SOURCE_CANCELLATION),
    NON_COMPLIANCE_CANCELLATION(TransactionType.CANCELLATION, 2, "Non-compliance cancellation", AccountType.NON_COMPLIANCE_CANCELLATION, NoticeType.NON_COMPLIANCE_CANCELLATION),
    EXCESS_ISSUANCE_CANCELLATION(TransactionType.CANCELLATION, 83, "Excess issuance cancellation (CDM)", AccountType.EXCESS_ISSUANCE_CANCELLATION, NoticeType.EXCESS_ISSUANCE),
    CCS_NET_REVERSAL_CANCELLATION(TransactionType.CANCELLATION, 4, "CCS net reversal of storage cancellation (CDM)", AccountType.CCS_NET_REVERSAL_CANCELLATION, NoticeType.CCS_NET_REVERSAL_OF_STORAGE),
    CCS_NON_SUBMISSION_CANCELLATION(TransactionType.CANCELLATION, 5, "CCS non-submission of certification report cancellation (CDM)", AccountType.CCS_NON_SUBMISSION_CANCELLATION, NoticeType.CCS_NON_SUBMISSION_OF_VERIFICATION_REPORT),
    MANDATORY_CANCELLATION(TransactionType.CANCELLATION, 48, "Mandatory cancellation", AccountType.MANDATORY_CANCELLATION, null),
    ADMINISTRATIVE_CANCELLATION(TransactionType.CANCELLATION, 7, "Administrative cancellation", AccountType.ADMINISTRATIVE_CANCELLATION, null),
    ARTICLE_3_7_TER_CANCELLATION(TransactionType.CANCELLATION, 45, "Article 3.7ter cancellation", AccountType.ARTICLE_3_7_TER_CANCELLATION, NoticeType.ARTICLE_3_7_TER_CANCELLATION),
    AMBITION_INCREASE_CANCELLATION(TransactionType.CANCELLATION, 46, "Ambition increase cancellation", AccountType.AMBITION_INCREASE_CANCELLATION, NoticeType.AMBITION_INCREASE_CANCELLATION),
    RETIREMENT(TransactionType.RETIREMENT, 0, "Retirement", AccountType.RETIREMENT, null),
    TCER_REPLACEMENT_FOR_EXPIRY(TransactionType.REPLACEMENT, 0, "Replacement of expiring tCERs", AccountType.TCER_REPLACEMENT_FOR_EXPIRY, NoticeType.IMPENDING_TEMPORARY_CER_EXPIRY),
    LCER_REPLACEMENT_FOR_EXPIRY(TransactionType.REPLACEMENT, 0, "Replacement of expiring lCERs", AccountType.LCER_REPLACEMENT_FOR_EXPIRY, NoticeType.IMPENDING_TEMPORARY_CER_EXPIRY),
    LCER_REPLACEMENT_FOR_REVERSAL_OF_STORAGE(TransactionType.REPLACEMENT, 0, "Replacement of lCERs for reversal of storage", AccountType.LCER_REPLACEMENT_FOR_REVERSAL_OF_STORAGE, NoticeType.REVERSAL_OF_STORAGE),
    LCER_REPLACEMENT_FOR_NON_SUBMISSION(TransactionType.REPLACEMENT, 0, "Replacement of lCERs for non-submission of certification report", AccountType.LCER_REPLACEMENT_FOR_NON_SUBMISSION, NoticeType.NON_SUBMISSION_OF_CERTIFICATION_REPORT),
    CARRY_OVER_OF_AAUS(TransactionType.CARRY_OVER, 39, "Carry-over of AAUs", null, null),
    CARRY_OVER_OF_CERS_AND_ERUS(TransactionType.CARRY_OVER, 38, "Carry-over of CERs and of ERUs converted from AAUs", null, null),
    EXPIRY_DATE_CHANGE(TransactionType.EXPIRY_DATE_CHANGE, 0, "Expiry date change", null, NoticeType.EXPIRY_DATE_CHANGE),
    INTERNAL_TRANSFER(TransactionType.INTERNAL_TRANSFER, 0, "Internal transfer", null, null),
    FORWARDING_FROM_PENDING(TransactionType.INTERNAL_TRANSFER, 51, "Forwarding of issued units from the pending account (CDM)", null, null),
    SHARE_OF_PROCEEDS_AT_ISSUANCE(TransactionType.INTERNAL_TRANSFER, 81, "Share of proceeds for the Adaptation Fund at issuance (CDM)", AccountType.PARTY_HOLDING, null),
    TEMPORARY_HOLDING_FORWARDING(TransactionType.INTERNAL_TRANSFER, 82, "Forwarding of temporary holding accounts in one transaction (CDM)", null, null);

    private final TransactionType transactionType;
    private final int code;
    private final String label;
    private final AccountType requiredAcquiringAccount;
    private final NoticeType fulfils;

    SupplementaryType(TransactionType transactionType, int code, String label, AccountType requiredAcquiringAccount,
                      NoticeType fulfils) {
        this.transactionType = transactionType;
        this.code = code;
        this.label = label;
        this.requiredAcquiringAccount = requiredAcquiringAccount;
        this.fulfils = fulfils;
    }

    public TransactionType transactionType() {
        return transactionType;
    }

    /** The supplementary number, as on the wire. */
    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The account type the units must go to, when the pair fixes one. */
    public Optional<AccountType> requiredAcquiringAccount() {
        return Optional.ofNullable(requiredAcquiringAccount);
    }

    /** The notice type that this kind of transaction fulfils and needs, when there is one. */
    public Optional<NoticeType> fulfils() {
        return Optional.ofNullable(fulfils);
    }

    /**
     * The kind of transaction the pair of {@code type} and {@code code} is, when the pair exists; where several kinds
     * share the pair (the DES's replacement 6-0), the one whose acquiring account type is {@code acquiringAccount},
     * else the first of them (whose account the acquiring account then fails to be).
     */
    public static Optional<SupplementaryType> of(TransactionType type, int code, AccountType acquiringAccount) {
        SupplementaryType first = null;
        for (SupplementaryType candidate : values()) {
            if (candidate.transactionType == type && candidate.code == code) {
                if (first == null) {
                    first = candidate;
                }
                if (acquiringAccount != null && candidate.requiredAcquiringAccount == acquiringAccount) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** True for the share of proceeds, at issuance in the CDM registry or on the first external transfer of AAUs. */
    public boolean isShareOfProceeds() {
        return this == SHARE_OF_PROCEEDS_AT_ISSUANCE || this == SHARE_OF_PROCEEDS_ON_FIRST_TRANSFER_OF_AAUS;
    }

    @Override
    public String toString() {
        return transactionType.code() + "-" + code + " " + label;
    }
}
