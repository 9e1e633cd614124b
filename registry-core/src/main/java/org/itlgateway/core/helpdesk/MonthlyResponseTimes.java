package org.itlgateway.core.helpdesk;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The help desk's response times for the queries received in one month.
 *
 * @param month            the month of receipt
 * @param received         the queries received
 * @param eligible         of which the help desk answers
 * @param answered         eligible ones answered
 * @param answeredInTime   answered within 15 working days
 * @param open             eligible ones not answered and not yet due
 * @param overdue          eligible ones not answered and past their due date
 * @param medianWorkingDays the median of the working days the answered ones took, or null when none is
 * @param maxWorkingDays   the most working days one took, or null when none is answered
 */
public record MonthlyResponseTimes(YearMonth month, int received, int eligible, int answered, int answeredInTime,
                                   int open, int overdue, Double medianWorkingDays, Integer maxWorkingDays) {

    /** One line per month from {@code from} to {@code to}, months without queries included, as of {@code today}. */
    public static List<MonthlyResponseTimes> of(List<HelpDeskQuery> queries, HelpDesk desk, YearMonth from, YearMonth to,
                                                LocalDate today) {
        Map<YearMonth, List<HelpDeskQuery>> byMonth = new TreeMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            byMonth.put(month, new ArrayList<>());
        }
        for (HelpDeskQuery query : queries) {
            List<HelpDeskQuery> month = byMonth.get(YearMonth.from(query.receivedOn()));
            if (month != null) {
                month.add(query);
            }
        }
        List<MonthlyResponseTimes> lines = new ArrayList<>();
        byMonth.forEach((month, received) -> lines.add(line(month, received, desk, today)));
        return lines;
    }

    private static MonthlyResponseTimes line(YearMonth month, List<HelpDeskQuery> received, HelpDesk desk, LocalDate today) {
        List<HelpDeskQuery> eligible = received.stream().filter(q -> q.eligibility().eligible()).toList();
        List<Integer> days = eligible.stream().filter(HelpDeskQuery::isAnswered).map(desk::workingDaysToAnswer)
                .sorted(Comparator.naturalOrder()).toList();
        int inTime = (int) days.stream().filter(d -> d <= HelpDeskQuery.WORKING_DAYS).count();
        int open = (int) eligible.stream().filter(q -> q.status(today) == QueryStatus.OPEN).count();
        int overdue = (int) eligible.stream().filter(q -> q.status(today) == QueryStatus.OVERDUE).count();
        Double median = days.isEmpty() ? null : days.size() % 2 == 1 ? (double) days.get(days.size() / 2)
                : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0;
        return new MonthlyResponseTimes(month, received.size(), eligible.size(), days.size(), inTime, open, overdue,
                median, days.isEmpty() ? null : days.get(days.size() - 1));
    }
}
