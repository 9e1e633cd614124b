package org.itlgateway.gateway.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;

/**
 * The CDM registry's gateway as the console tests run it: its own schema, its operator API (and console) on a free
 * port with a token, the ITL played over signed SOAP ({@link PlayedItl}), and its work done in the background, as in
 * production; its clock stands in September 2016.
 */
final class ConsoleRegistry implements AutoCloseable {

    static final String TOKEN = "console-operator-token";
    static final long PROJECT = 1234;

    final MutableClock clock = new MutableClock(Instant.parse("2016-09-01T09:00:00Z"));
    final String schema = TestDatabase.freshSchemaName();
    final PlayedItl itl = new PlayedItl(clock);
    final RegistryGateway gateway;

    ConsoleRegistry() {
        String endpoint = "http://127.0.0.1:" + FreePorts.next() + "/registry";
        itl.notifying("CDM", endpoint);
        gateway = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.CDM, endpoint, itl.address(),
                new SigningSettings(TestPki.credential("CDM"), TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)),
                DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema(schema).withPoolSize(4),
                "127.0.0.1", 0, Duration.ofSeconds(10), Duration.ofHours(24), false,
                List.of(new Project(PROJECT, "Console test wind farm", RegistryCode.of("IN"), false, ProjectCategory.OTHER,
                        null, false, LocalDate.of(2012, 5, 2))), null, TOKEN), clock);
    }

    /** Does the registry's work in the background, as a gateway in production does. */
    ConsoleRegistry working() {
        gateway.startLoops(Duration.ofMillis(100));
        return this;
    }

    /** Where the operator API and its console answer, e.g. {@code http://127.0.0.1:8081}. */
    String address() {
        return gateway.operatorAddress();
    }

    @Override
    public void close() {
        gateway.close();
        itl.close();
    }
}
