package org.itlgateway.core.cdm;

import org.itlgateway.core.project.Project;
import org.itlgateway.core.unit.UnitType;

/**
 * The share of proceeds for adaptation: 2% of the CERs issued for a project go to the Adaptation Fund account
 * CDM-100-1100-0 (transaction 3-47), except for projects hosted in least-developed countries.
 *
 * <p><b>Rounding.</b> 2% of the quantity issued, rounded half up to whole units, per issuance: 10,000 &rarr; 200;
 * 49 &rarr; 1 (0.98); 25 &rarr; 1 (0.5); 24 &rarr; 0 (0.48); 1 &rarr; 0. It is computed exactly in whole numbers as
 * {@code (quantity × 2 + 50) / 100}, never in floating point. An issuance whose share rounds to zero owes none
 * and proposes no 3-47 transaction.
 *
 * <p>tCERs and lCERs owe no share here: the Adaptation Fund share is taken on CERs only (afforestation and
 * reforestation project activities were exempt).
 */
public final class ShareOfProceeds {

    /** The share, in per cent. */
    public static final long PERCENT = 2;

    private ShareOfProceeds() {
    }

    /** 2% of {@code issued}, rounded half up to whole units. */
    public static long of(long issued) {
        if (issued < 0) {
            throw new IllegalArgumentException("a quantity issued is not negative: " + issued);
        }
        return Math.addExact(Math.multiplyExact(issued, PERCENT), 50) / 100;
    }

    /** What an issuance of {@code issued} units of {@code unitType} for {@code project} owes the Adaptation Fund. */
    public static long owedOn(Project project, UnitType unitType, long issued) {
        if (project.leastDevelopedCountry() || unitType != UnitType.CER) {
            return 0;
        }
        return of(issued);
    }
}
