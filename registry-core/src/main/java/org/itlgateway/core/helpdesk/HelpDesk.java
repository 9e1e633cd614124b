package org.itlgateway.core.helpdesk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.RegistryCode;

/**
 * The CDM Help Desk beside the CDM registry: it receives a query, acknowledges it at once with a reference, decides
 * from data whether it answers it ({@link HelpDeskEligibility}) and, when it does, the date it is due: the 15th
 * working day after the day of receipt on its {@link WorkingCalendar}. A query it does not answer is acknowledged
 * all the same, with the {@link #referral() pointer} to the secretariat. Support is independent of registration and
 * issuance: it guarantees neither.
 */
public final class HelpDesk {

    private final HelpDeskEligibility eligibility;
    private final WorkingCalendar calendar;
    private final Projects projects;
    private final String referral;

    public HelpDesk(PartyLists lists, WorkingCalendar calendar, Projects projects, String referral) {
        this.projects = Objects.requireNonNull(projects, "projects");
        this.eligibility = new HelpDeskEligibility(lists, projects);
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.referral = Objects.requireNonNull(referral, "referral");
    }

    /** The help desk on the lists, the calendar and the pointer kept with the registry ({@code helpdesk/}). */
    public static HelpDesk standard(Projects projects) {
        return new HelpDesk(PartyLists.standard(), WorkingCalendar.standard(), projects,
                String.join(" ", HelpDeskData.content(HelpDeskData.lines("referral.txt"))));
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** What the acknowledgement of a query the help desk does not answer tells the stakeholder. */
    public String referral() {
        return referral;
    }

    /**
     * The query received at {@code receivedAt}, kept under {@code reference}: its host Party (the project's, from
     * the project table, else the one given), its eligibility and its due date.
     */
    public HelpDeskQuery receive(String reference, Question question, Instant receivedAt) {
        RegistryCode host = hostPartyOf(question);
        LocalDate received = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
        Eligibility decided = eligibility.of(host, received);
        LocalDate due = decided.eligible() ? calendar.dueDate(received, HelpDeskQuery.WORKING_DAYS) : null;
        return new HelpDeskQuery(reference, question, host == null ? null : host.value(), receivedAt, decided, due,
                null, null, null);
    }

    private RegistryCode hostPartyOf(Question question) {
        if (question.project() != null) {
            RegistryCode listed = projects.find(question.project()).map(Project::hostParty).orElse(null);
            if (listed != null) {
                return listed;
            }
        }
        return question.hostParty();
    }

    /** The working days {@code query} took to be answered, or null while it is not. */
    public Integer workingDaysToAnswer(HelpDeskQuery query) {
        return query.isAnswered()
                ? calendar.workingDaysBetween(query.receivedOn(), LocalDate.ofInstant(query.answeredAt(), ZoneOffset.UTC))
                : null;
    }

    /** The week {@code today} is in: its Monday and its Sunday. */
    public static List<LocalDate> weekOf(LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return List.of(monday, monday.plusDays(6));
    }
}
