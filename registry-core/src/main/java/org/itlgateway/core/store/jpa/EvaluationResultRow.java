package org.itlgateway.core.store.jpa;

import java.util.ArrayList;
import java.util.List;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** A row of {@code evaluation_results}: a response code attached to a status, with the blocks it names. */
@Entity
@Table(name = "evaluation_results")
public class EvaluationResultRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evaluation_result_ids")
    @SequenceGenerator(name = "evaluation_result_ids", sequenceName = "transaction_history_ids", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "status_change_id")
    private StatusChangeRow statusChange;

    private int position;
    private int responseCode;
    @Column(columnDefinition = "text")
    private String description;

    @ElementCollection
    @CollectionTable(name = "evaluation_result_blocks", joinColumns = @JoinColumn(name = "evaluation_result_id"))
    @OrderColumn(name = "position")
    private List<BlockIdColumns> blocks = new ArrayList<>();

    protected EvaluationResultRow() {
    }

    static EvaluationResultRow of(StatusChangeRow statusChange, int position, EvaluationResult result) {
        EvaluationResultRow row = new EvaluationResultRow();
        row.statusChange = statusChange;
        row.position = position;
        row.responseCode = result.code().code();
        row.description = result.description();
        result.blocks().forEach(block -> row.blocks.add(BlockIdColumns.of(block)));
        return row;
    }

    EvaluationResult toResult() {
        return new EvaluationResult(ResponseCode.fromCode(responseCode),
                blocks.stream().map(BlockIdColumns::toId).toList(), description);
    }
}
