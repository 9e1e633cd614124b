package org.itlgateway.simulator.profile;

import static org.itlgateway.simulator.profile.LogSituations.ADIPIC_ACID;
import static org.itlgateway.simulator.profile.LogSituations.COMPLIANT_LARGE_HYDRO;
import static org.itlgateway.simulator.profile.LogSituations.COOKSTOVES_IN_RWANDA;
import static org.itlgateway.simulator.profile.LogSituations.DE_ENTITY;
import static org.itlgateway.simulator.profile.LogSituations.FOREST;
import static org.itlgateway.simulator.profile.LogSituations.HFC23;
import static org.itlgateway.simulator.profile.LogSituations.JP_ENTITY;
import static org.itlgateway.simulator.profile.LogSituations.JP_PARTY;
import static org.itlgateway.simulator.profile.LogSituations.LARGE_HYDRO;
import static org.itlgateway.simulator.profile.LogSituations.NUCLEAR;
import static org.itlgateway.simulator.profile.LogSituations.SMALL_HYDRO;
import static org.itlgateway.simulator.profile.LogSituations.UNLISTED;
import static org.itlgateway.simulator.profile.LogSituations.WIND;
import static org.itlgateway.simulator.profile.LogSituations.cers;
import static org.itlgateway.simulator.profile.LogSituations.japaneseAaus;
import static org.itlgateway.simulator.profile.LogSituations.temporary;
import static org.itlgateway.simulator.profile.LogSituations.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.Test;

/**
 * The language in which a log's profile says which blocks a rule refuses: each field on its own, then together.
 * Every condition is read from a profile file, as a tester writes it.
 */
class ProposalConditionTest {

    private final LogSituations log = new LogSituations();

    @Test
    void anEmptyConditionIsAboutEveryBlock() {
        assertRefuses("{}", transfer(JP_ENTITY, cers(WIND), japaneseAaus()), cers(WIND), japaneseAaus());
    }

    @Test
    void unitTypesAreAboutBlocksOfThoseTypesOnly() {
        assertRefuses("{ \"unitTypes\": [\"TCER\", \"LCER\"] }",
                transfer(JP_ENTITY, cers(FOREST), temporary(UnitType.TCER, FOREST), temporary(UnitType.LCER, FOREST)),
                temporary(UnitType.TCER, FOREST), temporary(UnitType.LCER, FOREST));
    }

    @Test
    void periodsAndOriginatingRegistriesAreAboutTheBlocksAttributes() {
        UnitBlock cp1 = UnitBlock.of(1, 10, UnitAttributes.cer(WIND, CommitmentPeriod.CP1));
        assertRefuses("{ \"originalPeriods\": [1] }", transfer(JP_ENTITY, cp1, cers(WIND)), cp1);
        assertRefuses("{ \"applicablePeriods\": [2] }", transfer(JP_ENTITY, cp1, cers(WIND)), cers(WIND));
        assertRefuses("{ \"originatingRegistries\": [\"JP\"] }", transfer(JP_ENTITY, cers(WIND), japaneseAaus()),
                japaneseAaus());
    }

    @Test
    void projectCategoriesAreAboutCreditsOfProjectsOfThoseKinds() {
        assertRefuses("{ \"projectCategories\": [\"HFC23_DESTRUCTION\", \"N2O_ADIPIC_ACID\"] }",
                transfer(JP_ENTITY, cers(HFC23), cers(ADIPIC_ACID), cers(WIND), cers(NUCLEAR)), cers(HFC23), cers(ADIPIC_ACID));
    }

    @Test
    void aConditionAboutTheProjectIsNeverAboutUnitsWithoutAProjectOrOfAProjectTheTableDoesNotKnow() {
        assertRefuses("{ \"projectCategories\": [\"OTHER\"] }", transfer(JP_ENTITY, japaneseAaus(), cers(UNLISTED), cers(WIND)),
                cers(WIND));
        assertRefuses("{ \"complianceFlag\": false }", transfer(JP_ENTITY, japaneseAaus(), cers(UNLISTED)));
    }

    @Test
    void hostPartiesAndALeastDevelopedHostAreAboutWhereTheProjectIs() {
        Proposal proposal = transfer(JP_ENTITY, cers(WIND), cers(SMALL_HYDRO), cers(COOKSTOVES_IN_RWANDA));
        assertRefuses("{ \"hostParties\": [\"MY\", \"RW\"] }", proposal, cers(SMALL_HYDRO), cers(COOKSTOVES_IN_RWANDA));
        assertRefuses("{ \"leastDevelopedHost\": true }", proposal, cers(COOKSTOVES_IN_RWANDA));
        assertRefuses("{ \"leastDevelopedHost\": false }", proposal, cers(WIND), cers(SMALL_HYDRO));
    }

