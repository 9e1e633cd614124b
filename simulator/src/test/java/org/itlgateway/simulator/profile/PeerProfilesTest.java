package org.itlgateway.simulator.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peers' rules are data with dates, read from files; each refusal names the rule and its code. */
class PeerProfilesTest {

    private final Profiles profiles = Profiles.load(null);

    @Test
    void theNetworkHasTheItlTheCitlTheCdmRegistryTheUkAndSwissRegistriesAndGenericPeers() {
        assertEquals(List.of("ITL", "CITL", "CDM", "GB", "CH", "JP", "NZ", "DE", "FR"),
                profiles.all().stream().map(PeerProfile::code).toList());
        assertTrue(profiles.find("DE").orElseThrow().euMember());
        assertTrue(profiles.find("FR").orElseThrow().euMember());
    }

    @Test
    void theUkRegistryAcceptsCersOnTheLastDayOf2020AndRefusesThemFrom2021With5301() {
        PeerProfile gb = profiles.find("GB").orElseThrow();
        Proposal cers = transferTo("GB", UnitAttributes.cer(1234, CommitmentPeriod.CP2));

        assertEquals(List.of(), refusals(gb, cers, "2020-12-31T23:59:59Z"));
        List<EvaluationResult> refused = refusals(gb, cers, "2021-01-01T00:00:00Z");
        assertEquals(1, refused.size());
        assertEquals(ResponseCode.ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE, refused.get(0).code());
        assertEquals(cers.blockIds(), refused.get(0).blocks());
        assertTrue(refused.get(0).description().contains("UK Kyoto registry"));
    }

    @Test
    void theUkRuleIsAboutCersOnly() {
        PeerProfile gb = profiles.find("GB").orElseThrow();
        assertEquals(List.of(), refusals(gb, transferTo("GB", UnitAttributes.aau(RegistryCode.of("JP"), CommitmentPeriod.CP2)),
                "2021-06-01T00:00:00Z"));
    }

    @Test
    void theSwissRegistryAcceptsCp1UnitsOn30April2015AndRefusesThemFrom1MayWith5302() {
        PeerProfile ch = profiles.find("CH").orElseThrow();
        Proposal cp1 = transferTo("CH", UnitAttributes.cer(1234, CommitmentPeriod.CP1));

        assertEquals(List.of(), refusals(ch, cp1, "2015-04-30T23:59:59Z"));
        assertEquals(ResponseCode.ACQUIRING_REGISTRY_REFUSES_COMMITMENT_PERIOD,
                refusals(ch, cp1, "2015-05-01T00:00:00Z").get(0).code());
    }

    @Test
    void theSwissRegistryStillAcceptsCp2Units() {
        PeerProfile ch = profiles.find("CH").orElseThrow();
        assertEquals(List.of(), refusals(ch, transferTo("CH", UnitAttributes.cer(1234, CommitmentPeriod.CP2)), "2015-06-15T00:00:00Z"));
    }

    @Test
    void aTesterChangesARuleDateWithAFileOfTheirOwn(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("ch.json"), """
                { "code": "CH", "kind": "REGISTRY", "euMember": false,
                  "acceptanceRules": [ { "name": "No CP1 units after 2016", "code": 5302,
                                         "from": "2017-01-01T00:00:00Z", "refuse": { "originalPeriods": [1] } } ] }
                """);
        PeerProfile ch = Profiles.load(directory).find("CH").orElseThrow();
        Proposal cp1 = transferTo("CH", UnitAttributes.cer(1234, CommitmentPeriod.CP1));

        assertEquals(List.of(), refusals(ch, cp1, "2016-06-01T00:00:00Z"));
        assertEquals(1, refusals(ch, cp1, "2017-01-01T00:00:00Z").size());
    }

    @Test
    void aProjectTableInTheProfilesDirectoryIsReadAsProjectsNotAsAProfile(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve(Profiles.PROJECT_TABLE), """
                [ { "id": 6060, "title": "Oaxaca wind corridor", "hostParty": "MX", "leastDevelopedCountry": false,
                    "category": "OTHER", "registered": "2012-02-02" } ]
                """);

        Profiles profiles = Profiles.load(directory);

        assertEquals(List.of(6060L), profiles.projects().stream().map(project -> project.id()).toList());
        assertTrue(profiles.find("CDM").isPresent(), "the built-in profiles are all there");
        assertEquals(List.of(), Profiles.load(null).projects(), "no table of the tester's: the built-in one alone");
    }

    @Test
    void aProjectTableThatCannotBeReadIsRefusedNamingTheFile(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve(Profiles.PROJECT_TABLE), "[ { \"id\": \"six\" } ]");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Profiles.load(directory));

        assertTrue(refused.getMessage().contains(Profiles.PROJECT_TABLE), refused.getMessage());
    }

    @Test
    void aRuleWithACodeOutsideTheCatalogueIsRefusedWithAClearReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Profiles.read(
                new ByteArrayInputStream("""
                        { "code": "JP", "kind": "REGISTRY", "euMember": false,
                          "acceptanceRules": [ { "name": "x", "code": 9999, "from": "2020-01-01T00:00:00Z" } ] }
                        """.getBytes(StandardCharsets.UTF_8)), "jp.json"));
        assertTrue(refused.getMessage().contains("9999 is not a response code"), refused.getMessage());
        assertTrue(refused.getMessage().contains("jp.json"), refused.getMessage());
    }

    @Test
    void anExternalRegistryNeedsAnAddress() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Profiles.read(
                new ByteArrayInputStream("{ \"code\": \"NO\", \"kind\": \"EXTERNAL_REGISTRY\", \"euMember\": false }"
                        .getBytes(StandardCharsets.UTF_8)), "no.json"));
        assertTrue(refused.getMessage().contains("needs the address"), refused.getMessage());
    }

    private static List<EvaluationResult> refusals(PeerProfile profile, Proposal proposal, String at) {
        return profile.acceptanceRules().stream()
                .flatMap(rule -> rule.evaluate(proposal, Instant.parse(at)).stream()).toList();
    }

    private static Proposal transferTo(String registry, UnitAttributes attributes) {
        RegistryCode to = RegistryCode.of(registry);
        return new Proposal(TransactionId.parse("CDM1000003"), TransactionType.EXTERNAL_TRANSFER, 0, RegistryCode.CDM,
                AccountRef.of(RegistryCode.CDM, AccountType.PENDING, 1000), to,
                AccountRef.of(to, AccountType.ENTITY_HOLDING, 3001), null,
                List.of(UnitBlock.of(1_000_201, 1_005_000, attributes)), Map.of(), Instant.parse("2015-06-15T00:00:00Z"));
    }
}
