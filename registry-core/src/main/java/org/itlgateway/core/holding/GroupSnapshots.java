package org.itlgateway.core.holding;

import java.time.Instant;
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
    HeldBlockCursor holdingsAsOf(RegistryCode registry, Instant snapshot, List<HoldingGroup> groups);
}
