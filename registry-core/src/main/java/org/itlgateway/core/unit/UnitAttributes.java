package org.itlgateway.core.unit;

import java.time.LocalDate;
import java.util.Objects;
import org.itlgateway.core.registry.RegistryCode;

/**
 * Everything a unit block says about its units except their serial numbers. Two adjacent blocks with equal
 * attributes are one block.
 *
 * @param originatingRegistry the registry that issued the units (their serial numbers are unique within it)
 * @param unitType            AAU, RMU, ERU, CER, tCER, lCER ...
 * @param suppUnitType        the supplementary unit type (0 when none applies)
 * @param originalPeriod      the commitment period for which the units were issued
 * @param applicablePeriod    the commitment period in which they may be used (differs after carry-over)
 * @param lulucfActivity      the LULUCF activity, or {@code null}
 * @param projectId           the CDM or JI project number, or {@code null}
 * @param track               the JI track, or {@code null}
 * @param expiryDate          the expiry date of tCERs and lCERs, or {@code null}
 */
public record UnitAttributes(
        RegistryCode originatingRegistry,
        UnitType unitType,
        int suppUnitType,
        CommitmentPeriod originalPeriod,
        CommitmentPeriod applicablePeriod,
        LulucfActivity lulucfActivity,
        Long projectId,
        Track track,
        LocalDate expiryDate) {

    public UnitAttributes {
        Objects.requireNonNull(originatingRegistry, "originating registry");
        Objects.requireNonNull(unitType, "unit type");
        Objects.requireNonNull(originalPeriod, "original commitment period");
        Objects.requireNonNull(applicablePeriod, "applicable commitment period");
        if (suppUnitType < 0) {
            throw new IllegalArgumentException("supplementary unit type is not negative: " + suppUnitType);
        }
    }

    /** Attributes of plain CERs of a project, as the CDM registry issues them. */
    public static UnitAttributes cer(long projectId, CommitmentPeriod period) {
        return new UnitAttributes(RegistryCode.CDM, UnitType.CER, 0, period, period, null, projectId, null, null);
    }

    /** Attributes of AAUs issued by a Party's registry for a period. */
    public static UnitAttributes aau(RegistryCode party, CommitmentPeriod period) {
        return new UnitAttributes(party, UnitType.AAU, 0, period, period, null, null, null, null);
    }

    public UnitAttributes withUnitType(UnitType newType) {
        return new UnitAttributes(originatingRegistry, newType, suppUnitType, originalPeriod, applicablePeriod,
                lulucfActivity, projectId, track, expiryDate);
    }

    public UnitAttributes withApplicablePeriod(CommitmentPeriod period) {
        return new UnitAttributes(originatingRegistry, unitType, suppUnitType, originalPeriod, period,
                lulucfActivity, projectId, track, expiryDate);
    }

    public UnitAttributes withExpiryDate(LocalDate date) {
        return new UnitAttributes(originatingRegistry, unitType, suppUnitType, originalPeriod, applicablePeriod,
                lulucfActivity, projectId, track, date);
    }

    public UnitAttributes withProjectAndTrack(Long project, Track newTrack) {
        return new UnitAttributes(originatingRegistry, unitType, suppUnitType, originalPeriod, applicablePeriod,
                lulucfActivity, project, newTrack, expiryDate);
    }
}
