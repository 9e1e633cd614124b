package org.itlgateway.core.holding;

import java.util.Objects;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;

/**
 * How many units a registry's accounts held at a moment, for one group of a reconciliation: account type,
 * account commitment period, unit type and supplementary unit type, and optionally one account.
 *
 * @param accountType       the type of the accounts counted
 * @param accountIdentifier the account counted, or {@code null} when the total is over all accounts of the type
 * @param accountPeriod     the commitment period of the accounts counted
 * @param unitType          the unit type counted
 * @param suppUnitType      the supplementary unit type counted
 * @param units             the number of units
 */
public record HoldingTotal(AccountType accountType, Long accountIdentifier, CommitmentPeriod accountPeriod,
                           UnitType unitType, int suppUnitType, long units) {

    public HoldingTotal {
        Objects.requireNonNull(accountType, "account type");
        Objects.requireNonNull(accountPeriod, "account commitment period");
        Objects.requireNonNull(unitType, "unit type");
    }
}
