package org.itlgateway.core.store.jpa;

import jakarta.persistence.Embeddable;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.UnitBlockId;

/** A unit block's identity as columns: originating registry, first and last serial number. */
@Embeddable
public class BlockIdColumns {

    private String originatingRegistry;
    private long serialStart;
    private long serialEnd;

    protected BlockIdColumns() {
    }

    private BlockIdColumns(UnitBlockId id) {
        this.originatingRegistry = id.originatingRegistry().value();
        this.serialStart = id.range().start();
        this.serialEnd = id.range().end();
    }

    public static BlockIdColumns of(UnitBlockId id) {
        return new BlockIdColumns(id);
    }

    public UnitBlockId toId() {
        return UnitBlockId.of(RegistryCode.of(originatingRegistry), serialStart, serialEnd);
    }
}
