package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;
import org.itlgateway.core.store.jpa.PostgresAccounts;
import org.itlgateway.core.store.jpa.PostgresNotices;
import org.itlgateway.core.store.jpa.PostgresProjects;
import org.itlgateway.core.store.jpa.PostgresRegistries;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registries, accounts, projects and notices come back from PostgreSQL exactly as they were saved. */
class ReferenceRepositoriesTest {

    private static final RegistryCode GB = RegistryCode.of("GB");

    private static Database database;
    private static PostgresRegistries registries;
    private static PostgresAccounts accounts;
    private static PostgresProjects projects;
    private static PostgresNotices notices;

    @BeforeAll
    static void open() {
        database = TestPostgres.open();
        registries = new PostgresRegistries(database);
        accounts = new PostgresAccounts(database);
        projects = new PostgresProjects(database);
        notices = new PostgresNotices(database);
    }

    @AfterAll
    static void drop() {
        TestPostgres.drop(database);
    }

    @Test
    void aRegistryIsFoundAsSavedAndReplacedBySavingItAgain() {
        Registry operating = new Registry(GB, "United Kingdom", RegistryStatus.OPERATING, false);
        registries.save(operating);
        assertEquals(Optional.of(operating), registries.find(GB));

        Registry suspended = new Registry(GB, "United Kingdom", RegistryStatus.SUSPENDED, false);
        registries.save(suspended);
        assertEquals(Optional.of(suspended), registries.find(GB));
        assertEquals(Optional.empty(), registries.find(RegistryCode.of("XX")));
    }

    @Test
    void anAccountIsFoundByItsFullReferenceOrByItsIdentifierAlone() {
        Account holding = new Account(new AccountRef(GB, AccountType.PERSON_HOLDING, 4711, CommitmentPeriod.CP2),
                "Ada Lovelace", AccountStatus.OPEN);
        Account retirement = Account.open(new AccountRef(GB, AccountType.RETIREMENT, 4712, CommitmentPeriod.CP2), null);
        accounts.save(holding);
        accounts.save(retirement);

        assertEquals(Optional.of(holding), accounts.find(holding.ref()));
        assertEquals(Optional.of(retirement), accounts.find(retirement.ref()));
        assertEquals(Optional.empty(), accounts.find(new AccountRef(GB, AccountType.PERSON_HOLDING, 4711, CommitmentPeriod.CP1)));
        assertEquals(Optional.of(holding), accounts.findByIdentifier(GB, 4711));
        assertEquals(Optional.empty(), accounts.findByIdentifier(RegistryCode.of("JP"), 4711));

        Account blocked = new Account(holding.ref(), "Ada Lovelace", AccountStatus.BLOCKED);
        accounts.save(blocked);
        assertEquals(Optional.of(blocked), accounts.find(holding.ref()));
    }

    @Test
    void theAccountsOfARegistryAreListedByTypeIdentifierAndPeriodAndNoneOfAnother() {
        RegistryCode ch = RegistryCode.of("CH");
        Account trading = Account.open(new AccountRef(ch, AccountType.PERSON_HOLDING, 20, CommitmentPeriod.CP2), "B");
        Account earlier = Account.open(new AccountRef(ch, AccountType.PERSON_HOLDING, 20, CommitmentPeriod.CP1), "B");
        Account party = Account.open(new AccountRef(ch, AccountType.PARTY_HOLDING, 99, CommitmentPeriod.CP2), "CH");
        Account other = Account.open(new AccountRef(ch, AccountType.PERSON_HOLDING, 7, CommitmentPeriod.CP2), "A");
        List.of(trading, party, earlier, other).forEach(accounts::save);
        accounts.save(Account.open(new AccountRef(RegistryCode.of("NO"), AccountType.PERSON_HOLDING, 1, CommitmentPeriod.CP2), "N"));

        assertEquals(List.of(party, other, earlier, trading), accounts.of(ch));
        assertEquals(List.of(), accounts.of(RegistryCode.of("LI")));
    }

