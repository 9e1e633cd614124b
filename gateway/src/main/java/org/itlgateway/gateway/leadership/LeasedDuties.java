package org.itlgateway.gateway.leadership;

import java.util.Objects;
import java.util.function.IntSupplier;

/** A registry's duties, done in a round only while this instance holds the {@link DutiesLease}. */
public final class LeasedDuties implements IntSupplier {

    private final DutiesLease lease;
    private final IntSupplier duties;

    public LeasedDuties(DutiesLease lease, IntSupplier duties) {
        this.lease = Objects.requireNonNull(lease, "lease");
        this.duties = Objects.requireNonNull(duties, "duties");
    }

    /** Does the duties when the lease is held here; answers how much was done (none when another instance holds it). */
    @Override
    public int getAsInt() {
        return lease.holds() ? duties.getAsInt() : 0;
    }
}
