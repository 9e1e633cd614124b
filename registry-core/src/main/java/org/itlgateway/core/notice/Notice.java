package org.itlgateway.core.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;

/**
 * An ITL notice: the log asks a registry to act (cancel, replace, carry over ...) by a target date; the
 * registry fulfils it with transactions that carry the notice's identifier.
 */
public record Notice(long id, NoticeType type, NoticeStatus status, RegistryCode registry, Long projectId,
                     CommitmentPeriod period, UnitType unitType, Long targetQuantity, LocalDate targetDate,
                     Instant issuedAt, List<UnitBlockId> blocks, String content) {

    public Notice {
        Objects.requireNonNull(type, "notice type");
        Objects.requireNonNull(status, "notice status");
        Objects.requireNonNull(registry, "registry");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        content = content == null ? "" : content;
    }

    /** Whether it is still to be fulfilled: open, or incomplete. */
    public boolean isOpen() {
        return status == NoticeStatus.OPEN || status == NoticeStatus.INCOMPLETE;
    }

    public Notice withStatus(NoticeStatus newStatus) {
        return new Notice(id, type, newStatus, registry, projectId, period, unitType, targetQuantity, targetDate,
                issuedAt, blocks, content);
    }
}
