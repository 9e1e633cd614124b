package org.itlgateway.core.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.itlgateway.core.registry.RegistryCode;

/**
 * Reference facts about a CDM or JI project that unit blocks do not carry: the CDM registry publishes them;
 * the ITL and the CITL read them.
 *
 * @param id                     the project number
 * @param title                  its title
 * @param hostParty              the Party hosting the project
 * @param leastDevelopedCountry  true when the host is a least-developed country (exempt from the share of proceeds)
 * @param category               what kind of project it is
 * @param capacityMegawatts      installed capacity (hydro), or {@code null}
 * @param complianceFlag         for large hydro: the EU's compliance criteria are met
 * @param registered             the date the project was registered
 */
public record Project(long id, String title, RegistryCode hostParty, boolean leastDevelopedCountry,
                      ProjectCategory category, BigDecimal capacityMegawatts, boolean complianceFlag,
                      LocalDate registered) {

    private static final BigDecimal LARGE_HYDRO_MEGAWATTS = new BigDecimal("20");

    public Project {
        Objects.requireNonNull(hostParty, "host Party");
        Objects.requireNonNull(category, "category");
        title = title == null ? "" : title;
    }

    /** A hydro project over 20 MW. */
    public boolean isLargeHydro() {
        return category == ProjectCategory.HYDRO && capacityMegawatts != null
                && capacityMegawatts.compareTo(LARGE_HYDRO_MEGAWATTS) > 0;
    }

    public boolean isIndustrialGas() {
        return category == ProjectCategory.HFC23_DESTRUCTION || category == ProjectCategory.N2O_ADIPIC_ACID;
    }
}
