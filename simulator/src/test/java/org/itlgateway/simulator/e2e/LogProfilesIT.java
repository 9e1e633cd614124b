package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.simulator.fault.FaultKind;
import org.itlgateway.simulator.fault.PeerFault;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tester changes the logs' rules with files only: a directory of profiles of their own gives the CITL another date
 * for 7003 and switches 7002 off, and gives the ITL an assigned amount for Japan and a rule of the tester's; the
 * network started with {@code --profiles} that directory plays by them, across real nodes and messages.
 */
class LogProfilesIT {

    private static final RegistryCode JP = RegistryCode.of("JP");
    private static final AccountRef JP_CP2 = new AccountRef(JP, AccountType.PARTY_HOLDING, 1, CommitmentPeriod.CP2);

    @TempDir
    static Path profiles;

    private static Network network;
    private static CdmActions cdm;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(profiles.resolve("citl.json"), """
                {
                  "code": "CITL",
                  "name": "Community Independent Transaction Log, with the tester's dates",
                  "kind": "CITL",
                  "euMember": false,
                  "rules": [
                    { "name": "tCERs and lCERs cannot be held in an EU registry from 2013 (the tester's date)",
                      "code": 7001, "from": "2013-01-01T00:00:00Z",
                      "refuse": { "entersEu": true, "unitTypes": ["TCER", "LCER"] } },
                    { "name": "Credits of nuclear projects are not accepted in an EU registry", "code": 7002,
                      "enabled": false,
                      "refuse": { "entersEu": true, "projectCategories": ["NUCLEAR"] } },
                    { "name": "Industrial gas credits are refused in an EU registry from 2014 (the tester's date)",
                      "code": 7003, "from": "2014-01-01T00:00:00Z",
                      "refuse": { "entersEu": true, "projectCategories": ["HFC23_DESTRUCTION", "N2O_ADIPIC_ACID"] } },
                    { "name": "Hydro over 20 MW needs the compliance flag in an EU registry from July 2014 (the tester's date)",
                      "code": 7004, "from": "2014-07-01T00:00:00Z",
                      "refuse": { "entersEu": true, "hydroOverMegawatts": 20, "complianceFlag": false } }
                  ]
                }
                """);
        Files.writeString(profiles.resolve("itl.json"), """
                {
                  "code": "ITL",
                  "name": "International Transaction Log, with the tester's assigned amounts",
                  "kind": "ITL",
                  "euMember": false,
                  "parameters": { "assignedAmounts": { "JP": { "2": 1000 } }, "cp1TrueUpEnd": "2015-06-01T00:00:00Z",
                                  "cp2TrueUpEnd": "2017-03-01T00:00:00Z", "completionLimit": "PT6H" },
                  "rules": [
                    { "name": "No CP1 units into holding accounts from 2015 (a tester's rule)",
                      "code": 4007, "from": "2015-01-01T00:00:00Z",
                      "refuse": { "originalPeriods": [1], "acquiringAccountTypes": [100, 120, 121] } }
                  ]
                }
                """);
        network = Network.start(NetworkDatabases.settings().withProfiles(profiles));
        cdm = new CdmActions(network);
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void hfc23CreditsEnterGermanyAfterApril2013WhenTheTestersCitlMoves7003To2014() {
        AccountRef held = cdm.holdingOf(115, CommitmentPeriod.CP1, 1_000, "2012-06-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("DE", 4001), 115, 100, "2013-06-15T09:00:00Z");
        network.settle();
        assertStatus(id, TransactionStatus.COMPLETED);
    }

    @Test
    void hfc23CreditsAreRefusedWith7003FromTheTestersDate() {
        AccountRef held = cdm.holdingOf(115, CommitmentPeriod.CP1, 1_000, "2012-06-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("DE", 4001), 115, 100, "2014-01-01T00:00:01Z");
        network.settle();
        assertStatus(id, TransactionStatus.TERMINATED);
        EvaluationResult refusal = refusal(id, ResponseCode.INDUSTRIAL_GAS_CREDITS_AFTER_APRIL_2013);
        assertEquals("Industrial gas credits are refused in an EU registry from 2014 (the tester's date)", refusal.description());
        assertEquals(cdm.at("CDM", id).proposal().blockIds(), refusal.blocks());
    }

    @Test
    void nuclearCreditsEnterGermanyWhenTheTestersCitlSwitches7002Off() {
        AccountRef held = cdm.holdingOf(7001, CommitmentPeriod.CP2, 1_000, "2014-06-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("DE", 4001), 7001, 100, "2014-06-02T09:00:00Z");
        network.settle();
        assertStatus(id, TransactionStatus.COMPLETED);
    }

    @Test
    void tcersEnterGermanyUntilTheTestersDateFor7001AndAreRefusedFromIt() {
        AccountRef held = cdm.holdingOf(new IssuanceRequest(5501, UnitType.TCER, CommitmentPeriod.CP1, 1_000,
                LocalDate.parse("2017-12-31")), "2012-06-01T09:00:00Z");
        TransactionId before = cdm.transfer(held, CdmActions.account("DE", 4001), 5501, 100, "2012-12-31T23:59:59Z");
        network.settle();
        TransactionId from = cdm.transfer(held, CdmActions.account("DE", 4001), 5501, 100, "2013-01-01T00:00:00Z");
        network.settle();

        assertStatus(before, TransactionStatus.COMPLETED);
        assertStatus(from, TransactionStatus.TERMINATED);
        assertTrue(refusal(from, ResponseCode.TEMPORARY_CERS_NOT_ACCEPTED_IN_EU).description().contains("the tester's date"));
    }

    @Test
    void largeHydroCreditsEnterGermanyUntilTheTestersDateFor7004AndAreRefusedFromIt() {
        AccountRef large = cdm.holdingOf(2207, CommitmentPeriod.CP2, 1_000, "2014-06-01T09:00:00Z");
        TransactionId before = cdm.transfer(large, CdmActions.account("DE", 4001), 2207, 100, "2014-06-30T23:59:59Z");
        network.settle();
        TransactionId from = cdm.transfer(large, CdmActions.account("DE", 4001), 2207, 100, "2014-07-01T00:00:00Z");
        network.settle();

        assertStatus(before, TransactionStatus.COMPLETED);
        assertStatus(from, TransactionStatus.TERMINATED);
        assertTrue(refusal(from, ResponseCode.LARGE_HYDRO_WITHOUT_COMPLIANCE).description().contains("the tester's date"));
    }

    @Test
    void cp1UnitsLeaveTheCdmRegistryUntilTheTestersCp1TrueUpEndAndAreRefusedWith5022After() {
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP1, 1_000, "2014-12-01T09:00:00Z");
        TransactionId before = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 100, "2015-05-31T23:59:59Z");
        network.settle();
        TransactionId after = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 100, "2015-06-01T00:00:01Z");
        network.settle();

        assertFalse(codesAt("ITL", before).contains(ResponseCode.CP1_UNITS_LEAVE_CDM_AFTER_TRUE_UP), () -> codesAt("ITL", before).toString());
        assertStatus(after, TransactionStatus.TERMINATED);
        refusal(after, ResponseCode.CP1_UNITS_LEAVE_CDM_AFTER_TRUE_UP);
    }

