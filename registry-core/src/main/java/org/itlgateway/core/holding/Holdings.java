package org.itlgateway.core.holding;

import java.util.List;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;

/** What the checks read of the holdings. */
public interface Holdings {

    /** The pieces that hold any of the block's units, in serial order (gaps are units that do not exist). */
    List<HeldBlock> holdersOf(UnitBlockId block);

    /** How many units of a type and original period a registry has issued so far. */
    long issuedQuantity(RegistryCode originatingRegistry, UnitType unitType, CommitmentPeriod originalPeriod);
}
