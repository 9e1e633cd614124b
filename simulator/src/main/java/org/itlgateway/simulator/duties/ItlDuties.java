package org.itlgateway.simulator.duties;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.itlgateway.core.holding.HoldingSnapshots;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.transport.RegistryTimeQuery;
import org.itlgateway.simulator.itl.TransactionLog;

/**
 * What the ITL does by itself, besides its transactions and reconciliations: administrative messages to registries,
 * checks of their clocks, and impending tCER/lCER expiry notices, each on the simulated clock. Its tables are in the
 * ITL's schema ({@code db/duties}).
 */
public final class ItlDuties implements AutoCloseable {

    private final AdministrativeMessaging messages;
    private final TimeChecks timeChecks;
    private final ExpiryNotices expiryNotices;

    private ItlDuties(AdministrativeMessaging messages, TimeChecks timeChecks, ExpiryNotices expiryNotices) {
        this.messages = messages;
        this.timeChecks = timeChecks;
        this.expiryNotices = expiryNotices;
    }

    /**
     * @param self        the ITL's node code
     * @param database    the ITL's database
     * @param mirror      the ITL's mirror of the registries' holdings
     * @param log         the ITL's transaction log, which issues and follows notices
     * @param registries  the registries "all" covers: every registry of the network
     * @param timeQueries a provideTime client of a registry, signed by the ITL
     * @param expiryLead  how long before tCERs and lCERs expire their registry is told (the log's parameter now)
     */
    public static ItlDuties start(String self, Database database, HoldingSnapshots mirror, TransactionLog log,
                                  Supplier<List<RegistryCode>> registries,
                                  Function<RegistryCode, RegistryTimeQuery> timeQueries, Supplier<Duration> expiryLead,
                                  Clock clock) {
        DutiesSchema.migrate(database.dataSource(), database.schema());
        UnitOfWork unitOfWork = new UnitOfWork(database);
        return new ItlDuties(new AdministrativeMessaging(self, unitOfWork, registries, clock),
                new TimeChecks(unitOfWork, registries, timeQueries, clock),
                new ExpiryNotices(unitOfWork, mirror, log, registries, expiryLead, clock));
    }

    public AdministrativeMessaging messages() {
        return messages;
    }

    public TimeChecks timeChecks() {
        return timeChecks;
    }

    /** The ITL's periodic duty: what became due of each; answers how much was done. */
    public int runDue() {
        return messages.runDue() + timeChecks.runDue() + expiryNotices.runDue();
    }

    @Override
    public void close() {
        timeChecks.close();
    }
}
