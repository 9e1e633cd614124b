package org.itlgateway.core.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fifteen working days, counted from the day after receipt, across weekends and listed holidays. */
class WorkingCalendarTest {

    private static final WorkingCalendar WEEKENDS_ONLY = new WorkingCalendar(EnumSet.of(DayOfWeek.SATURDAY,
            DayOfWeek.SUNDAY), Map.of());
    private static final WorkingCalendar WITH_EASTER = WorkingCalendar.parse(List.of("# test calendar",
            "weekend: SATURDAY SUNDAY", "2016-03-25 Good Friday", "2016-03-28 Easter Monday"));

    @Test
    void theDayOfReceiptIsNotCounted() {
        assertEquals(LocalDate.of(2016, 1, 5), WEEKENDS_ONLY.dueDate(LocalDate.of(2016, 1, 4), 1));
    }

    @Test
    void aWorkingDayCountedFromAFridayFallsOnTheMondayAfterTheWeekend() {
        assertEquals(LocalDate.of(2016, 1, 11), WEEKENDS_ONLY.dueDate(LocalDate.of(2016, 1, 8), 1));
    }

    @Test
    void withinAWeekNoWeekendIsSkipped() {
        assertEquals(LocalDate.of(2016, 1, 7), WEEKENDS_ONLY.dueDate(LocalDate.of(2016, 1, 4), 3));
    }

    @Test
    void aQueryReceivedOnASaturdayIsCountedFromTheMonday() {
        assertEquals(LocalDate.of(2016, 1, 11), WEEKENDS_ONLY.dueDate(LocalDate.of(2016, 1, 9), 1));
    }

    @Test
    void fifteenWorkingDaysAcrossTwoWeekendsAndThreeWeeks() {
        assertEquals(LocalDate.of(2016, 1, 25), WEEKENDS_ONLY.dueDate(LocalDate.of(2016, 1, 4), 15));
    }

    @Test
    void aListedHolidayIsSkipped() {
        assertEquals(LocalDate.of(2016, 3, 29), WITH_EASTER.dueDate(LocalDate.of(2016, 3, 24), 1));
        assertFalse(WITH_EASTER.isWorkingDay(LocalDate.of(2016, 3, 25)));
        assertEquals("Good Friday", WITH_EASTER.holiday(LocalDate.of(2016, 3, 25)));
    }

    @Test
    void aDayNotListedAsAHolidayIsWorked() {
        assertEquals(LocalDate.of(2016, 3, 25), WEEKENDS_ONLY.dueDate(LocalDate.of(2016, 3, 24), 1));
        assertTrue(WEEKENDS_ONLY.isWorkingDay(LocalDate.of(2016, 3, 25)));
    }

    @Test
    void fifteenWorkingDaysAcrossEasterOnTheSecretariatsCalendar() {
        WorkingCalendar secretariat = WorkingCalendar.standard();

        assertEquals(LocalDate.of(2016, 4, 13), secretariat.dueDate(LocalDate.of(2016, 3, 21), 15));
        assertEquals(LocalDate.of(2016, 4, 11), WEEKENDS_ONLY.dueDate(LocalDate.of(2016, 3, 21), 15));
    }

    @Test
    void theWorkingDaysTakenCountTheDaysAfterReceiptUpToTheAnswer() {
        assertEquals(0, WITH_EASTER.workingDaysBetween(LocalDate.of(2016, 3, 24), LocalDate.of(2016, 3, 24)));
        assertEquals(0, WITH_EASTER.workingDaysBetween(LocalDate.of(2016, 3, 24), LocalDate.of(2016, 3, 28)));
        assertEquals(1, WITH_EASTER.workingDaysBetween(LocalDate.of(2016, 3, 24), LocalDate.of(2016, 3, 29)));
        assertEquals(15, WITH_EASTER.workingDaysBetween(LocalDate.of(2016, 3, 21), LocalDate.of(2016, 4, 13)));
    }
}
