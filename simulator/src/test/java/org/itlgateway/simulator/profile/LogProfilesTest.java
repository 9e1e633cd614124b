package org.itlgateway.simulator.profile;

import static org.itlgateway.simulator.profile.LogSituations.ADIPIC_ACID;
import static org.itlgateway.simulator.profile.LogSituations.COMPLIANT_LARGE_HYDRO;
import static org.itlgateway.simulator.profile.LogSituations.DE_ENTITY;
import static org.itlgateway.simulator.profile.LogSituations.FOREST;
import static org.itlgateway.simulator.profile.LogSituations.HFC23;
import static org.itlgateway.simulator.profile.LogSituations.JP_ENTITY;
import static org.itlgateway.simulator.profile.LogSituations.LARGE_HYDRO;
import static org.itlgateway.simulator.profile.LogSituations.NUCLEAR;
import static org.itlgateway.simulator.profile.LogSituations.SMALL_HYDRO;
import static org.itlgateway.simulator.profile.LogSituations.WIND;
import static org.itlgateway.simulator.profile.LogSituations.cers;
import static org.itlgateway.simulator.profile.LogSituations.temporary;
import static org.itlgateway.simulator.profile.LogSituations.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckCatalogue;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.check.catalogue.Catalogues;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logs' profiles: the CITL's rules 7001 to 7004 as its built-in file gives them, the parameters of the logs'
 * rules, and files that are refused with a reason a tester can act on.
 */
class LogProfilesTest {

    private final Profiles profiles = Profiles.load(null);
    private final PeerProfile citl = profiles.find("CITL").orElseThrow();
    private final LogSituations log = new LogSituations();

    // the CITL's rules as its profile gives them

    @Test
    void theCitlsProfileHasARuleForEachCodeTheCatalogueLeavesToIt() {
        assertEquals(EnumSet.copyOf(Catalogues.CITL_PROFILE_RULES), citl.rules().stream()
                .map(rule -> ResponseCode.fromCode(rule.code())).collect(Collectors.toCollection(() -> EnumSet.noneOf(ResponseCode.class))));
        assertTrue(citl.rules().stream().allMatch(rule -> rule.enabled()), "every built-in rule is on");
    }

    @Test
    void tcersAndLcersIntoAnEuRegistryAreRefusedWith7001NamingTheBlocksAndTheRule() {
        Proposal proposal = transfer(DE_ENTITY, temporary(UnitType.TCER, FOREST), temporary(UnitType.LCER, FOREST), cers(WIND));
        EvaluationResult refused = only(refusals(proposal, "2010-03-02T09:00:00Z"));
        assertEquals(ResponseCode.TEMPORARY_CERS_NOT_ACCEPTED_IN_EU, refused.code());
        assertEquals(List.of(temporary(UnitType.TCER, FOREST).id(), temporary(UnitType.LCER, FOREST).id()), refused.blocks());
        assertEquals(rule(7001).name(), refused.description());
        assertEquals(List.of(), refusals(transfer(JP_ENTITY, temporary(UnitType.TCER, FOREST)), "2010-03-02T09:00:00Z"));
    }

    @Test
    void creditsOfANuclearProjectIntoAnEuRegistryAreRefusedWith7002AndElsewhereAccepted() {
        assertEquals(ResponseCode.NUCLEAR_PROJECT_CREDITS, only(refusals(transfer(DE_ENTITY, cers(NUCLEAR)), "2008-01-01T00:00:00Z")).code());
        assertEquals(List.of(), refusals(transfer(JP_ENTITY, cers(NUCLEAR)), "2014-06-02T09:00:00Z"));
        assertEquals(List.of(), refusals(transfer(DE_ENTITY, cers(WIND)), "2014-06-02T09:00:00Z"));
    }

    @Test
    void industrialGasCreditsEnterAnEuRegistryUntilTheEndOf30April2013AndAreRefusedWith7003From1May() {
        Proposal proposal = transfer(DE_ENTITY, cers(HFC23), cers(ADIPIC_ACID), cers(WIND));
        assertEquals(List.of(), refusals(proposal, "2013-04-30T23:59:59Z"));
        EvaluationResult refused = only(refusals(proposal, "2013-05-01T00:00:00Z"));
        assertEquals(ResponseCode.INDUSTRIAL_GAS_CREDITS_AFTER_APRIL_2013, refused.code());
        assertEquals(List.of(cers(HFC23).id(), cers(ADIPIC_ACID).id()), refused.blocks());
        assertEquals(List.of(), refusals(transfer(JP_ENTITY, cers(HFC23)), "2020-01-01T00:00:00Z"));
    }

    @Test
    void hydroOver20MegawattsIntoAnEuRegistryIsRefusedWith7004UnlessTheProjectCarriesTheComplianceFlag() {
        Proposal proposal = transfer(DE_ENTITY, cers(LARGE_HYDRO), cers(SMALL_HYDRO), cers(COMPLIANT_LARGE_HYDRO));
        EvaluationResult refused = only(refusals(proposal, "2014-06-02T09:00:00Z"));
        assertEquals(ResponseCode.LARGE_HYDRO_WITHOUT_COMPLIANCE, refused.code());
        assertEquals(List.of(cers(LARGE_HYDRO).id()), refused.blocks());
        assertEquals(List.of(), refusals(transfer(JP_ENTITY, cers(LARGE_HYDRO)), "2014-06-02T09:00:00Z"));
    }

