package org.itlgateway.gateway.wire;

import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.schemas.v1.types.DesItlNotice;
import org.itlgateway.schemas.v1.types.DesUnitBlockIdentifier;
import org.itlgateway.schemas.v1.types.DesUnitBlockIdentifierList;

/** ITL notices between the wire and the domain. */
public final class NoticeMapping {

    private NoticeMapping() {
    }

    public static DesItlNotice toWire(Notice notice) {
        DesItlNotice wire = new DesItlNotice();
        wire.setNotificationIdentifier(notice.id());
        wire.setNotificationType(notice.type().code());
        wire.setNotificationStatus(notice.status().code());
        if (notice.projectId() != null) {
            wire.setProjectIdentifier(notice.projectId().intValue());
        }
        if (notice.period() != null) {
            wire.setCommitPeriod(notice.period().code());
        }
        if (notice.unitType() != null) {
            wire.setUnitType(notice.unitType().code());
        }
        wire.setTargetValue(notice.targetQuantity());
        wire.setTargetDate(notice.targetDate());
        wire.setMessageDate(notice.issuedAt());
        wire.setMessageContent(notice.content().isEmpty() ? null : notice.content());
        if (!notice.blocks().isEmpty()) {
            DesUnitBlockIdentifierList blocks = new DesUnitBlockIdentifierList();
            notice.blocks().forEach(block -> blocks.getUnitBlockIdentifier().add(ResultMapping.toWire(block)));
            wire.setUnitBlockIdentifiers(blocks);
        }
        return wire;
    }

    /** The notice as the registry it is addressed to records it. */
    public static Notice fromWire(DesItlNotice wire, RegistryCode addressee) {
        List<UnitBlockId> blocks = new ArrayList<>();
        if (wire.getUnitBlockIdentifiers() != null) {
            for (DesUnitBlockIdentifier id : wire.getUnitBlockIdentifiers().getUnitBlockIdentifier()) {
                blocks.add(ResultMapping.fromWire(id));
            }
        }
        return new Notice(wire.getNotificationIdentifier(), NoticeType.fromCode(wire.getNotificationType()),
                NoticeStatus.fromCode(wire.getNotificationStatus()), addressee,
                wire.getProjectIdentifier() == null ? null : wire.getProjectIdentifier().longValue(),
                wire.getCommitPeriod() == null ? null : CommitmentPeriod.fromCode(wire.getCommitPeriod()),
                wire.getUnitType() == null ? null : UnitType.fromCode(wire.getUnitType()), wire.getTargetValue(),
                wire.getTargetDate(), wire.getMessageDate(), blocks, wire.getMessageContent());
    }
}
