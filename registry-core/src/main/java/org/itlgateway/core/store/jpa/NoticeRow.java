package org.itlgateway.core.store.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;

/** A row of {@code notices}, with the unit blocks it names in {@code notice_blocks}. */
@Entity
@Table(name = "notices")
public class NoticeRow {

    @Id
    private long id;
    private int noticeType;
    private int status;
    private String registry;
    private Long projectId;
    private Integer period;
    private Integer unitType;
    private Long targetQuantity;
    private LocalDate targetDate;
    private Instant issuedAt;
    @Column(columnDefinition = "text")
    private String content;

    @ElementCollection
    @CollectionTable(name = "notice_blocks", joinColumns = @JoinColumn(name = "notice_id"))
    @OrderColumn(name = "position")
    private List<BlockIdColumns> blocks = new ArrayList<>();

    protected NoticeRow() {
    }

    public static NoticeRow of(Notice notice) {
        NoticeRow row = new NoticeRow();
        row.id = notice.id();
        row.noticeType = notice.type().code();
        row.status = notice.status().code();
        row.registry = notice.registry().value();
        row.projectId = notice.projectId();
        row.period = notice.period() == null ? null : notice.period().code();
        row.unitType = notice.unitType() == null ? null : notice.unitType().code();
        row.targetQuantity = notice.targetQuantity();
        row.targetDate = notice.targetDate();
        row.issuedAt = notice.issuedAt();
        row.content = notice.content();
        notice.blocks().forEach(block -> row.blocks.add(BlockIdColumns.of(block)));
        return row;
    }

    public Notice toNotice() {
        return new Notice(id, NoticeType.fromCode(noticeType), NoticeStatus.fromCode(status), RegistryCode.of(registry),
                projectId, period == null ? null : CommitmentPeriod.fromCode(period),
                unitType == null ? null : UnitType.fromCode(unitType), targetQuantity, targetDate, issuedAt,
                blocks.stream().map(BlockIdColumns::toId).toList(), content);
    }
}
