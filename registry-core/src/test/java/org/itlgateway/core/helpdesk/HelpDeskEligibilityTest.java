package org.itlgateway.core.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.itlgateway.core.fixtures.InMemoryFacts;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;
import org.junit.jupiter.api.Test;

/** Who the CDM Help Desk answers, on both sides of each rule, on the lists kept with the registry. */
class HelpDeskEligibilityTest {

    private static final LocalDate LAST_DAY_COUNTED = LocalDate.of(2010, 12, 31);
    private static final LocalDate FIRST_DAY_NOT_COUNTED = LocalDate.of(2011, 1, 1);
    /** The day the queries are received: the lists as they stand then. */
    private static final LocalDate RECEIVED = LocalDate.of(2026, 12, 3);
    private static final LocalDate NEPALS_GRADUATION = LocalDate.of(2026, 11, 24);

    private final InMemoryFacts projects = new InMemoryFacts();
    private final HelpDeskEligibility eligibility = new HelpDeskEligibility(PartyLists.standard(), projects);
    private long nextProject = 1000;

    @Test
    void anAfricanStateIsEligibleWhateverItsProjects() {
        register("KE", 30, LAST_DAY_COUNTED);

        Eligibility kenya = eligibility.of(RegistryCode.of("KE"), RECEIVED);

        assertTrue(kenya.eligible());
        assertEquals(EligibilityGround.AFRICAN_STATE, kenya.ground());
        assertTrue(kenya.reason().contains("African states"), kenya.reason());
    }

    @Test
    void aStateOutsideAfricaAndOffEveryListWithManyProjectsIsNotEligible() {
        register("IN", 11, LAST_DAY_COUNTED);

        Eligibility india = eligibility.of(RegistryCode.of("IN"), RECEIVED);

        assertFalse(india.eligible());
        assertEquals(EligibilityGround.NOT_ELIGIBLE, india.ground());
        assertTrue(india.reason().contains("11 CDM projects"), india.reason());
    }

    @Test
    void aLeastDevelopedCountryOutsideAfricaIsEligible() {
        register("AF", 11, LAST_DAY_COUNTED);

        Eligibility afghanistan = eligibility.of(RegistryCode.of("AF"), RECEIVED);

        assertTrue(afghanistan.eligible());
        assertEquals(EligibilityGround.LEAST_DEVELOPED_COUNTRY, afghanistan.ground());
        assertTrue(afghanistan.reason().contains("least developed countries"), afghanistan.reason());
    }

    @Test
    void aLeastDevelopedCountryIsEligibleOnThatGroundUntilTheDayItGraduates() {
        register("NP", 11, LAST_DAY_COUNTED);

        Eligibility dayBefore = eligibility.of(RegistryCode.of("NP"), NEPALS_GRADUATION.minusDays(1));
        Eligibility graduationDay = eligibility.of(RegistryCode.of("NP"), NEPALS_GRADUATION);

        assertTrue(dayBefore.eligible());
        assertEquals(EligibilityGround.LEAST_DEVELOPED_COUNTRY, dayBefore.ground());
        assertFalse(graduationDay.eligible());
        assertEquals(EligibilityGround.NOT_ELIGIBLE, graduationDay.ground());
        assertTrue(graduationDay.reason().contains("NP left the list of least developed countries")
                && graduationDay.reason().contains("on 2026-11-24") && graduationDay.reason().contains("11 CDM projects"),
                graduationDay.reason());
    }

    @Test
    void aGraduatedLeastDevelopedCountryWithFewProjectsIsStillEligibleOnItsProjects() {
        register("NP", 3, LAST_DAY_COUNTED);

        Eligibility nepal = eligibility.of(RegistryCode.of("NP"), RECEIVED);

        assertTrue(nepal.eligible());
        assertEquals(EligibilityGround.FEW_PROJECTS_BY_2010, nepal.ground());
    }

    @Test
    void aDevelopingCountryOutsideAfricaThatIsNoLeastDevelopedCountryIsNotEligibleOnThatGround() {
        register("VN", 11, LAST_DAY_COUNTED);

        assertFalse(eligibility.of(RegistryCode.of("VN"), RECEIVED).eligible());
    }

