package org.itlgateway.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.itlgateway.gateway.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The console's sessions: random, each with a CSRF token of its own, ended by their idle time on the clock. */
class ConsoleSessionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-14T09:00:00Z"));
    private final ConsoleSessions sessions = new ConsoleSessions(clock, Duration.ofMinutes(30), 3, "/console");

    @Test
    void aSessionLastsItsIdleTimeFromItsLastUseOnTheClock() {
        ConsoleSessions.Opened opened = sessions.open();

        clock.set(Instant.parse("2024-03-14T09:29:59Z"));
        assertTrue(sessions.find(opened.id()).isPresent(), "used before its idle time is over");
        clock.set(Instant.parse("2024-03-14T09:59:58Z"));
        assertTrue(sessions.find(opened.id()).isPresent(), "each use makes it last again");
        clock.set(Instant.parse("2024-03-14T10:29:58Z"));
        assertFalse(sessions.find(opened.id()).isPresent(), "left unused for 30 minutes, it ended");
    }

    @Test
    void eachSessionHasItsOwnRandomIdentifierAndCsrfToken() {
        ConsoleSessions.Opened one = sessions.open();
        ConsoleSessions.Opened other = sessions.open();

        assertNotEquals(one.id(), other.id());
        assertNotEquals(one.session().csrf(), other.session().csrf());
        assertEquals(43, one.id().length(), "32 random bytes, base64url");
        assertTrue(one.session().isCsrf(one.session().csrf()));
        assertFalse(one.session().isCsrf(other.session().csrf()));
        assertFalse(one.session().isCsrf(null));
        assertFalse(sessions.find(one.session().csrf()).isPresent(), "the CSRF token is no session identifier");
    }

    @Test
    void signingOutEndsTheSessionAndTheCookieIsForgotten() {
        ConsoleSessions.Opened opened = sessions.open();

        sessions.close(opened.id());

        assertFalse(sessions.find(opened.id()).isPresent());
        assertEquals("itl-console=; Path=/console; HttpOnly; SameSite=Strict; Secure; Max-Age=0", sessions.forgetting(true));
        assertEquals("itl-console=" + opened.id() + "; Path=/console; HttpOnly; SameSite=Strict; Max-Age=1800",
                sessions.cookie(opened, false));
    }

    @Test
    void pastTheMostSessionsTheOneClosestToItsEndGivesWay() {
        ConsoleSessions.Opened oldest = sessions.open();
        clock.set(Instant.parse("2024-03-14T09:01:00Z"));
        ConsoleSessions.Opened second = sessions.open();
        ConsoleSessions.Opened third = sessions.open();

        ConsoleSessions.Opened fourth = sessions.open();

        assertFalse(sessions.find(oldest.id()).isPresent());
        assertTrue(sessions.find(second.id()).isPresent() && sessions.find(third.id()).isPresent()
                && sessions.find(fourth.id()).isPresent());
    }
}
