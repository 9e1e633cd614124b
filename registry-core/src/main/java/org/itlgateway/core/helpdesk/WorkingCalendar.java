package org.itlgateway.core.helpdesk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The secretariat's working days: every day but the weekend's and the listed holidays, both data (the file
 * {@code helpdesk/working-calendar.txt}: a {@code weekend:} line naming the days of the week not worked, then one
 * holiday a line, its date and its name).
 *
 * <p>The convention of the count: the day a query is received is day 0, whatever day it is; the count starts the
 * day after. "Within 15 working days" therefore means by the 15th working day after the day of receipt, that day
 * included ({@link #dueDate}). Days are calendar dates in UTC, as the injected clock gives them.
 */
public final class WorkingCalendar {

    private final Set<DayOfWeek> weekend;
    private final Map<LocalDate, String> holidays;

    public WorkingCalendar(Set<DayOfWeek> weekend, Map<LocalDate, String> holidays) {
        this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
        this.holidays = new TreeMap<>(holidays);
        if (this.weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("a working calendar needs at least one working day in the week");
        }
    }

    /** The calendar kept with the registry ({@code helpdesk/working-calendar.txt}). */
    public static WorkingCalendar standard() {
        return parse(HelpDeskData.lines("working-calendar.txt"));
    }

    /** Reads a calendar from the lines of its file. */
    public static WorkingCalendar parse(List<String> lines) {
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        Map<LocalDate, String> holidays = new TreeMap<>();
        for (String line : HelpDeskData.content(lines)) {
            if (line.startsWith("weekend:")) {
                for (String day : line.substring("weekend:".length()).trim().split("[\\s,]+")) {
                    if (!day.isEmpty()) {
                        weekend.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
                    }
                }
            } else {
                String[] dateAndName = line.split("\\s+", 2);
                holidays.put(LocalDate.parse(dateAndName[0]), dateAndName.length > 1 ? dateAndName[1] : "");
            }
        }
        return new WorkingCalendar(weekend, holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.containsKey(day);
    }

    /** The holiday's name on {@code day}, or null when it is none. */
    public String holiday(LocalDate day) {
        return holidays.get(day);
    }

    /** The {@code workingDays}-th working day after {@code received} (the day of receipt not counted). */
    public LocalDate dueDate(LocalDate received, int workingDays) {
        Objects.requireNonNull(received, "received");
        if (workingDays < 1) {
            throw new IllegalArgumentException("count at least one working day, not " + workingDays);
        }
        LocalDate day = received;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The working days after {@code from} up to and including {@code to}: 0 when {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int counted = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }
}
