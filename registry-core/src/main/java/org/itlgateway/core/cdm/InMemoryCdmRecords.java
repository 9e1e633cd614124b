package org.itlgateway.core.cdm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;

/**
 * The CDM registry's own records kept in memory, for tests and demonstrations: issuances, project tallies,
 * voluntary cancellations and temporary holding accounts. Not thread-safe.
 */
public final class InMemoryCdmRecords {

    private final Map<TransactionId, Issuance> issuances = new LinkedHashMap<>();
    private final Map<Long, ProjectTally> tallies = new TreeMap<>();
    private final Map<TransactionId, VoluntaryCancellation> cancellations = new LinkedHashMap<>();
    private final Map<AccountRef, TemporaryHoldingAccount> temporaryAccounts = new LinkedHashMap<>();

    public Issuances issuances() {
        return new Issuances() {
            @Override
            public Optional<Issuance> find(TransactionId issuance) {
                return Optional.ofNullable(issuances.get(issuance));
            }

            @Override
            public Optional<Issuance> findByShareOfProceedsTransaction(TransactionId shareOfProceeds) {
                return issuances.values().stream()
                        .filter(i -> Objects.equals(i.shareOfProceedsTransaction(), shareOfProceeds)).findFirst();
            }

            @Override
            public List<Issuance> withShareOfProceedsUnsettled() {
                return issuances.values().stream().filter(i -> !i.shareOfProceedsSettled()).toList();
            }

            @Override
            public void save(Issuance issuance) {
                issuances.put(issuance.transaction(), issuance);
            }
        };
    }

    public ProjectTallies tallies() {
        return new ProjectTallies() {
            @Override
            public Optional<ProjectTally> find(long projectId) {
                return Optional.ofNullable(tallies.get(projectId));
            }

            @Override
            public List<ProjectTally> all() {
                return new ArrayList<>(tallies.values());
            }

            @Override
            public void save(ProjectTally tally) {
                tallies.put(tally.projectId(), tally);
            }
        };
    }

    public VoluntaryCancellations voluntaryCancellations() {
        return new VoluntaryCancellations() {
            @Override
            public Optional<VoluntaryCancellation> find(TransactionId transaction) {
                return Optional.ofNullable(cancellations.get(transaction));
            }

            @Override
            public List<Attestation> attestations() {
                return cancellations.values().stream()
                        .map(VoluntaryCancellation::attestation)
                        .filter(Objects::nonNull)
                        .sorted(Comparator.comparing(Attestation::cancelledAt).thenComparing(Attestation::transaction))
                        .toList();
            }

            @Override
            public void save(VoluntaryCancellation cancellation) {
                cancellations.put(cancellation.transaction(), cancellation);
            }
        };
    }

    public TemporaryHoldingAccounts temporaryHoldingAccounts() {
        return new TemporaryHoldingAccounts() {
            @Override
            public Optional<TemporaryHoldingAccount> find(AccountRef account) {
                return Optional.ofNullable(temporaryAccounts.get(account));
            }

            @Override
            public List<TemporaryHoldingAccount> forDestinationRegistry(RegistryCode registry) {
                return temporaryAccounts.values().stream()
                        .filter(t -> t.destination().registry().equals(registry))
                        .sorted(Comparator.comparingLong(t -> t.account().identifier()))
                        .toList();
            }

            @Override
            public void save(TemporaryHoldingAccount account) {
                temporaryAccounts.put(account.account(), account);
            }
        };
    }
}
