package org.itlgateway.simulator.duties;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.itlgateway.core.account.AccountKind;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HoldingSnapshots;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.simulator.itl.TransactionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Impending tCER/lCER expiry notices (type 3), on the simulated calendar: once a simulated day, the ITL looks in its
 * mirror of each registry's holdings for tCERs and lCERs that expire within the lead time (the log parameter
 * {@code expiryNoticeLead}: from today to today plus the lead, both included), and tells the registry that holds them,
 * one notice per registry and expiry date, never twice (what was issued is kept in {@code itl_expiry_notice}, so a
 * restart does not issue it again). The notice names the blocks, their expiry date as its target date, their number
 * of units as its target quantity, and the unit type, commitment period and project when all the blocks share them.
 * Units in cancellation and replacement accounts are not counted: they are gone.
 */
public final class ExpiryNotices {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryNotices.class);

    private final UnitOfWork unitOfWork;
    private final HoldingSnapshots mirror;
    private final TransactionLog log;
    private final Supplier<List<RegistryCode>> registries;
    private final Supplier<Duration> lead;
    private final Clock clock;
    private LocalDate lastLooked;

    ExpiryNotices(UnitOfWork unitOfWork, HoldingSnapshots mirror, TransactionLog log,
                  Supplier<List<RegistryCode>> registries, Supplier<Duration> lead, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.mirror = mirror;
        this.log = log;
        this.registries = registries;
        this.lead = lead;
        this.clock = clock;
    }

    /** Issues what became due since the day it last looked (nothing when it looked today already); answers how many. */
    synchronized int runDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (today.equals(lastLooked)) {
            return 0;
        }
        LocalDate horizon = today.plusDays(lead.get().toDays());
        int issued = 0;
        for (RegistryCode registry : registries.get()) {
            issued += issueFor(registry, today, horizon);
        }
        lastLooked = today;
        return issued;
    }

    private int issueFor(RegistryCode registry, LocalDate today, LocalDate horizon) {
        return unitOfWork.run(connection -> {
            Map<LocalDate, List<HeldBlock>> expiring = new TreeMap<>();
            mirror.holdingsAsOf(registry, clock.instant(), piece -> {
                LocalDate expiry = piece.block().attributes().expiryDate();
                AccountKind kind = piece.account().type().kind();
                if (piece.block().unitType().isTemporary() && expiry != null && !expiry.isBefore(today)
                        && !expiry.isAfter(horizon) && kind != AccountKind.CANCELLATION
                        && kind != AccountKind.REPLACEMENT) {
                    expiring.computeIfAbsent(expiry, date -> new ArrayList<>()).add(piece);
                }
            });
            int issued = 0;
            for (Map.Entry<LocalDate, List<HeldBlock>> due : expiring.entrySet()) {
                if (!ExpiryNoticeRecords.issued(connection, registry, due.getKey())) {
                    Notice notice = issue(registry, due.getKey(), due.getValue());
                    ExpiryNoticeRecords.record(connection, registry, due.getKey(), notice.id(), clock.instant());
                    LOG.info("notice {}: {}'s tCERs or lCERs expire on {} ({} units)", notice.id(), registry, due.getKey(),
                            notice.targetQuantity());
                    issued++;
                }
            }
            return issued;
        });
    }

    private Notice issue(RegistryCode registry, LocalDate expiry, List<HeldBlock> pieces) {
        List<UnitAttributes> attributes = pieces.stream().map(piece -> piece.block().attributes()).toList();
        UnitType unitType = common(attributes.stream().map(UnitAttributes::unitType).toList());
        CommitmentPeriod period = common(attributes.stream().map(UnitAttributes::applicablePeriod).toList());
        Long project = common(attributes.stream().map(UnitAttributes::projectId).toList());
        long units = pieces.stream().mapToLong(piece -> piece.block().quantity()).sum();
        return log.issueNotice(registry, NoticeType.IMPENDING_TEMPORARY_CER_EXPIRY, project, period, unitType, units,
                expiry, pieces.stream().map(piece -> piece.block().id()).distinct().toList(),
                units + " " + (unitType == null ? "tCERs and lCERs" : unitType.label() + "s") + " held in " + registry
                        + " expire on " + expiry + ": replace them before");
    }

    /** The value every element has, or {@code null} when they differ. */
    private static <T> T common(List<T> values) {
        T first = values.get(0);
        return values.stream().allMatch(value -> java.util.Objects.equals(value, first)) ? first : null;
    }
}
