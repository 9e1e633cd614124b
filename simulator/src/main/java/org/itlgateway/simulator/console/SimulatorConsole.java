package org.itlgateway.simulator.console;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.itlgateway.gateway.console.ConsoleAccess;
import org.itlgateway.gateway.console.ConsoleFiles;
import org.itlgateway.gateway.console.ConsoleGuard;
import org.itlgateway.gateway.console.ConsoleLayout;
import org.itlgateway.gateway.console.ConsoleSessions;
import org.itlgateway.gateway.console.SignIn;
import org.itlgateway.gateway.http.Pages;
import org.itlgateway.simulator.network.Network;

/**
 * The simulator's console: web pages served by the control API on its own port, under {@code /console}
 * ({@code docs/console.md}). It takes the control API's access rule: no token, requests addressed to this API by a
 * name that cannot be rebound and not from another origin (the API's browser rules); signing in opens a session
 * whose CSRF token every form carries. The pages work on the network as the control API's routes do.
 */
public final class SimulatorConsole {

    /** Where the console is on the control API's port. */
    public static final String PREFIX = "/console";
    /** How long a session lasts unused. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** The most sessions open at once. */
    static final int MOST_SESSIONS = 64;

    private SimulatorConsole() {
    }

    /**
     * The console's pages for {@code network}; sessions expire on {@code clock} (the real time, whatever date the
     * network plays). {@code secure}: the control API speaks TLS, so the session's cookie goes over TLS only.
     */
    public static Pages pages(Network network, Clock clock, boolean secure) {
        ConsoleSessions sessions = new ConsoleSessions(clock, IDLE, MOST_SESSIONS, PREFIX);
        ConsoleLayout layout = new ConsoleLayout(PREFIX, "Simulator console", List.of(
                new ConsoleLayout.Link("Network", PREFIX + "/"),
                new ConsoleLayout.Link("Clock", PREFIX + "/clock"),
                new ConsoleLayout.Link("Faults", PREFIX + "/faults"),
                new ConsoleLayout.Link("Journal", PREFIX + "/journal"),
                new ConsoleLayout.Link("Reconciliations", PREFIX + "/reconciliations"),
                new ConsoleLayout.Link("Notices", PREFIX + "/notices"),
                new ConsoleLayout.Link("Certificates", PREFIX + "/certificates")));
        ConsoleAccess access = new ConsoleAccess() {
            @Override
            public boolean requiresToken() {
                return false;
            }

            @Override
            public boolean accepts(String presented) {
                return true;
            }

            @Override
            public boolean secure() {
                return secure;
            }
        };
        return new Pages(PREFIX, List.of(new SignIn(access, sessions, layout), new ConsoleFiles(),
                new SimulatorPages(network, sessions, layout)), List.of(new ConsoleGuard(PREFIX, sessions, layout)));
    }
}