    @Test
    void internationalTransfersEndAtTheTestersCp2TrueUpEndWith4007() {
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP2, 1_000, "2017-01-02T09:00:00Z");
        TransactionId before = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 100, "2017-02-28T23:59:59Z");
        network.settle();
        TransactionId after = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 100, "2017-03-01T00:00:01Z");
        network.settle();

        assertStatus(before, TransactionStatus.COMPLETED);
        assertStatus(after, TransactionStatus.TERMINATED);
        refusal(after, ResponseCode.AFTER_TRUE_UP_PERIOD);
    }

    @Test
    void aTransferJapanNeverAnswersIsTerminatedAfterTheTestersCompletionLimit() {
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP2, 1_000, "2016-05-02T09:00:00Z");
        network.faults().set("JP", new PeerFault(FaultKind.UNAVAILABLE, 0, 0));
        try {
            TransactionId id = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 100, "2016-05-02T10:00:00Z");
            network.settle();

            network.advance(Duration.ofHours(5).plusMinutes(55));
            assertFalse(at("ITL", id).isFinal(), () -> "not yet: " + at("ITL", id).history());
            network.advance(Duration.ofMinutes(10));

            assertStatus(id, TransactionStatus.TERMINATED);
            refusal(id, ResponseCode.TRANSACTION_OVERDUE);
        } finally {
            network.faults().clearAll();
        }
    }

    private List<ResponseCode> codesAt(String node, TransactionId id) {
        return at(node, id).history().stream().flatMap(change -> change.results().stream()).map(EvaluationResult::code)
                .toList();
    }

    @Test
    void japanIssuesAausUpToTheAssignedAmountOfTheTestersItlAndIsRefusedWith5008Beyond() {
        TransactionId within = issueAaus(5_100_000_000L, 600, "2014-02-01T09:00:00Z");
        assertEquals(TransactionStatus.COMPLETED, at("JP", within).status(), () -> at("JP", within).history().toString());

        TransactionId beyond = issueAaus(5_100_001_000L, 600, "2014-02-02T09:00:00Z");
        Transaction atJapan = at("JP", beyond);
        assertTrue(atJapan.isFinal() && atJapan.status() != TransactionStatus.COMPLETED, () -> atJapan.history().toString());
        List<ResponseCode> codes = at("ITL", beyond).history().stream().flatMap(change -> change.results().stream())
                .map(EvaluationResult::code).toList();
        assertTrue(codes.contains(ResponseCode.AAU_ISSUANCE_OVER_ASSIGNED_AMOUNT), () -> "the ITL answered " + codes);
    }

    @Test
    void theItlRefusesWithTheCodeAndNameOfARuleTheTesterAdded() {
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP1, 1_000, "2014-12-01T09:00:00Z");
        TransactionId accepted = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 100, "2014-12-31T09:00:00Z");
        network.settle();
        assertStatus(accepted, TransactionStatus.COMPLETED);

        TransactionId refused = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 100, "2015-01-02T09:00:00Z");
        network.settle();
        assertStatus(refused, TransactionStatus.TERMINATED);
        assertEquals("No CP1 units into holding accounts from 2015 (a tester's rule)",
                refusal(refused, ResponseCode.AFTER_TRUE_UP_PERIOD).description());
    }

    private TransactionId issueAaus(long firstSerial, long quantity, String date) {
        cdm.at(date);
        UnitBlock block = UnitBlock.of(firstSerial, firstSerial + quantity - 1, UnitAttributes.aau(JP, CommitmentPeriod.CP2));
        Proposal proposal = new Proposal(TransactionId.of(JP, firstSerial % 1_000_000 + 1), TransactionType.ISSUANCE, 0, JP,
                null, JP, JP_CP2, null, List.of(block), Map.of(), Instant.parse(date));
        ProposalOutcome outcome = network.registryNode("JP").submit(() -> network.lifecycle("JP").propose(proposal));
        assertTrue(outcome.isRecorded(), () -> "JP refused its own proposal: " + outcome.refusals());
        network.settle();
        return proposal.id();
    }

    private Transaction at(String node, TransactionId id) {
        return cdm.at(node, id);
    }

    private void assertStatus(TransactionId id, TransactionStatus status) {
        Transaction atCdm = cdm.at("CDM", id);
        assertEquals(status, atCdm.status(), () -> atCdm.history().toString());
        assertEquals(status, cdm.at("ITL", id).status());
    }

    private EvaluationResult refusal(TransactionId id, ResponseCode code) {
        return cdm.at("CDM", id).history().stream().flatMap(change -> change.results().stream())
                .filter(result -> result.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + cdm.at("CDM", id).history()));
    }
}
