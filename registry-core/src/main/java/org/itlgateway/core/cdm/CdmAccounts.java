package org.itlgateway.core.cdm;

import java.util.List;
import java.util.Set;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.CommitmentPeriod;

/**
 * The accounts the CDM registry keeps for itself, with fixed identifiers, and the numbering of the holding
 * accounts it opens for project participants (identifiers from {@value #FIRST_PARTICIPANT_IDENTIFIER} on, so they
 * never meet the fixed ones).
 */
public final class CdmAccounts {

    /** The pending account: the Executive Board issues into it, and it forwards from it. */
    public static final AccountRef PENDING = AccountRef.of(RegistryCode.CDM, AccountType.PENDING, 1000);
    /** The Adaptation Fund's holding account, which receives the share of proceeds. */
    public static final AccountRef ADAPTATION_FUND = AccountRef.parse("CDM-100-1100-0");
    public static final AccountRef VOLUNTARY_CANCELLATION =
            AccountRef.of(RegistryCode.CDM, AccountType.VOLUNTARY_CANCELLATION, 2300);
    /** The DES's excess issuance cancellation account (second period). */
    public static final AccountRef EXCESS_ISSUANCE_CANCELLATION = AccountRef.parse("CDM-240-2240-2");
    /** The DES's CCS net reversal of storage cancellation account (second period). */
    public static final AccountRef CCS_NET_REVERSAL_CANCELLATION = AccountRef.parse("CDM-241-2241-2");
    /** The DES's CCS non-submission cancellation account (second period). */
    public static final AccountRef CCS_NON_SUBMISSION_CANCELLATION = AccountRef.parse("CDM-242-2242-2");
    /**
     * The excess issuance cancellation account for units of the first period, which an account of the second period
     * does not take (3017); the DES table shows none, so its number is ours, made as the DES makes its own.
     */
    public static final AccountRef EXCESS_ISSUANCE_CANCELLATION_FIRST_PERIOD = AccountRef.parse("CDM-240-1240-1");

    /** Identifiers of participants' accounts start here. */
    public static final long FIRST_PARTICIPANT_IDENTIFIER = 10_000;
    /** The sequence the participants' account numbers come from. */
    public static final String ACCOUNT_SEQUENCE = "cdm.account";

    /** The account types the CDM registry opens for holders (the Adaptation Fund's is a Party holding account). */
    public static final Set<AccountType> HOLDING_TYPES =
            Set.of(AccountType.PARTY_HOLDING, AccountType.ENTITY_HOLDING, AccountType.PERSON_HOLDING);

    private CdmAccounts() {
    }

    /** The accounts every CDM registry has from the start. */
    public static List<Account> fixed() {
        return List.of(
                Account.open(PENDING, "CDM Executive Board (pending account)"),
                Account.open(ADAPTATION_FUND, "Adaptation Fund"),
                Account.open(VOLUNTARY_CANCELLATION, "Voluntary cancellation"),
                Account.open(EXCESS_ISSUANCE_CANCELLATION, "Excess issuance cancellation"),
                Account.open(EXCESS_ISSUANCE_CANCELLATION_FIRST_PERIOD, "Excess issuance cancellation (first period)"),
                Account.open(CCS_NET_REVERSAL_CANCELLATION, "CCS net reversal of storage cancellation"),
                Account.open(CCS_NON_SUBMISSION_CANCELLATION, "CCS non-submission of certification report cancellation"));
    }

    /** The identifier of the {@code number}-th account opened for a participant. */
    public static long participantIdentifier(long number) {
        return FIRST_PARTICIPANT_IDENTIFIER + number;
    }

    /**
     * The cancellation account a CDM cancellation of units valid in {@code period} goes to: an excess issuance of
     * first-period units is cancelled in the first period's account.
     */
    public static AccountRef cancellationAccountFor(SupplementaryType kind, CommitmentPeriod period) {
        return switch (kind) {
            case VOLUNTARY_CANCELLATION -> VOLUNTARY_CANCELLATION;
            case EXCESS_ISSUANCE_CANCELLATION -> period == CommitmentPeriod.CP1
                    ? EXCESS_ISSUANCE_CANCELLATION_FIRST_PERIOD : EXCESS_ISSUANCE_CANCELLATION;
            case CCS_NET_REVERSAL_CANCELLATION -> CCS_NET_REVERSAL_CANCELLATION;
            case CCS_NON_SUBMISSION_CANCELLATION -> CCS_NON_SUBMISSION_CANCELLATION;
            default -> throw new IllegalArgumentException("the CDM registry has no account for " + kind);
        };
    }

    public static boolean isHolding(AccountRef account) {
        return HOLDING_TYPES.contains(account.type());
    }
}
