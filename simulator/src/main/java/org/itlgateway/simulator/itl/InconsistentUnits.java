package org.itlgateway.simulator.itl;

import java.util.List;
import org.itlgateway.core.unit.UnitBlockId;

/** Which units are under an open reconciliation inconsistency, so that no transaction may touch them (6010). */
@FunctionalInterface
public interface InconsistentUnits {

    /** None: nothing is under an inconsistency. */
    InconsistentUnits NONE = blocks -> List.of();

    /** The blocks among {@code blocks} that share units with an open inconsistency. */
    List<UnitBlockId> openAmong(List<UnitBlockId> blocks);
}