    @Test
    void theCitlRunsItsRulesWithTheChecksOfItsCatalogueInCodeOrder() {
        CheckCatalogue catalogue = LogRule.addedTo(Catalogues.citl(), citl.rules());
        List<Integer> codes = catalogue.checks().stream().map(check -> check.code().code()).toList();
        assertEquals(codes.stream().sorted().toList(), codes);
        assertEquals(Catalogues.citl().checks().size() + 4, codes.size());
        Check first = catalogue.checks().get(0);
        assertEquals(7001, first.code().code());
        assertEquals(rule(7001).name(), first.name());
    }

    // dates, switching off

    @Test
    void aRuleAppliesFromItsFirstMomentUntilJustBeforeItsEndAndNotWhenSwitchedOff() {
        LogRule rule = readCitl("""
                { "name": "no nuclear credits in 2020", "code": 7002, "from": "2020-01-01T00:00:00Z",
                  "until": "2021-01-01T00:00:00Z", "refuse": { "projectCategories": ["NUCLEAR"] } }
                """).rules().get(0);
        assertTrue(rule.appliesAt(Instant.parse("2020-01-01T00:00:00Z")));
        assertTrue(!rule.appliesAt(Instant.parse("2019-12-31T23:59:59Z")));
        assertTrue(!rule.appliesAt(Instant.parse("2021-01-01T00:00:00Z")));

        LogRule off = readCitl("""
                { "name": "no nuclear credits", "code": 7002, "enabled": false, "refuse": { "projectCategories": ["NUCLEAR"] } }
                """).rules().get(0);
        assertEquals(java.util.Optional.empty(), off.evaluate(log.context(transfer(DE_ENTITY, cers(NUCLEAR)), "2020-06-01T00:00:00Z")));
    }