    @Test
    void hydroOverMegawattsIsAboutHydroProjectsOfMoreThanThatCapacity() {
        Proposal proposal = transfer(JP_ENTITY, cers(LARGE_HYDRO), cers(SMALL_HYDRO), cers(WIND));
        assertRefuses("{ \"hydroOverMegawatts\": 20 }", proposal, cers(LARGE_HYDRO));
        assertRefuses("{ \"hydroOverMegawatts\": 17.5 }", proposal, cers(LARGE_HYDRO), cers(SMALL_HYDRO));
        assertRefuses("{ \"hydroOverMegawatts\": 18 }", proposal, cers(LARGE_HYDRO));
    }

    @Test
    void theComplianceFlagIsAboutProjectsWithOrWithoutIt() {
        Proposal proposal = transfer(JP_ENTITY, cers(LARGE_HYDRO), cers(COMPLIANT_LARGE_HYDRO));
        assertRefuses("{ \"complianceFlag\": false }", proposal, cers(LARGE_HYDRO));
        assertRefuses("{ \"complianceFlag\": true }", proposal, cers(COMPLIANT_LARGE_HYDRO));
    }

    @Test
    void accountTypesAreAboutTheAccountsTheUnitsEnterAndLeave() {
        assertRefuses("{ \"acquiringAccountTypes\": [120, 121] }", transfer(JP_ENTITY, cers(WIND)), cers(WIND));
        assertRefuses("{ \"acquiringAccountTypes\": [100] }", transfer(JP_ENTITY, cers(WIND)));
        assertRefuses("{ \"transferringAccountTypes\": [120] }", transfer(JP_ENTITY, cers(WIND)), cers(WIND));

        Proposal issuance = new Proposal(TransactionId.parse("JP1000007"), TransactionType.ISSUANCE, 0, RegistryCode.of("JP"),
                null, RegistryCode.of("JP"), JP_PARTY, null, List.of(japaneseAaus()), java.util.Map.of(),
                java.time.Instant.parse("2014-06-02T09:00:00Z"));
        assertRefuses("{ \"transferringAccountTypes\": [100, 120] }", issuance);
        assertRefuses("{ \"acquiringAccountTypes\": [100] }", issuance, japaneseAaus());
    }

    @Test
    void entersEuIsAboutWhetherTheAcquiringRegistryIsAnEuRegistry() {
        assertRefuses("{ \"entersEu\": true }", transfer(DE_ENTITY, cers(WIND)), cers(WIND));
        assertRefuses("{ \"entersEu\": true }", transfer(JP_ENTITY, cers(WIND)));
        assertRefuses("{ \"entersEu\": false }", transfer(JP_ENTITY, cers(WIND)), cers(WIND));
        AccountRef unknownRegistry = AccountRef.parse("QQ-120-1-0");
        assertRefuses("{ \"entersEu\": true }", transfer(unknownRegistry, cers(WIND)));
    }

    @Test
    void everyFieldGivenMustMatch() {
        String condition = "{ \"entersEu\": true, \"unitTypes\": [\"CER\"], \"projectCategories\": [\"HYDRO\"],"
                + " \"hostParties\": [\"CN\"] }";
        assertRefuses(condition, transfer(DE_ENTITY, cers(LARGE_HYDRO), cers(SMALL_HYDRO), cers(WIND)), cers(LARGE_HYDRO));
        assertRefuses(condition, transfer(JP_ENTITY, cers(LARGE_HYDRO)));
    }

    private void assertRefuses(String condition, Proposal proposal, UnitBlock... refused) {
        LogRule rule = ruleRefusing(condition);
        List<UnitBlockId> blocks = rule.evaluate(log.context(proposal, "2014-06-02T09:00:00Z"))
                .map(result -> result.blocks()).orElse(List.of());
        assertEquals(List.of(refused).stream().map(UnitBlock::id).toList(), blocks, condition);
    }

    private static LogRule ruleRefusing(String condition) {
        String profile = "{ \"code\": \"ITL\", \"kind\": \"ITL\", \"euMember\": false, \"rules\": [ "
                + "{ \"name\": \"a rule of the test\", \"code\": 5301, \"refuse\": " + condition + " } ] }";
        return Profiles.read(new ByteArrayInputStream(profile.getBytes(StandardCharsets.UTF_8)), "itl.json").rules().get(0);
    }
}
