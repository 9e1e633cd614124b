package org.itlgateway.core.holding;

import java.util.Objects;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;

/**
 * The key of a reconciliation total: account type, account commitment period, unit type and supplementary unit
 * type, and optionally one account. A reconciliation asks for the unit blocks of such groups.
 *
 * @param accountType       the type of the accounts
 * @param accountIdentifier one account, or {@code null} for every account of the type
 * @param accountPeriod     the commitment period of the accounts
 * @param unitType          the unit type
 * @param suppUnitType      the supplementary unit type
 */
public record HoldingGroup(AccountType accountType, Long accountIdentifier, CommitmentPeriod accountPeriod,
                           UnitType unitType, int suppUnitType) {

    public HoldingGroup {
        Objects.requireNonNull(accountType, "account type");
        Objects.requireNonNull(accountPeriod, "account commitment period");
        Objects.requireNonNull(unitType, "unit type");
    }

    /** The group a total counts. */
    public static HoldingGroup of(HoldingTotal total) {
        return new HoldingGroup(total.accountType(), total.accountIdentifier(), total.accountPeriod(), total.unitType(),
                total.suppUnitType());
    }

    /** Whether the piece is counted in this group. */
    public boolean contains(HeldBlock piece) {
        return piece.account().type() == accountType && piece.account().period() == accountPeriod
                && piece.block().attributes().unitType() == unitType
                && piece.block().attributes().suppUnitType() == suppUnitType
                && (accountIdentifier == null || accountIdentifier == piece.account().identifier());
    }

    @Override
    public String toString() {
        return "account type " + accountType.code() + (accountIdentifier == null ? "" : " account " + accountIdentifier)
                + ", period " + accountPeriod.code() + ", unit type " + unitType.code() + "-" + suppUnitType;
    }
}