    @Test
    void aTestersCitlFileReplacesTheBuiltInOneWithItsOwnDates(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("citl.json"), """
                { "code": "CITL", "kind": "CITL", "euMember": false, "rules": [
                  { "name": "industrial gases from 2014", "code": 7003, "from": "2014-01-01T00:00:00Z",
                    "refuse": { "entersEu": true, "projectCategories": ["HFC23_DESTRUCTION"] } } ] }
                """);
        PeerProfile own = Profiles.load(directory).find("CITL").orElseThrow();
        assertEquals(1, own.rules().size());
        assertEquals(Instant.parse("2014-01-01T00:00:00Z"), own.rules().get(0).from());
    }

    // parameters

    @Test
    void theBuiltInLogsKeepTheDefaultParameters() {
        RuleParameters defaults = RuleParameters.defaults();
        assertEquals(defaults, profiles.find("ITL").orElseThrow().parameters().over(defaults));
        assertEquals(defaults, citl.parameters().over(defaults));
    }

    @Test
    void theParametersAProfileGivesReplaceTheDefaultsAndTheOthersStay() {
        PeerProfile itl = read("itl.json", """
                { "code": "ITL", "kind": "ITL", "euMember": false,
                  "parameters": { "completionLimit": "PT2H", "cp1TrueUpEnd": "2016-01-01T00:00:00Z",
                                  "cp2TrueUpEnd": "2024-01-01T00:00:00Z", "carryOverLimitPercent": 5,
                                  "assignedAmounts": { "JP": { "1": 1000000, "2": 500000 } } } }
                """);
        RuleParameters defaults = RuleParameters.defaults();
        RuleParameters parameters = itl.parameters().over(defaults);
        assertEquals(Duration.ofHours(2), parameters.completionLimit());
        assertEquals(Instant.parse("2016-01-01T00:00:00Z"), parameters.cp1TrueUpEnd());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), parameters.cp2TrueUpEnd());
        assertEquals(5, parameters.carryOverLimitPercent());
        assertEquals(1_000_000L, parameters.assignedAmount(RegistryCode.of("JP"), CommitmentPeriod.CP1));
        assertEquals(500_000L, parameters.assignedAmount(RegistryCode.of("JP"), CommitmentPeriod.CP2));
        assertEquals(-1L, parameters.assignedAmount(RegistryCode.of("NZ"), CommitmentPeriod.CP2));
        assertEquals(defaults.futureSkew(), parameters.futureSkew());
        assertEquals(defaults.maxBlocksPerProposal(), parameters.maxBlocksPerProposal());

        RuleParameters onlyTheLimit = read("itl.json", """
                { "code": "ITL", "kind": "ITL", "euMember": false, "parameters": { "completionLimit": "PT30M" } }
                """).parameters().over(defaults.withAssignedAmounts(Map.of(RegistryCode.of("NZ"), Map.of(CommitmentPeriod.CP2, 7L))));
        assertEquals(Duration.ofMinutes(30), onlyTheLimit.completionLimit());
        assertEquals(7L, onlyTheLimit.assignedAmount(RegistryCode.of("NZ"), CommitmentPeriod.CP2));
        assertEquals(defaults.cp2TrueUpEnd(), onlyTheLimit.cp2TrueUpEnd());
    }

    // files refused, with the reason

    @Test
    void anUnknownFieldOfAConditionIsRefusedNamingIt() {
        assertRefused("hydroAboveMegawatts", """
                { "name": "x", "code": 7004, "refuse": { "hydroAboveMegawatts": 20 } }
                """);
    }

    @Test
    void anUnknownFieldOfARuleIsRefusedNamingIt() {
        assertRefused("starting", """
                { "name": "x", "code": 7003, "starting": "2013-05-01T00:00:00Z" }
                """);
    }

    @Test
    void anUnknownFieldOfTheParametersIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> read("itl.json", """
                { "code": "ITL", "kind": "ITL", "euMember": false, "parameters": { "completionLimits": "PT2H" } }
                """));
        assertTrue(refused.getMessage().contains("completionLimits") && refused.getMessage().contains("itl.json"),
                refused.getMessage());
    }

    @Test
    void aRuleWithACodeOutsideTheCatalogueIsRefusedAtLoad() {
        assertRefused("7999 is not a response code", """
                { "name": "x", "code": 7999 }
                """);
    }

    @Test
    void aProjectCategoryOrUnitTypeThatDoesNotExistIsRefused() {
        assertRefused("GEOTHERMAL", """
                { "name": "x", "code": 7002, "refuse": { "projectCategories": ["GEOTHERMAL"] } }
                """);
        assertRefused("XCER", """
                { "name": "x", "code": 7001, "refuse": { "unitTypes": ["XCER"] } }
                """);
    }

    @Test
    void anAccountTypeThatDoesNotExistIsRefusedNamingTheField() {
        assertRefused("acquiringAccountTypes: 999 is not a DES account type", """
                { "name": "x", "code": 7001, "refuse": { "acquiringAccountTypes": [120, 999] } }
                """);
    }

    @Test
    void anAssignedAmountForAPeriodThatDoesNotExistIsRefusedNamingTheParty() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> read("itl.json", """
                { "code": "ITL", "kind": "ITL", "euMember": false, "parameters": { "assignedAmounts": { "JP": { "7": 10 } } } }
                """));
        assertTrue(refused.getMessage().contains("the assigned amounts of JP: 7 is not a commitment period"), refused.getMessage());
    }

    @Test
    void aRuleThatEndsBeforeItStartsIsRefused() {
        assertRefused("ends before it starts", """
                { "name": "x", "code": 7003, "from": "2014-01-01T00:00:00Z", "until": "2013-01-01T00:00:00Z" }
                """);
    }

    @Test
    void parametersThatAreNotParametersAreRefused() {
        for (String parameters : List.of("{ \"completionLimit\": \"24 hours\" }", "{ \"completionLimit\": \"PT0S\" }",
                "{ \"carryOverLimitPercent\": 120 }", "{ \"assignedAmounts\": { \"JP\": { \"7\": 10 } } }",
                "{ \"assignedAmounts\": { \"JP\": { \"2\": -10 } } }")) {
            assertThrows(IllegalArgumentException.class, () -> read("itl.json",
                    "{ \"code\": \"ITL\", \"kind\": \"ITL\", \"euMember\": false, \"parameters\": " + parameters + " }"), parameters);
        }
    }

    @Test
    void aRegistryHasNoLogRulesAndALogNoAcceptanceRules() {
        IllegalArgumentException registry = assertThrows(IllegalArgumentException.class, () -> read("jp.json", """
                { "code": "JP", "kind": "REGISTRY", "euMember": false, "rules": [] }
                """));
        assertTrue(registry.getMessage().contains("are for the ITL and the CITL"), registry.getMessage());
        IllegalArgumentException log = assertThrows(IllegalArgumentException.class, () -> read("itl.json", """
                { "code": "ITL", "kind": "ITL", "euMember": false, "acceptanceRules": [
                  { "name": "x", "code": 5301, "from": "2020-01-01T00:00:00Z" } ] }
                """));
        assertTrue(log.getMessage().contains("a log's own rules are its rules"), log.getMessage());
    }

    // ---- helpers ----

    private LogRule rule(int code) {
        return citl.rules().stream().filter(rule -> rule.code() == code).findFirst().orElseThrow();
    }

    private List<EvaluationResult> refusals(Proposal proposal, String now) {
        return citl.rules().stream().flatMap(rule -> rule.evaluate(log.context(proposal, now)).stream()).toList();
    }

    private static EvaluationResult only(List<EvaluationResult> results) {
        assertEquals(1, results.size(), results::toString);
        return results.get(0);
    }

    private static PeerProfile readCitl(String rule) {
        return read("citl.json", "{ \"code\": \"CITL\", \"kind\": \"CITL\", \"euMember\": false, \"rules\": [ " + rule + " ] }");
    }

    private static PeerProfile read(String source, String json) {
        return Profiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
    }

    private static void assertRefused(String reason, String rule) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> readCitl(rule));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        assertTrue(refused.getMessage().contains("citl.json"), refused.getMessage());
    }

}
