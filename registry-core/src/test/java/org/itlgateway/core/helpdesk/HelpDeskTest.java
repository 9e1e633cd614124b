package org.itlgateway.core.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.itlgateway.core.fixtures.InMemoryFacts;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;
import org.junit.jupiter.api.Test;

/** A query received, acknowledged, due, answered or overdue, and the month's response times. */
class HelpDeskTest {

    private final InMemoryFacts projects = new InMemoryFacts();
    private final HelpDesk desk = HelpDesk.standard(projects);

    @Test
    void anEligibleQueryIsDueOnTheFifteenthWorkingDayAfterReceipt() {
        projects.save(new Project(7, "Cookstoves, Rwanda", RegistryCode.of("RW"), true, ProjectCategory.OTHER, null,
                false, LocalDate.of(2012, 5, 2)));

        HelpDeskQuery query = desk.receive("HD-2016-00001", question(7L, null), Instant.parse("2016-03-21T16:00:00Z"));

        assertEquals("RW", query.hostParty());
        assertTrue(query.eligibility().eligible());
        assertEquals(LocalDate.of(2016, 4, 13), query.dueDate());
        assertEquals(QueryStatus.OPEN, query.status(LocalDate.of(2016, 4, 13)));
        assertEquals(QueryStatus.OVERDUE, query.status(LocalDate.of(2016, 4, 14)));
    }

    @Test
    void anIneligibleQueryIsAcknowledgedWithoutADueDateAndReferred() {
        for (long id = 1; id <= 11; id++) {
            projects.save(new Project(id, "Wind " + id, RegistryCode.of("CN"), false, ProjectCategory.OTHER, null,
                    false, LocalDate.of(2009, 1, 1)));
        }

        HelpDeskQuery query = desk.receive("HD-2016-00002", question(3L, null), Instant.parse("2016-03-21T16:00:00Z"));

        assertFalse(query.eligibility().eligible());
        assertNull(query.dueDate());
        assertEquals(QueryStatus.REFERRED, query.status(LocalDate.of(2016, 6, 1)));
        assertTrue(desk.referral().contains("general CDM communication form"), desk.referral());
    }

    @Test
    void aProgrammeIsJudgedOnTheHostPartyGiven() {
        HelpDeskQuery query = desk.receive("HD-2016-00003", question(null, RegistryCode.of("FJ")),
                Instant.parse("2016-03-21T16:00:00Z"));

        assertEquals(EligibilityGround.SMALL_ISLAND_DEVELOPING_STATE, query.eligibility().ground());
    }

    @Test
    void theMonthsResponseTimesCountTheAnswersWithinFifteenWorkingDays() {
        Instant received = Instant.parse("2016-03-21T10:00:00Z");
        HelpDeskQuery quick = answered(desk.receive("a", question(null, RegistryCode.of("KE")), received), "2016-03-29T10:00:00Z");
        HelpDeskQuery onTime = answered(desk.receive("b", question(null, RegistryCode.of("KE")), received), "2016-04-13T10:00:00Z");
        HelpDeskQuery late = answered(desk.receive("c", question(null, RegistryCode.of("KE")), received), "2016-04-14T10:00:00Z");
        HelpDeskQuery waiting = desk.receive("d", question(null, RegistryCode.of("KE")), received);

        List<MonthlyResponseTimes> report = MonthlyResponseTimes.of(List.of(quick, onTime, late, waiting), desk,
                YearMonth.of(2016, 3), YearMonth.of(2016, 4), LocalDate.of(2016, 4, 20));

        assertEquals(2, report.size());
        MonthlyResponseTimes march = report.get(0);
        assertEquals(4, march.received());
        assertEquals(3, march.answered());
        assertEquals(2, march.answeredInTime());
        assertEquals(1, march.overdue());
        assertEquals(15.0, march.medianWorkingDays());
        assertEquals(16, march.maxWorkingDays());
        assertEquals(0, report.get(1).received());
        assertNull(report.get(1).medianWorkingDays());
    }

    private static HelpDeskQuery answered(HelpDeskQuery query, String at) {
        return new HelpDeskQuery(query.reference(), query.question(), query.hostParty(), query.receivedAt(),
                query.eligibility(), query.dueDate(), "help desk officer", Instant.parse(at), "answered");
    }

    private static Question question(Long project, RegistryCode host) {
        return new Question("A. Participant", "Project developer", "participant@example.org",
                StakeholderRole.PROJECT_PARTICIPANT, project, project == null ? "PoA 1234" : null, host,
                "Monitoring report", "Which version of the monitoring report form applies?");
    }
}
