package org.itlgateway.core.helpdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A query to the CDM Help Desk as it is kept: its reference, the question, when it was received (and so
 * acknowledged), its eligibility with the host Party it was decided on, the date it is due (eligible ones only) and,
 * once answered, who answered, when and what.
 *
 * @param reference  the reference the acknowledgement gives
 * @param question   what was asked, by whom
 * @param hostParty  the host Party eligibility was decided on, or null when none is known
 * @param receivedAt when it was received and acknowledged
 * @param eligibility whether the help desk answers it, and why
 * @param dueDate    the 15th working day after the day of receipt, or null when it is not eligible
 * @param answeredBy who answered, or null
 * @param answeredAt when, or null
 * @param answer     the answer, or null
 */
public record HelpDeskQuery(String reference, Question question, String hostParty, Instant receivedAt,
                            Eligibility eligibility, LocalDate dueDate, String answeredBy, Instant answeredAt,
                            String answer) {

    /** The working days within which an eligible query is answered. */
    public static final int WORKING_DAYS = 15;

    public HelpDeskQuery {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(receivedAt, "received at");
        Objects.requireNonNull(eligibility, "eligibility");
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    /** The day of receipt, in UTC: day 0 of the count. */
    public LocalDate receivedOn() {
        return LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
    }

    /** Where it stands on {@code today}. */
    public QueryStatus status(LocalDate today) {
        if (isAnswered()) {
            return QueryStatus.ANSWERED;
        }
        if (!eligibility.eligible()) {
            return QueryStatus.REFERRED;
        }
        return dueDate != null && today.isAfter(dueDate) ? QueryStatus.OVERDUE : QueryStatus.OPEN;
    }
}
