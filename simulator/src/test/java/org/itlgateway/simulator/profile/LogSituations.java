package org.itlgateway.simulator.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.Holdings;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.Notices;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.Registries;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.simulator.network.ReferenceData;

/**
 * What a log knows when it runs its profile rules, for the tests of the rules as data: Germany and France are EU
 * registries, Japan and New Zealand are not, and the projects are the network's reference table
 * ({@code reference/projects.json}) with a compliant large hydro project of our own. Proposals are CDM transfers of
 * CERs (or tCERs, lCERs) of one project each.
 */
final class LogSituations {

    static final long WIND = 1234;
    static final long HFC23 = 115;
    static final long ADIPIC_ACID = 116;
    static final long LARGE_HYDRO = 2207;
    static final long SMALL_HYDRO = 2208;
    static final long COOKSTOVES_IN_RWANDA = 3005;
    static final long NUCLEAR = 7001;
    static final long FOREST = 5501;
    static final long COMPLIANT_LARGE_HYDRO = 2299;
    static final long UNLISTED = 999_999;

    static final AccountRef CDM_HOLDING = AccountRef.of(RegistryCode.CDM, AccountType.ENTITY_HOLDING, 1001);
    static final AccountRef DE_ENTITY = AccountRef.of(RegistryCode.of("DE"), AccountType.ENTITY_HOLDING, 4001);
    static final AccountRef JP_ENTITY = AccountRef.of(RegistryCode.of("JP"), AccountType.ENTITY_HOLDING, 20045);
    static final AccountRef JP_PARTY = new AccountRef(RegistryCode.of("JP"), AccountType.PARTY_HOLDING, 1, CommitmentPeriod.CP2);

    private final Map<RegistryCode, Registry> registries = new HashMap<>();
    private final Map<Long, Project> projects = new HashMap<>();

    LogSituations() {
        for (String eu : List.of("DE", "FR")) {
            registries.put(RegistryCode.of(eu), new Registry(RegistryCode.of(eu), eu, RegistryStatus.OPERATING, true));
        }
        for (String other : List.of("CDM", "JP", "NZ")) {
            registries.put(RegistryCode.of(other), new Registry(RegistryCode.of(other), other, RegistryStatus.OPERATING, false));
        }
        ReferenceData.projects().forEach(project -> projects.put(project.id(), project));
        projects.put(COMPLIANT_LARGE_HYDRO, new Project(COMPLIANT_LARGE_HYDRO, "Compliant large hydro", RegistryCode.of("BR"),
                false, ProjectCategory.HYDRO, new BigDecimal("300"), true, LocalDate.parse("2010-01-01")));
    }

    /** A block of 100 CP2 CERs of {@code project}. */
    static UnitBlock cers(long project) {
        return UnitBlock.of(project * 1_000, project * 1_000 + 99, UnitAttributes.cer(project, CommitmentPeriod.CP2));
    }

    /** A block of 100 CP1 temporary CERs of {@code type} (TCER, LCER) of {@code project}. */
    static UnitBlock temporary(UnitType type, long project) {
        return UnitBlock.of(project * 1_000 + 500, project * 1_000 + 599, new UnitAttributes(RegistryCode.CDM, type, 0,
                CommitmentPeriod.CP1, CommitmentPeriod.CP1, null, project, null, LocalDate.parse("2030-01-01")));
    }

    /** 100 of Japan's CP2 AAUs. */
    static UnitBlock japaneseAaus() {
        return UnitBlock.of(1, 100, UnitAttributes.aau(RegistryCode.of("JP"), CommitmentPeriod.CP2));
    }

    /** An external transfer of {@code blocks} from the CDM holding account to {@code to}. */
    static Proposal transfer(AccountRef to, UnitBlock... blocks) {
        return new Proposal(TransactionId.parse("CDM1000003"), TransactionType.EXTERNAL_TRANSFER, 0, RegistryCode.CDM,
                CDM_HOLDING, to.registry(), to, null, List.of(blocks), Map.of(), Instant.parse("2014-06-02T09:00:00Z"));
    }

    /** The context in which a log checks {@code proposal} at {@code now}. */
    CheckContext context(Proposal proposal, String now) {
        return new CheckContext(proposal, proposal.transferringRegistry(), Instant.parse(now), registriesKnown(),
                NO_ACCOUNTS, NO_HOLDINGS, projectsKnown(), NO_NOTICES, NO_TRANSACTIONS, RuleParameters.defaults());
    }

    private Registries registriesKnown() {
        return new Registries() {
            @Override
            public Optional<Registry> find(RegistryCode code) {
                return Optional.ofNullable(registries.get(code));
            }

            @Override
            public void save(Registry registry) {
                registries.put(registry.code(), registry);
            }
        };
    }

    private Projects projectsKnown() {
        return new Projects() {
            @Override
            public Optional<Project> find(long projectId) {
                return Optional.ofNullable(projects.get(projectId));
            }

            @Override
            public void save(Project project) {
                projects.put(project.id(), project);
            }

            @Override
            public long countRegisteredBy(RegistryCode hostParty, LocalDate date) {
                return projects.values().stream().filter(p -> p.hostParty().equals(hostParty))
                        .filter(p -> p.registered() != null && !p.registered().isAfter(date)).count();
            }
        };
    }

    // the rules as data read none of these: a log that knows nothing of them

    private static final Accounts NO_ACCOUNTS = new Accounts() {
        @Override
        public Optional<Account> find(AccountRef ref) {
            return Optional.empty();
        }

        @Override
        public Optional<Account> findByIdentifier(RegistryCode registry, long identifier) {
            return Optional.empty();
        }

        @Override
        public List<Account> of(RegistryCode registry) {
            return List.of();
        }

        @Override
        public void save(Account account) {
            throw new UnsupportedOperationException("read only");
        }
    };

    private static final Holdings NO_HOLDINGS = new Holdings() {
        @Override
        public List<HeldBlock> holdersOf(UnitBlockId block) {
            return List.of();
        }

        @Override
        public long issuedQuantity(RegistryCode originatingRegistry, UnitType unitType, CommitmentPeriod originalPeriod) {
            return 0;
        }
    };

    private static final Notices NO_NOTICES = new Notices() {
        @Override
        public Optional<Notice> find(long noticeId) {
            return Optional.empty();
        }

        @Override
        public void save(Notice notice) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public List<Notice> recent(int limit) {
            return List.of();
        }
    };

    private static final Transactions NO_TRANSACTIONS = new Transactions() {
        @Override
        public Optional<Transaction> find(TransactionId id) {
            return Optional.empty();
        }

        @Override
        public List<TransactionId> recent(Optional<TransactionStatus> status, int limit) {
            return List.of();
        }

        @Override
        public void save(Transaction transaction) {
            throw new UnsupportedOperationException("read only");
        }
    };
}
