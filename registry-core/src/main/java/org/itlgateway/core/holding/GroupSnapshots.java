package org.itlgateway.core.holding;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.itlgateway.core.registry.RegistryCode;

/**
 * A registry's holdings as they were at a snapshot, restricted to some reconciliation groups, read a batch at a time:
 * what a reconciliation compares block by block (a registry's own holdings, or a log's mirror of them).
 */
public interface GroupSnapshots {

    /**
     * The pieces held at {@code snapshot} by accounts of {@code registry} in any of {@code groups} (every piece when
     * there are none), by originating registry and serial number. Opened inside a unit of work, which it needs to
     * stay open; the caller closes it.
     */
    default HeldBlockCursor holdingsAsOf(RegistryCode registry, Instant snapshot, List<HoldingGroup> groups) {
        return holdingsAsOf(List.of(registry), snapshot, groups);
    }

    /**
     * Like {@link #holdingsAsOf(RegistryCode, Instant, List)}, over the accounts of any of {@code registries} (what a
     * supplementary log reports of the registries it follows), in the same order.
     */
    HeldBlockCursor holdingsAsOf(Collection<RegistryCode> registries, Instant snapshot, List<HoldingGroup> groups);
}
