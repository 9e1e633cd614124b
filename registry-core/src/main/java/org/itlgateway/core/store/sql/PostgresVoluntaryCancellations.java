package org.itlgateway.core.store.sql;

import static org.itlgateway.core.store.sql.RecordColumns.ACCOUNT_WIDTH;
import static org.itlgateway.core.store.sql.RecordColumns.BLOCK;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.cdm.Attestation;
import org.itlgateway.core.cdm.VoluntaryCancellation;
import org.itlgateway.core.cdm.VoluntaryCancellations;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.UnitBlock;

/**
 * The voluntary cancellations asked of the CDM registry in {@code cdm_voluntary_cancellations}, and the
 * attestations made for them in {@code cdm_attestations} with their units in {@code cdm_attestation_blocks}.
 * An attestation is kept exactly as it was made, fingerprint included, so it reads back equal and still
 * verifies. Saving a cancellation again replaces it and its attestation together. Each call joins the running
 * unit of work or runs in its own.
 */
public final class PostgresVoluntaryCancellations implements VoluntaryCancellations {

    private static final String ATTESTATION = """
            a.transaction_id, a.cancelled_at, a.cancelled_from_registry, a.cancelled_from_type,
            a.cancelled_from_identifier, a.cancelled_from_period, a.cancellation_account_registry,
            a.cancellation_account_type, a.cancellation_account_identifier, a.cancellation_account_period,
            a.purpose, a.beneficiary, a.fingerprint""";
    private static final String BY_TRANSACTION = "SELECT c.transaction_id, c.purpose, c.beneficiary, c.requested_at, "
            + ATTESTATION + """
             FROM cdm_voluntary_cancellations c LEFT JOIN cdm_attestations a ON a.transaction_id = c.transaction_id
            WHERE c.transaction_id = ?""";
    private static final String ALL_ATTESTATIONS = "SELECT " + ATTESTATION
            + " FROM cdm_attestations a ORDER BY a.cancelled_at, a.transaction_id";
    private static final String BLOCKS_OF = "SELECT " + BLOCK
            + " FROM cdm_attestation_blocks WHERE transaction_id = ? ORDER BY position";
    private static final String ALL_BLOCKS = "SELECT transaction_id, " + BLOCK
            + " FROM cdm_attestation_blocks ORDER BY transaction_id, position";
    private static final String SAVE = """
            INSERT INTO cdm_voluntary_cancellations (transaction_id, purpose, beneficiary, requested_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (transaction_id) DO UPDATE SET
               purpose = EXCLUDED.purpose, beneficiary = EXCLUDED.beneficiary, requested_at = EXCLUDED.requested_at""";
    private static final String FORGET_ATTESTATION = "DELETE FROM cdm_attestations WHERE transaction_id = ?";
    private static final String ATTEST = """
            INSERT INTO cdm_attestations (transaction_id, cancelled_at, cancelled_from_registry, cancelled_from_type,
                cancelled_from_identifier, cancelled_from_period, cancellation_account_registry,
                cancellation_account_type, cancellation_account_identifier, cancellation_account_period, purpose,
                beneficiary, fingerprint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String ATTEST_BLOCK = "INSERT INTO cdm_attestation_blocks (transaction_id, position, " + BLOCK
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Comparator<Attestation> AS_COMPLETED =
            Comparator.comparing(Attestation::cancelledAt).thenComparing(Attestation::transaction);

    private final Database database;

    public PostgresVoluntaryCancellations(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<VoluntaryCancellation> find(TransactionId transaction) {
        return database.call(() -> {
            Optional<VoluntaryCancellation> read = Statements.query(database, BY_TRANSACTION,
                    s -> s.setString(1, transaction.toString()), row -> {
                        VoluntaryCancellation asked = new VoluntaryCancellation(TransactionId.parse(row.getString(1)),
                                row.getString(2), row.getString(3), RecordColumns.readInstant(row, 4), null);
                        return row.getString(5) == null ? asked : asked.attested(readAttestation(row, 5, List.of()));
                    }).stream().findFirst();
            return read.map(asked -> asked.attestation() == null ? asked
                    : asked.attested(withBlocks(asked.attestation(), blocksOf(transaction))));
        });
    }

    @Override
    public List<Attestation> attestations() {
        return database.call(() -> {
            Map<String, List<UnitBlock>> blocks = new LinkedHashMap<>();
            for (AttestedBlock attested : Statements.query(database, ALL_BLOCKS, s -> { },
                    row -> new AttestedBlock(row.getString(1), RecordColumns.readBlock(row, 2)))) {
                blocks.computeIfAbsent(attested.transaction(), t -> new ArrayList<>()).add(attested.block());
            }
            return Statements.query(database, ALL_ATTESTATIONS, s -> { },
                            row -> readAttestation(row, 1, blocks.getOrDefault(row.getString(1), List.of())))
                    .stream()
                    .sorted(AS_COMPLETED)
                    .toList();
        });
    }

    /** Adds or replaces a voluntary cancellation; its attestation, when it has one, is of the same transaction. */
    @Override
    public void save(VoluntaryCancellation cancellation) {
        Attestation attestation = cancellation.attestation();
        if (attestation != null && !attestation.transaction().equals(cancellation.transaction())) {
            throw new IllegalArgumentException("the attestation of " + cancellation.transaction()
                    + " is of that transaction, not of " + attestation.transaction());
        }
        String transaction = cancellation.transaction().toString();
        database.run(() -> {
            Statements.update(database, SAVE, statement -> {
                statement.setString(1, transaction);
                statement.setString(2, cancellation.purpose());
                statement.setString(3, cancellation.beneficiary());
                RecordColumns.bindInstant(statement, 4, cancellation.requestedAt());
            });
            Statements.update(database, FORGET_ATTESTATION, statement -> statement.setString(1, transaction));
            if (attestation != null) {
                attest(transaction, attestation);
            }
        });
    }

    private void attest(String transaction, Attestation attestation) {
        Statements.update(database, ATTEST, statement -> {
            statement.setString(1, transaction);
            RecordColumns.bindInstant(statement, 2, attestation.cancelledAt());
            int i = RecordColumns.bindAccount(statement, 3, attestation.cancelledFrom());
            i = RecordColumns.bindAccount(statement, i, attestation.cancellationAccount());
            statement.setString(i++, attestation.purpose());
            statement.setString(i++, attestation.beneficiary());
            statement.setString(i, attestation.fingerprint());
        });
        database.session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ATTEST_BLOCK)) {
                List<UnitBlock> blocks = attestation.blocks();
                for (int position = 0; position < blocks.size(); position++) {
                    statement.setString(1, transaction);
                    statement.setInt(2, position);
                    RecordColumns.bindBlock(statement, 3, blocks.get(position));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    private List<UnitBlock> blocksOf(TransactionId transaction) {
        return Statements.query(database, BLOCKS_OF, s -> s.setString(1, transaction.toString()),
                row -> RecordColumns.readBlock(row, 1));
    }

    private static Attestation withBlocks(Attestation read, List<UnitBlock> blocks) {
        return new Attestation(read.transaction(), read.cancelledAt(), read.cancelledFrom(), read.cancellationAccount(),
                blocks, read.purpose(), read.beneficiary(), read.fingerprint());
    }

    /** Reads the attestation in the thirteen columns starting at {@code index}, with the blocks given. */
    private static Attestation readAttestation(ResultSet row, int index, List<UnitBlock> blocks) throws SQLException {
        int i = index;
        TransactionId transaction = TransactionId.parse(row.getString(i++));
        Instant cancelledAt = RecordColumns.readInstant(row, i++);
        AccountRef cancelledFrom = RecordColumns.readAccount(row, i);
        i += ACCOUNT_WIDTH;
        AccountRef cancellationAccount = RecordColumns.readAccount(row, i);
        i += ACCOUNT_WIDTH;
        return new Attestation(transaction, cancelledAt, cancelledFrom, cancellationAccount, blocks,
                row.getString(i), row.getString(i + 1), row.getString(i + 2));
    }

    /** One unit block of an attestation, as read from {@code cdm_attestation_blocks}. */
    private record AttestedBlock(String transaction, UnitBlock block) {
    }
}
