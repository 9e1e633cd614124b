package org.itlgateway.core.store.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.TransactionStatus;

/** A row of {@code transaction_status_changes}: one status a transaction reached, when, and why. */
@Entity
@Table(name = "transaction_status_changes")
public class StatusChangeRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "status_change_ids")
    @SequenceGenerator(name = "status_change_ids", sequenceName = "transaction_history_ids", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "transaction_id")
    private TransactionRow transaction;

    private int position;
    private int status;
    @Column(name = "changed_at")
    private Instant at;

    @OneToMany(mappedBy = "statusChange", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<EvaluationResultRow> results = new ArrayList<>();

    protected StatusChangeRow() {
    }

    static StatusChangeRow of(TransactionRow transaction, int position, StatusChange change) {
        StatusChangeRow row = new StatusChangeRow();
        row.transaction = transaction;
        row.position = position;
        row.status = change.status().code();
        row.at = change.at();
        for (int i = 0; i < change.results().size(); i++) {
            row.results.add(EvaluationResultRow.of(row, i, change.results().get(i)));
        }
        return row;
    }

    TransactionStatus status() {
        return TransactionStatus.fromCode(status);
    }

    StatusChange toStatusChange() {
        return new StatusChange(status(), at, results.stream().map(EvaluationResultRow::toResult).toList());
    }
}
