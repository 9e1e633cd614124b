package org.itlgateway.simulator.duties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.gateway.delivery.OutboundMessage;
import org.itlgateway.gateway.delivery.Outbox;
import org.itlgateway.gateway.messaging.AdministrativeMessage;
import org.itlgateway.gateway.wire.AdministrativeMessageMapping;
import org.itlgateway.simulator.duties.DutySchedules.Duty;

/**
 * The ITL's administrative messages (acceptMessage) to registries: now, or on a schedule of the simulated clock.
 * Each message is written to the ITL's outbox, which delivers it as it delivers everything else.
 */
public final class AdministrativeMessaging {

    private final String self;
    private final UnitOfWork unitOfWork;
    private final Supplier<List<RegistryCode>> registries;
    private final Clock clock;

    AdministrativeMessaging(String self, UnitOfWork unitOfWork, Supplier<List<RegistryCode>> registries, Clock clock) {
        this.self = self;
        this.unitOfWork = unitOfWork;
        this.registries = registries;
        this.clock = clock;
    }

    /**
     * Sends {@code text} to {@code registry}, or to every registry of the network when it is {@code null}, dated
     * {@code dateTime} (now when {@code null}); answers what went where.
     */
    public List<SentMessage> send(RegistryCode registry, String text, Instant dateTime) {
        AdministrativeMessage message = new AdministrativeMessage(dateTime == null ? clock.instant() : dateTime, text);
        List<RegistryCode> targets = registry == null ? registries.get() : List.of(registry);
        return unitOfWork.run(connection -> {
            List<SentMessage> sent = new ArrayList<>();
            for (RegistryCode target : targets) {
                Outbox.enqueue(connection, OutboundMessage.of(self, target.value(),
                        AdministrativeMessageMapping.toRegistry(message)), clock.instant());
                sent.add(new SentMessage(target, message.dateTime(), message.content()));
            }
            return sent;
        });
    }

    /**
     * Sends {@code text} to {@code registry} (every registry when {@code null}) every {@code every} of simulated time,
     * the first time {@code every} from now; setting it again for the same registry replaces it.
     */
    public Schedule schedule(RegistryCode registry, Duration every, String text) {
        new AdministrativeMessage(clock.instant(), text);
        Instant next = clock.instant().plus(every);
        String whom = registry == null ? DutySchedules.ALL : registry.value();
        unitOfWork.run(connection -> {
            DutySchedules.set(connection, Duty.MESSAGE, whom, every, next, text);
            return null;
        });
        return new Schedule(registry == null ? "all" : registry.value(), every.toString(), next, text);
    }

    /** Sends the scheduled messages that are due; answers how many went out. */
    int runDue() {
        return unitOfWork.run(connection -> {
            int sent = 0;
            for (DutySchedules.Due due : DutySchedules.takeDue(connection, Duty.MESSAGE, clock.instant())) {
                sent += send(DutySchedules.ALL.equals(due.registry()) ? null : RegistryCode.of(due.registry()),
                        due.content(), null).size();
            }
            return sent;
        });
    }
}
