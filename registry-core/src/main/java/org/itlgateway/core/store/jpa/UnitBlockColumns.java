package org.itlgateway.core.store.jpa;

import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/** A unit block as columns: its serial numbers and every attribute, codes as their DES numbers. */
@Embeddable
public class UnitBlockColumns {

    private String originatingRegistry;
    private long serialStart;
    private long serialEnd;
    private int unitType;
    private int suppUnitType;
    private int originalPeriod;
    private int applicablePeriod;
    private Integer lulucfActivity;
    private Long projectId;
    private Integer track;
    private LocalDate expiryDate;

    protected UnitBlockColumns() {
    }

    private UnitBlockColumns(UnitBlock block) {
        UnitAttributes a = block.attributes();
        this.originatingRegistry = a.originatingRegistry().value();
        this.serialStart = block.start();
        this.serialEnd = block.end();
        this.unitType = a.unitType().code();
        this.suppUnitType = a.suppUnitType();
        this.originalPeriod = a.originalPeriod().code();
        this.applicablePeriod = a.applicablePeriod().code();
        this.lulucfActivity = a.lulucfActivity() == null ? null : a.lulucfActivity().code();
        this.projectId = a.projectId();
        this.track = a.track() == null ? null : a.track().code();
        this.expiryDate = a.expiryDate();
    }

    public static UnitBlockColumns of(UnitBlock block) {
        return new UnitBlockColumns(block);
    }

    public UnitBlock toBlock() {
        UnitAttributes attributes = new UnitAttributes(RegistryCode.of(originatingRegistry),
                UnitType.fromCode(unitType), suppUnitType, CommitmentPeriod.fromCode(originalPeriod),
                CommitmentPeriod.fromCode(applicablePeriod),
                lulucfActivity == null ? null : LulucfActivity.fromCode(lulucfActivity), projectId,
                track == null ? null : Track.fromCode(track), expiryDate);
        return UnitBlock.of(serialStart, serialEnd, attributes);
    }
}
