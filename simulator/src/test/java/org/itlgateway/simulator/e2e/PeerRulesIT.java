package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every peer rule on both sides of its date boundary, played across the network: the CDM registry proposes,
 * the ITL checks (and the CITL for EU registries), the acquiring registry answers with its own dated rules.
 */
class PeerRulesIT {

    private Network network;
    private CdmActions cdm;

    @BeforeEach
    void network() {
        network = TestNetwork.get();
        cdm = new CdmActions(network);
    }

    @Test
    void theUkRegistryAcceptsCersOn31December2020() {
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2020-12-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("GB", 1001), 4321, 100, "2020-12-31T12:00:00Z");
        network.settle();
        assertCompleted(id, "GB");
    }

    @Test
    void theUkRegistryRefusesCersFrom1January2021With5301() {
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2020-12-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("GB", 1001), 4321, 100, "2021-01-01T00:00:01Z");
        network.settle();
        assertRefused(id, TransactionStatus.REJECTED, ResponseCode.ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE);
        assertEquals(1_000 - 20, cdm.heldBy("CDM", held), "the refused units are back, free, in the holding account");
    }

    @Test
    void theSwissRegistryAcceptsCp1UnitsOn30April2015() {
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP1, 1_000, "2012-05-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("CH", 3001), 1234, 100, "2015-04-30T12:00:00Z");
        network.settle();
        assertCompleted(id, "CH");
    }

    @Test
    void theSwissRegistryRefusesCp1UnitsFrom1May2015With5302() {
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP1, 1_000, "2012-05-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("CH", 3001), 1234, 100, "2015-05-01T00:00:01Z");
        network.settle();
        assertRefused(id, TransactionStatus.REJECTED, ResponseCode.ACQUIRING_REGISTRY_REFUSES_COMMITMENT_PERIOD);
    }

    @Test
    void theSwissRegistryStillAcceptsCp2UnitsAfter1May2015() {
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2015-05-02T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("CH", 3001), 4321, 100, "2015-06-16T09:00:00Z");
        network.settle();
        assertCompleted(id, "CH");
    }

    @Test
    void theCitlAcceptsHfc23CreditsIntoGermanyOn30April2013() {
        AccountRef held = cdm.holdingOf(115, CommitmentPeriod.CP1, 1_000, "2012-06-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("DE", 4001), 115, 100, "2013-04-30T12:00:00Z");
        network.settle();
        assertCompleted(id, "DE");
        assertTrue(cdm.at("ITL", id).history().stream().anyMatch(c -> c.status() == TransactionStatus.STL_CHECKED_NO_DISCREPANCY),
                "the ITL asked the CITL");
    }

    @Test
    void theCitlRefusesHfc23CreditsFrom1May2013With7003() {
        AccountRef held = cdm.holdingOf(115, CommitmentPeriod.CP1, 1_000, "2012-06-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("DE", 4001), 115, 100, "2013-05-01T00:00:01Z");
        network.settle();
        assertRefused(id, TransactionStatus.TERMINATED, ResponseCode.INDUSTRIAL_GAS_CREDITS_AFTER_APRIL_2013);
        assertEquals(TransactionStatus.STL_CHECKED_DISCREPANCY,
                cdm.at("ITL", id).history().stream().map(c -> c.status())
                        .filter(s -> s == TransactionStatus.STL_CHECKED_DISCREPANCY).findFirst().orElse(null));
    }

    @Test
    void theCitlRefusesN2oAdipicAcidCreditsIntoFranceFrom1May2013With7003() {
        AccountRef held = cdm.holdingOf(116, CommitmentPeriod.CP1, 1_000, "2012-06-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("FR", 5001), 116, 100, "2013-06-01T09:00:00Z");
        network.settle();
        assertRefused(id, TransactionStatus.TERMINATED, ResponseCode.INDUSTRIAL_GAS_CREDITS_AFTER_APRIL_2013);
    }

    @Test
    void theCitlRefusesCreditsFromANuclearProjectWith7002() {
        AccountRef held = cdm.holdingOf(7001, CommitmentPeriod.CP2, 1_000, "2014-06-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("DE", 4001), 7001, 100, "2014-06-02T09:00:00Z");
        network.settle();
        assertRefused(id, TransactionStatus.TERMINATED, ResponseCode.NUCLEAR_PROJECT_CREDITS);
    }

    @Test
    void theCitlRefusesLargeHydroWithoutTheComplianceFlagWith7004AndAcceptsSmallHydro() {
        AccountRef large = cdm.holdingOf(2207, CommitmentPeriod.CP2, 1_000, "2014-06-01T09:00:00Z");
        TransactionId refused = cdm.transfer(large, CdmActions.account("DE", 4001), 2207, 100, "2014-06-02T09:00:00Z");
        network.settle();
        assertRefused(refused, TransactionStatus.TERMINATED, ResponseCode.LARGE_HYDRO_WITHOUT_COMPLIANCE);

        AccountRef small = cdm.holdingOf(2208, CommitmentPeriod.CP2, 1_000, "2014-06-01T09:00:00Z");
        TransactionId accepted = cdm.transfer(small, CdmActions.account("DE", 4001), 2208, 100, "2014-06-02T09:00:00Z");
        network.settle();
        assertCompleted(accepted, "DE");
    }

    @Test
    void theCitlRefusesTcersIntoAnEuRegistryWith7001AndJapanAcceptsThem() {
        AccountRef held = cdm.holdingOf(new org.itlgateway.core.cdm.IssuanceRequest(5501, org.itlgateway.core.unit.UnitType.TCER,
                CommitmentPeriod.CP1, 1_000, java.time.LocalDate.parse("2013-01-01")), "2010-03-01T09:00:00Z");
        TransactionId refused = cdm.transfer(held, CdmActions.account("DE", 4001), 5501, 100, "2010-03-02T09:00:00Z");
        network.settle();
        assertRefused(refused, TransactionStatus.TERMINATED, ResponseCode.TEMPORARY_CERS_NOT_ACCEPTED_IN_EU);

        TransactionId accepted = cdm.transfer(held, CdmActions.account("JP", 20045), 5501, 100, "2010-03-03T09:00:00Z");
        network.settle();
        assertCompleted(accepted, "JP");
    }

    @Test
    void theItlAcceptsAnInternationalTransferAtTheLastSecondOfTheTrueUpPeriod() {
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2023-08-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("JP", 20045), 4321, 100, "2023-09-09T23:59:59Z");
        network.settle();
        assertCompleted(id, "JP");
    }

    @Test
    void theItlRefusesInternationalTransfersAfterTheTrueUpPeriodWith4007() {
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2023-08-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("JP", 20045), 4321, 100, "2023-09-10T00:00:00Z");
        network.settle();
        assertRefused(id, TransactionStatus.TERMINATED, ResponseCode.AFTER_TRUE_UP_PERIOD);
    }

    private void assertCompleted(TransactionId id, String acquiring) {
        Transaction atCdm = cdm.at("CDM", id);
        assertEquals(TransactionStatus.COMPLETED, atCdm.status(), () -> atCdm.history().toString());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at(acquiring, id).status());
        Transaction atAcquiring = cdm.at(acquiring, id);
        for (var block : atAcquiring.proposal().blocks()) {
            var holders = cdm.holdersIn(acquiring, block.id());
            assertTrue(!holders.isEmpty() && holders.stream().allMatch(h -> h.account().equals(atAcquiring.proposal().acquiringAccount())),
                    () -> block + " is held in " + holders);
        }
    }

    private void assertRefused(TransactionId id, TransactionStatus finalStatus, ResponseCode code) {
        Transaction atCdm = cdm.at("CDM", id);
        assertEquals(finalStatus, atCdm.status(), () -> atCdm.history().toString());
        List<ResponseCode> codes = atCdm.history().stream().flatMap(c -> c.results().stream())
                .map(EvaluationResult::code).toList();
        assertTrue(codes.contains(code), () -> "expected " + code + " in " + codes);
        assertTrue(cdm.at("ITL", id).isFinal(), "the ITL ended it too");
    }
}
