package org.itlgateway.core.cdm;

import java.time.LocalDate;
import java.util.Objects;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;

/**
 * The Executive Board's request to issue units for a project into the pending account.
 *
 * @param projectId  the project
 * @param unitType   CER, tCER or lCER
 * @param period     the commitment period the units are issued for
 * @param quantity   how many units
 * @param expiryDate the expiry date of tCERs and lCERs; {@code null} for CERs
 */
public record IssuanceRequest(long projectId, UnitType unitType, CommitmentPeriod period, long quantity,
                              LocalDate expiryDate) {

    public IssuanceRequest {
        Objects.requireNonNull(unitType, "unit type");
        Objects.requireNonNull(period, "commitment period");
    }

    /** CERs of a project. */
    public static IssuanceRequest cers(long projectId, CommitmentPeriod period, long quantity) {
        return new IssuanceRequest(projectId, UnitType.CER, period, quantity, null);
    }
}
