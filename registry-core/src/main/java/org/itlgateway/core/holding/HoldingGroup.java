package org.itlgateway.core.holding;

import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;

/**
 * The key of a reconciliation total: account type, account commitment period, unit type and supplementary unit
 * type, and optionally one account. A reconciliation asks for the unit blocks of such groups; as in the DES's
 * UnitBlockRequest, a field left {@code null} matches any value, so one group may cover several totals.
 *
 * @param accountType       the type of the accounts, or {@code null} for any
 * @param accountIdentifier one account, or {@code null} for every account
 * @param accountPeriod     the commitment period of the accounts, or {@code null} for any
 * @param unitType          the unit type, or {@code null} for any
 * @param suppUnitType      the supplementary unit type, or {@code null} for any
 */
public record HoldingGroup(AccountType accountType, Long accountIdentifier, CommitmentPeriod accountPeriod,
                           UnitType unitType, Integer suppUnitType) {

    /** Every held block. */
    public static HoldingGroup any() {
        return new HoldingGroup(null, null, null, null, null);
    }

    /** The group a total counts. */
    public static HoldingGroup of(HoldingTotal total) {
        return new HoldingGroup(total.accountType(), total.accountIdentifier(), total.accountPeriod(), total.unitType(),
                total.suppUnitType());
    }

    /** Whether the piece is counted in this group. */
    public boolean contains(HeldBlock piece) {
        return (accountType == null || piece.account().type() == accountType)
                && (accountPeriod == null || piece.account().period() == accountPeriod)
                && (unitType == null || piece.block().attributes().unitType() == unitType)
                && (suppUnitType == null || piece.block().attributes().suppUnitType() == suppUnitType)
                && (accountIdentifier == null || accountIdentifier == piece.account().identifier());
    }

    /** Whether the total is one of this group's: the group's fields that are given match the total's. */
    public boolean covers(HoldingTotal total) {
        return (accountType == null || total.accountType() == accountType)
                && (accountPeriod == null || total.accountPeriod() == accountPeriod)
                && (unitType == null || total.unitType() == unitType)
                && (suppUnitType == null || total.suppUnitType() == suppUnitType)
                && (accountIdentifier == null || accountIdentifier.equals(total.accountIdentifier()));
    }

    /** True when every field is given: the key of exactly one total. */
    public boolean isComplete() {
        return accountType != null && accountPeriod != null && unitType != null && suppUnitType != null;
    }

    @Override
    public String toString() {
        return "account type " + (accountType == null ? "any" : accountType.code())
                + (accountIdentifier == null ? "" : " account " + accountIdentifier)
                + ", period " + (accountPeriod == null ? "any" : accountPeriod.code())
                + ", unit type " + (unitType == null ? "any" : unitType.code()) + "-"
                + (suppUnitType == null ? "any" : suppUnitType);
    }
}
