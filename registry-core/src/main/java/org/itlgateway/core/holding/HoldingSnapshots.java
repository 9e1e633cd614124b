package org.itlgateway.core.holding;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.itlgateway.core.registry.RegistryCode;

/**
 * The holdings as they were at a moment, which is what a reconciliation compares. Changes made after that
 * moment do not show, so new transactions cannot disturb a snapshot being reconciled.
 */
public interface HoldingSnapshots {

    /**
     * Hands each piece held at {@code snapshot} by an account of {@code registry} to {@code each}, by originating
     * registry and serial number. The pieces are read a batch at a time, so memory stays flat however many there
     * are.
     */
    void holdingsAsOf(RegistryCode registry, Instant snapshot, Consumer<? super HeldBlock> each);

    /**
     * The units held at {@code snapshot} by the accounts of {@code registry}, per account type, account
     * commitment period, unit type and supplementary unit type, in that order.
     */
    default List<HoldingTotal> totalsAsOf(RegistryCode registry, Instant snapshot) {
        return totalsAsOf(List.of(registry), snapshot);
    }

    /** Like {@link #totalsAsOf}, with one total per account as well. */
    default List<HoldingTotal> accountTotalsAsOf(RegistryCode registry, Instant snapshot) {
        return accountTotalsAsOf(List.of(registry), snapshot);
    }

    /**
     * The units held at {@code snapshot} by the accounts of any of {@code registries}, added up per account type,
     * account commitment period, unit type and supplementary unit type (what a supplementary log reports of the
     * registries it follows).
     */
    List<HoldingTotal> totalsAsOf(Collection<RegistryCode> registries, Instant snapshot);

    /** Like {@link #totalsAsOf(Collection, Instant)}, with one total per account identifier as well. */
    List<HoldingTotal> accountTotalsAsOf(Collection<RegistryCode> registries, Instant snapshot);
}
