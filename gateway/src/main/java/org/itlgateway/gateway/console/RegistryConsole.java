package org.itlgateway.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.gateway.http.Pages;
import org.itlgateway.gateway.operator.OperatorServices;

/**
 * The registry console: web pages served by a registry's operator API on its own port, under {@code /console}
 * ({@code docs/console.md}). Signing in takes the API's token and opens a session; the pages call what the API's
 * routes call.
 */
public final class RegistryConsole {

    /** Where the console is on the operator API's port. */
    public static final String PREFIX = "/console";
    /** How long a session lasts unused. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** The most sessions open at once. */
    static final int MOST_SESSIONS = 64;

    private RegistryConsole() {
    }

    /**
     * The console's pages for the registry {@code services} works on; sessions expire on {@code clock} (the real
     * time, whatever date a simulated registry's clock says).
     */
    public static Pages pages(OperatorServices services, Clock clock) {
        ConsoleSessions sessions = new ConsoleSessions(clock, IDLE, MOST_SESSIONS, PREFIX);
        ConsoleLayout layout = new ConsoleLayout(PREFIX, services.code() + " registry console", menu(services.isCdm()));
        ConsoleAccess access = new ConsoleAccess() {
            @Override
            public boolean requiresToken() {
                return services.requiresToken();
            }

            @Override
            public boolean accepts(String presented) {
                return services.acceptsToken(presented);
            }

            @Override
            public boolean secure() {
                return services.speaksTls();
            }
        };
        return new Pages(PREFIX, List.of(new SignIn(access, sessions, layout), new ConsoleFiles(),
                new RegistryPages(services, sessions, layout)), List.of(new ConsoleGuard(PREFIX, sessions, layout)));
    }

    private static List<ConsoleLayout.Link> menu(boolean cdm) {
        List<ConsoleLayout.Link> menu = new ArrayList<>(List.of(
                new ConsoleLayout.Link("Registry", PREFIX + "/"),
                new ConsoleLayout.Link("Transactions", PREFIX + "/transactions"),
                new ConsoleLayout.Link("Propose", PREFIX + "/propose"),
                new ConsoleLayout.Link("Notices", PREFIX + "/notices"),
                new ConsoleLayout.Link("Messages", PREFIX + "/messages"),
                new ConsoleLayout.Link("Reconciliations", PREFIX + "/reconciliations"),
                new ConsoleLayout.Link("Dead letters", PREFIX + "/dead-letters")));
        if (cdm) {
            menu.add(new ConsoleLayout.Link("Help desk", PREFIX + "/help-desk"));
        }
        return menu;
    }
}