    @Test
    void aSmallIslandDevelopingStateIsEligible() {
        register("JM", 11, LAST_DAY_COUNTED);

        Eligibility jamaica = eligibility.of(RegistryCode.of("JM"), RECEIVED);

        assertTrue(jamaica.eligible());
        assertEquals(EligibilityGround.SMALL_ISLAND_DEVELOPING_STATE, jamaica.ground());
        assertTrue(jamaica.reason().contains("small island developing states"), jamaica.reason());
    }

    @Test
    void anIslandStateThatIsNoSmallIslandDevelopingStateIsNotEligibleOnThatGround() {
        register("PH", 11, LAST_DAY_COUNTED);

        assertFalse(eligibility.of(RegistryCode.of("PH"), RECEIVED).eligible());
    }

    @Test
    void aPartyWithExactlyTenProjectsRegisteredBy31December2010IsEligible() {
        register("UY", 10, LAST_DAY_COUNTED);

        Eligibility uruguay = eligibility.of(RegistryCode.of("UY"), RECEIVED);

        assertTrue(uruguay.eligible());
        assertEquals(EligibilityGround.FEW_PROJECTS_BY_2010, uruguay.ground());
        assertTrue(uruguay.reason().contains("had 10 CDM projects registered by 2010-12-31"), uruguay.reason());
    }

    @Test
    void aPartyWithElevenProjectsRegisteredBy31December2010IsNotEligible() {
        register("UY", 11, LAST_DAY_COUNTED);

        Eligibility uruguay = eligibility.of(RegistryCode.of("UY"), RECEIVED);

        assertFalse(uruguay.eligible());
        assertEquals(EligibilityGround.NOT_ELIGIBLE, uruguay.ground());
    }

    @Test
    void aRegistrationOn1January2011IsNotCounted() {
        register("UY", 10, LAST_DAY_COUNTED);
        register("UY", 1, FIRST_DAY_NOT_COUNTED);

        Eligibility uruguay = eligibility.of(RegistryCode.of("UY"), RECEIVED);

        assertTrue(uruguay.eligible(), uruguay.reason());
        assertTrue(uruguay.reason().contains("had 10 CDM projects"), uruguay.reason());
    }

    @Test
    void aRegistrationOn31December2010IsCounted() {
        register("UY", 10, LocalDate.of(2009, 6, 1));
        register("UY", 1, LAST_DAY_COUNTED);

        assertFalse(eligibility.of(RegistryCode.of("UY"), RECEIVED).eligible());
    }

    @Test
    void anotherPartysProjectsAreNotCounted() {
        register("UY", 10, LAST_DAY_COUNTED);
        register("AR", 5, LAST_DAY_COUNTED);

        assertTrue(eligibility.of(RegistryCode.of("UY"), RECEIVED).eligible());
    }

    @Test
    void aQueryWithoutAHostPartyIsNotEligibleAndSaysWhy() {
        Eligibility unknown = eligibility.of(null, RECEIVED);

        assertFalse(unknown.eligible());
        assertEquals(EligibilityGround.HOST_PARTY_UNKNOWN, unknown.ground());
    }

    @Test
    void eachListKeptWithTheRegistryNamesItsSourceAndDate() {
        PartyLists lists = PartyLists.standard();
        for (PartyList list : java.util.List.of(lists.africanStates(), lists.leastDevelopedCountries(),
                lists.smallIslandDevelopingStates())) {
            assertFalse(list.name().isBlank(), list.toString());
            assertTrue(list.source().contains("UN"), list.source());
            assertNotNull(list.asOf(), list.name());
        }
        assertEquals(54, lists.africanStates().parties().size());
        assertEquals(44, lists.leastDevelopedCountries().parties().size());
        assertEquals(41, lists.leastDevelopedCountries().parties().keySet().stream()
                .filter(party -> lists.leastDevelopedCountries().contains(party, RECEIVED)).count(),
                "three graduated on 24 November 2026");
        assertTrue(lists.smallIslandDevelopingStates().contains("FJ", RECEIVED));
    }

    private void register(String host, int count, LocalDate registered) {
        for (int i = 0; i < count; i++) {
            long id = nextProject++;
            projects.save(new Project(id, "project " + id, RegistryCode.of(host), false, ProjectCategory.OTHER, null,
                    false, registered));
        }
    }
}
