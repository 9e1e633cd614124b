package org.itlgateway.core.helpdesk;

import java.time.LocalDate;
import java.util.Objects;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.RegistryCode;

/**
 * Who the CDM Help Desk answers: stakeholders of a project or programme whose host Party is an African state, a
 * least developed country or a small island developing state (each on its {@link PartyLists reference list}), or
 * had 10 or fewer CDM projects registered by 31 December 2010 (counted from the project table: a project
 * registered on that day counts, one registered on 1 January 2011 does not). The rules are tried in that order;
 * the first that holds is the reason given.
 */
public final class HelpDeskEligibility {

    /** The day the count of registered projects is taken on. */
    public static final LocalDate COUNT_DATE = LocalDate.of(2010, 12, 31);
    /** The most projects a host Party may have had registered on {@link #COUNT_DATE}. */
    public static final long MOST_PROJECTS = 10;

    private final PartyLists lists;
    private final Projects projects;

    public HelpDeskEligibility(PartyLists lists, Projects projects) {
        this.lists = Objects.requireNonNull(lists, "lists");
        this.projects = Objects.requireNonNull(projects, "projects");
    }

    /**
     * The eligibility of a query received on {@code day} about a project or programme hosted by {@code hostParty}
     * (null when unknown): the lists as they stand on that day (a least developed country that graduated before it
     * is no longer one).
     */
    public Eligibility of(RegistryCode hostParty, LocalDate day) {
        if (hostParty == null || hostParty.isCdm()) {
            return Eligibility.notEligible(EligibilityGround.HOST_PARTY_UNKNOWN, "the query names no project in the"
                    + " project table and no host Party: eligibility is decided on the host Party");
        }
        String party = hostParty.value();
        if (lists.africanStates().contains(party, day)) {
            return Eligibility.eligible(EligibilityGround.AFRICAN_STATE, party + " is on "
                    + lists.africanStates().citation());
        }
        if (lists.leastDevelopedCountries().contains(party, day)) {
            return Eligibility.eligible(EligibilityGround.LEAST_DEVELOPED_COUNTRY, party + " is on "
                    + lists.leastDevelopedCountries().citation());
        }
        if (lists.smallIslandDevelopingStates().contains(party, day)) {
            return Eligibility.eligible(EligibilityGround.SMALL_ISLAND_DEVELOPING_STATE, party + " is on "
                    + lists.smallIslandDevelopingStates().citation());
        }
        String graduated = lists.leastDevelopedCountries().leaving(party)
                .map(left -> party + " left " + lists.leastDevelopedCountries().citation() + " on " + left + "; ")
                .orElse("");
        long registered = projects.countRegisteredBy(hostParty, COUNT_DATE);
        String counted = graduated + party + " had " + registered + " CDM project" + (registered == 1 ? "" : "s")
                + " registered by " + COUNT_DATE;
        if (registered <= MOST_PROJECTS) {
            return Eligibility.eligible(EligibilityGround.FEW_PROJECTS_BY_2010, counted + ": " + MOST_PROJECTS
                    + " or fewer");
        }
        return Eligibility.notEligible(EligibilityGround.NOT_ELIGIBLE, counted + ", more than " + MOST_PROJECTS
                + ", and is neither an African state, a least developed country nor a small island developing state");
    }
}