    @Test
    void aProjectKeepsItsReferenceFacts() {
        Project hydro = new Project(1234, "Río Grande hydro", RegistryCode.of("BR"), false, ProjectCategory.HYDRO,
                new BigDecimal("25.5"), true, LocalDate.of(2009, 3, 17));
        Project landfill = new Project(42, null, RegistryCode.of("BD"), true, ProjectCategory.OTHER, null, false, null);
        projects.save(hydro);
        projects.save(landfill);

        assertEquals(Optional.of(hydro), projects.find(1234));
        assertEquals(Optional.of(landfill), projects.find(42));
        assertEquals(Optional.empty(), projects.find(7));
    }

    @Test
    void theProjectsAHostPartyRegisteredByADateAreCountedThatDayIncluded() {
        projects.save(new Project(5101, "Wind, Uruguay", RegistryCode.of("UY"), false, ProjectCategory.OTHER, null, false,
                LocalDate.of(2010, 12, 31)));
        projects.save(new Project(5102, "Landfill gas, Uruguay", RegistryCode.of("UY"), false, ProjectCategory.OTHER, null,
                false, LocalDate.of(2011, 1, 1)));
        projects.save(new Project(5103, "Biomass, Uruguay", RegistryCode.of("UY"), false, ProjectCategory.OTHER, null,
                false, null));
        projects.save(new Project(5104, "Hydro, Paraguay", RegistryCode.of("PY"), false, ProjectCategory.OTHER, null, false,
                LocalDate.of(2008, 1, 1)));

        assertEquals(1, projects.countRegisteredBy(RegistryCode.of("UY"), LocalDate.of(2010, 12, 31)));
        assertEquals(2, projects.countRegisteredBy(RegistryCode.of("UY"), LocalDate.of(2011, 1, 1)));
        assertEquals(0, projects.countRegisteredBy(RegistryCode.of("AR"), LocalDate.of(2010, 12, 31)));
    }

    @Test
    void aNoticeKeepsItsBlocksInOrderAndCanBeReplaced() {
        Notice notice = new Notice(3001, NoticeType.IMPENDING_TEMPORARY_CER_EXPIRY, NoticeStatus.OPEN, GB, 1234L,
                CommitmentPeriod.CP1, UnitType.TCER, 5000L, LocalDate.of(2012, 12, 31),
                Instant.parse("2012-11-01T09:30:00Z"),
                List.of(UnitBlockId.of(RegistryCode.CDM, 900, 999), UnitBlockId.of(RegistryCode.CDM, 100, 199)),
                "tCERs expiring at the end of CP1");
        notices.save(notice);
        assertEquals(Optional.of(notice), notices.find(3001));

        Notice fulfilled = notice.withStatus(NoticeStatus.FULFILLED);
        notices.save(fulfilled);
        assertEquals(Optional.of(fulfilled), notices.find(3001));

        Notice bare = new Notice(3002, NoticeType.COMMITMENT_PERIOD_RESERVE, NoticeStatus.OPEN, GB, null, null, null,
                null, null, null, null, null);
        notices.save(bare);
        assertEquals(Optional.of(bare), notices.find(3002));
    }

    @Test
    void theMostRecentlyIssuedNoticesComeFirst() {
        Notice older = new Notice(3101, NoticeType.NET_SOURCE_CANCELLATION, NoticeStatus.OPEN, GB, null, null, null,
                100L, null, Instant.parse("2013-01-01T00:00:00Z"), List.of(), "older");
        Notice newer = new Notice(3102, NoticeType.NON_COMPLIANCE_CANCELLATION, NoticeStatus.OPEN, GB, null, null, null,
                200L, null, Instant.parse("2099-01-01T00:00:00Z"), List.of(), "newer");
        notices.save(older);
        notices.save(newer);

        List<Notice> recent = notices.recent(2);

        assertEquals(newer, recent.get(0));
        assertEquals(1, notices.recent(1).size());
    }
}
