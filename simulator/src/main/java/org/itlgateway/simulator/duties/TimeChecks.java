package org.itlgateway.simulator.duties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.gateway.transport.RegistryTimeQuery;
import org.itlgateway.gateway.transport.RegistryTimeQuery.RegistryTime;
import org.itlgateway.simulator.duties.DutySchedules.Duty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ITL's time checks: it asks a registry's time (provideTime, a signed query answered in the receipt), compares it
 * with its own clock (the middle of the round trip) and records the offset. A registry whose clock differs by more
 * than {@link #TOLERANCE} is flagged, and the log says so; one that cannot be asked is recorded as unreachable.
 * On request, or for every registry on a schedule of the simulated clock.
 */
public final class TimeChecks implements AutoCloseable {

    /**
     * How far a registry's clock may be from the ITL's: the 5 seconds a registry allows a reconciliation's snapshot
     * time to be ahead of its clock (6008), the margin the DES's clocks are meant to keep.
     */
    public static final Duration TOLERANCE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(TimeChecks.class);

    private final UnitOfWork unitOfWork;
    private final Supplier<List<RegistryCode>> registries;
    private final Function<RegistryCode, RegistryTimeQuery> queries;
    private final Map<RegistryCode, RegistryTimeQuery> clients = new ConcurrentHashMap<>();
    private final Clock clock;

    TimeChecks(UnitOfWork unitOfWork, Supplier<List<RegistryCode>> registries,
               Function<RegistryCode, RegistryTimeQuery> queries, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.registries = registries;
        this.queries = queries;
        this.clock = clock;
    }

    /** Checks the time of {@code registry}, or of every registry of the network when it is {@code null}. */
    public List<TimeCheck> check(RegistryCode registry) {
        List<TimeCheck> checks = new ArrayList<>();
        for (RegistryCode target : registry == null ? registries.get() : List.of(registry)) {
            checks.add(checkOne(target));
        }
        return checks;
    }

    /** A registry's time checks, latest first, at most {@code limit}. */
    public List<TimeCheck> ofRegistry(RegistryCode registry, int limit) {
        return unitOfWork.run(connection -> TimeCheckRecords.ofRegistry(connection, registry, limit));
    }

    /** Checks every registry's time every {@code every} of simulated time, the first time {@code every} from now. */
    public Schedule schedule(Duration every) {
        Instant next = clock.instant().plus(every);
        unitOfWork.run(connection -> {
            DutySchedules.set(connection, Duty.TIME_CHECK, DutySchedules.ALL, every, next, null);
            return null;
        });
        return new Schedule("all", every.toString(), next, null);
    }

    /** Runs the scheduled time checks that are due (asking each registry outside any unit of work); answers how many. */
    int runDue() {
        List<DutySchedules.Due> due = unitOfWork.run(connection ->
                DutySchedules.takeDue(connection, Duty.TIME_CHECK, clock.instant()));
        int checked = 0;
        for (DutySchedules.Due schedule : due) {
            checked += check(DutySchedules.ALL.equals(schedule.registry()) ? null : RegistryCode.of(schedule.registry()))
                    .size();
        }
        return checked;
    }

    private TimeCheck checkOne(RegistryCode registry) {
        Instant askedAt = clock.instant();
        Optional<RegistryTime> answer = clients.computeIfAbsent(registry, queries).ask();
        if (answer.isEmpty()) {
            LOG.info("time check: {} could not be asked its time", registry);
            return unitOfWork.run(connection -> TimeCheckRecords.insert(connection, registry, askedAt, null, null, false));
        }
        RegistryTime time = answer.get();
        boolean flagged = time.offset().abs().compareTo(TOLERANCE) > 0;
        if (flagged) {
            LOG.warn("time check: {}'s clock is {} ms from the ITL's, beyond the tolerance of {}", registry,
                    time.offset().toMillis(), TOLERANCE);
        }
        return unitOfWork.run(connection -> TimeCheckRecords.insert(connection, registry, time.askedAt(),
                time.registryTime(), time.offset().toMillis(), flagged));
    }

    @Override
    public void close() {
        clients.values().forEach(RegistryTimeQuery::close);
        clients.clear();
    }
}
