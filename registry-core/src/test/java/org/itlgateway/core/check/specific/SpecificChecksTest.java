package org.itlgateway.core.check.specific;

import static org.itlgateway.core.fixtures.Network.CDM;
import static org.itlgateway.core.fixtures.Network.CDM_PARTICIPANT;
import static org.itlgateway.core.fixtures.Network.CDM_PENDING;
import static org.itlgateway.core.fixtures.Network.EXPIRY;
import static org.itlgateway.core.fixtures.Network.FOREST;
import static org.itlgateway.core.fixtures.Network.JI_PROJECT;
import static org.itlgateway.core.fixtures.Network.JP;
import static org.itlgateway.core.fixtures.Network.JP_ASSIGNED_AMOUNT;
import static org.itlgateway.core.fixtures.Network.JP_ENTITY;
import static org.itlgateway.core.fixtures.Network.JP_RESERVE;
import static org.itlgateway.core.fixtures.Network.JP_RETIREMENT;
import static org.itlgateway.core.fixtures.Network.JP_VOLUNTARY_CANCELLATION;
import static org.itlgateway.core.fixtures.Network.NZ;
import static org.itlgateway.core.fixtures.Network.NZ_PARTY;
import static org.itlgateway.core.fixtures.Network.WIND;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.aau;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.cer;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.eru;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.lcer;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.rmu;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.tcer;
import static org.itlgateway.core.fixtures.Verdicts.assertPasses;
import static org.itlgateway.core.fixtures.Verdicts.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.fixtures.ProposalBuilder;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.Test;

class SpecificChecksTest {

    private final Network network = new Network();

    // issuance: 5001, 5002, 5003, 5008

    @Test
    void cdmIssuingAausAndAPartyIssuingCersAreRefusedWith5001() {
        assertRefused(5001, new IssuanceByEntitledRegistry(),
                network.context(network.validCerIssuance().block(aau(CDM, 100_001, 100_100))));
        assertRefused(5001, new IssuanceByEntitledRegistry(),
                network.context(network.validAauIssuance().block(cer(WIND, 100_001, 100_100).origin(JP))));
    }

    @Test
    void cdmIssuingCersAndAPartyIssuingAausPass5001() {
        assertPasses(new IssuanceByEntitledRegistry(), network.context(network.validCerIssuance()));
        assertPasses(new IssuanceByEntitledRegistry(), network.context(network.validAauIssuance()));
    }

    @Test
    void issuanceIntoAnotherAccountThanTheIssuanceAccountIsRefusedWith5002() {
        assertRefused(5002, new IssuanceIntoIssuanceAccount(), network.context(network.validCerIssuance().to(CDM_PARTICIPANT)));
        assertRefused(5002, new IssuanceIntoIssuanceAccount(), network.context(network.validAauIssuance().to(JP_ENTITY)));
    }

    @Test
    void issuanceIntoPendingOrPartyHoldingAccountPasses5002() {
        assertPasses(new IssuanceIntoIssuanceAccount(), network.context(network.validCerIssuance()));
        assertPasses(new IssuanceIntoIssuanceAccount(), network.context(network.validAauIssuance()));
    }

    @Test
    void issuanceOfErusIsRefusedWith5003() {
        assertRefused(5003, new IssuanceOfIssuableUnitTypes(),
                network.context(network.validAauIssuance().block(eru(JP, JI_PROJECT, 100_001, 100_100))));
    }

    @Test
    void issuanceOfRmusPasses5003() {
        assertPasses(new IssuanceOfIssuableUnitTypes(),
                network.context(network.validAauIssuance().block(rmu(JP, 100_001, 100_100))));
    }

    @Test
    void aauIssuanceBeyondTheAssignedAmountIsRefusedWith5008() {
        long issued = network.facts().issuedQuantity(JP, UnitType.AAU, CommitmentPeriod.CP2);
        long room = JP_ASSIGNED_AMOUNT - issued;
        EvaluationResult result = assertRefused(5008, new AauIssuanceWithinAssignedAmount(),
                network.context(network.validAauIssuance().block(aau(JP, 100_001, 100_000 + room + 1))));
        assertEquals(List.of(UnitBlockId.of(JP, 100_001, 100_000 + room + 1)), result.blocks());
    }

    @Test
    void aauIssuanceUpToTheAssignedAmountPasses5008() {
        long issued = network.facts().issuedQuantity(JP, UnitType.AAU, CommitmentPeriod.CP2);
        long room = JP_ASSIGNED_AMOUNT - issued;
        assertPasses(new AauIssuanceWithinAssignedAmount(),
                network.context(network.validAauIssuance().block(aau(JP, 100_001, 100_000 + room))));
    }

    @Test
    void partyWithoutARecordedAssignedAmountIsNotLimitedBy5008() {
        assertPasses(new AauIssuanceWithinAssignedAmount(), network.context(ProposalBuilder.proposal(SupplementaryType.ISSUANCE)
                .issuedBy(NZ).to(NZ_PARTY).block(aau(NZ, 1, 5_000_000))));
    }

    // conversion: 5004, 5005

    @Test
    void conversionOfCersIsRefusedWith5004() {
        assertRefused(5004, new ConversionOfAausAndRmusOnly(),
                network.context(network.validConversion().block(cer(WIND, 3001, 3100).period(CommitmentPeriod.CP1))));
    }

    @Test
    void conversionOfAausAndRmusPasses5004() {
        assertPasses(new ConversionOfAausAndRmusOnly(), network.context(network.validConversion()));
        assertPasses(new ConversionOfAausAndRmusOnly(), network.context(network.validConversion()
                .block(rmu(JP, 20_001, 20_100).unitType(UnitType.ERU_FROM_RMU).project(JI_PROJECT).track(Track.ONE))));
    }

    @Test
    void conversionOfAnotherPartysUnitsIsRefusedWith5005() {
        assertRefused(5005, new ConversionOfOwnUnitsOnly(), network.context(network.validConversion().block(aau(NZ, 1, 10))));
    }

    @Test
    void conversionOfOwnUnitsPasses5005() {
        assertPasses(new ConversionOfOwnUnitsOnly(), network.context(network.validConversion()));
    }

    // cancellation, retirement, replacement: 5006, 5007, 5009, 5010, 5011

    @Test
    void cancellationIntoAHoldingAccountIsRefusedWith5006() {
        assertRefused(5006, new CancellationIntoCancellationAccount(),
                network.context(network.validVoluntaryCancellation().to(CDM_PARTICIPANT)));
    }

    @Test
    void cancellationIntoACancellationAccountPasses5006() {
        assertPasses(new CancellationIntoCancellationAccount(), network.context(network.validVoluntaryCancellation()));
    }

    @Test
    void retirementIntoACancellationAccountIsRefusedWith5007() {
        assertRefused(5007, new RetirementIntoRetirementAccount(),
                network.context(network.validRetirement().to(JP_VOLUNTARY_CANCELLATION)));
    }

    @Test
    void retirementIntoTheRetirementAccountPasses5007() {
        assertPasses(new RetirementIntoRetirementAccount(), network.context(network.validRetirement()));
    }

    @Test
    void retirementOfCp1UnitsIntoTheCp2AccountIsRefusedWith5009() {
        assertRefused(5009, new RetirementOfAccountPeriodUnits(),
                network.context(network.validRetirement().block(cer(WIND, 3001, 3100).period(CommitmentPeriod.CP1))));
    }

    @Test
    void retirementIntoAnAccountOfNoPeriodIsRefusedWith5009() {
        AccountRef withoutPeriod = AccountRef.parse("JP-300-11-0");
        network.account(withoutPeriod, AccountStatus.OPEN);
        assertRefused(5009, new RetirementOfAccountPeriodUnits(), network.context(network.validRetirement().to(withoutPeriod)));
    }

    @Test
    void retirementOfUnitsCarriedOverIntoTheirNewPeriodPasses5009() {
        assertPasses(new RetirementOfAccountPeriodUnits(), network.context(network.validRetirement()));
        assertPasses(new RetirementOfAccountPeriodUnits(), network.context(network.validRetirement()
                .block(cer(WIND, 3001, 3100).originalPeriod(CommitmentPeriod.CP1))));
    }

    @Test
    void replacementIntoARetirementAccountIsRefusedWith5010() {
        assertRefused(5010, new ReplacementIntoReplacementAccount(), network.context(network.validReplacement().to(JP_RETIREMENT)));
    }

    @Test
    void replacementIntoAReplacementAccountPasses5010() {
        assertPasses(new ReplacementIntoReplacementAccount(), network.context(network.validReplacement()));
    }

    @Test
    void replacingExpiringTcersWithOtherTemporaryUnitsIsRefusedWith5011() {
        assertRefused(5011, new ReplacementWithEligibleUnits(),
                network.context(network.validReplacement().block(tcer(FOREST, 6401, 6500, EXPIRY))));
        assertRefused(5011, new ReplacementWithEligibleUnits(),
                network.context(network.validReplacement().block(lcer(FOREST, 4001, 4100, EXPIRY))));
    }

    @Test
    void replacingWithAausOrCersPasses5011() {
        assertPasses(new ReplacementWithEligibleUnits(), network.context(network.validReplacement()));
        assertPasses(new ReplacementWithEligibleUnits(), network.context(network.validReplacement().block(cer(WIND, 6301, 6400))));
    }

    // carry-over: 5012, 5013, 5014

    @Test
    void carryOverOfRmusAndTemporaryUnitsIsRefusedWith5012() {
        assertRefused(5012, new CarryOverOfEligibleUnits(), network.context(network.validCarryOver()
                .block(rmu(JP, 20_001, 20_100).period(CommitmentPeriod.CP1))));
        assertRefused(5012, new CarryOverOfEligibleUnits(), network.context(network.validCarryOver()
                .block(tcer(FOREST, 6401, 6500, EXPIRY).period(CommitmentPeriod.CP1))));
    }

    @Test
    void carryOverOfCersUnder7_38AndOfAausUnder7_39Passes5012() {
        assertPasses(new CarryOverOfEligibleUnits(), network.context(network.validCarryOver()));
        assertPasses(new CarryOverOfEligibleUnits(), network.context(network.validAauCarryOver()));
    }

    @Test
    void carryOverOfAausUnder7_38OrOfCersUnder7_39IsRefusedWith5012() {
        assertRefused(5012, new CarryOverOfEligibleUnits(), network.context(network.validCarryOver()
                .block(aau(JP, 70_001, 70_100).originalPeriod(CommitmentPeriod.CP1).applicablePeriod(CommitmentPeriod.CP2))));
        assertRefused(5012, new CarryOverOfEligibleUnits(), network.context(network.validAauCarryOver()
                .block(cer(WIND, 3001, 3100).originalPeriod(CommitmentPeriod.CP1).applicablePeriod(CommitmentPeriod.CP2))));
    }

    @Test
    void carryOverOfMoreCersThanTheShareOfTheAssignedAmountIsRefusedWith5013() {
        network.parameters(network.parameters().withAssignedAmounts(Map.of(JP, Map.of(CommitmentPeriod.CP1, 3_000L))));
        EvaluationResult result = assertRefused(5013, new CarryOverWithinLimit(), network.context(network.validCarryOver()));
        assertEquals(List.of(UnitBlockId.of(CDM, 3001, 3100)), result.blocks());
    }

    @Test
    void carryOverWithinTheLimitAndOfAausPasses5013() {
        network.parameters(network.parameters().withAssignedAmounts(Map.of(JP, Map.of(CommitmentPeriod.CP1, 3_334L))));
        assertPasses(new CarryOverWithinLimit(), network.context(network.validCarryOver()));
        network.parameters(network.parameters().withAssignedAmounts(Map.of(JP, Map.of(CommitmentPeriod.CP1, 1L))));
        assertPasses(new CarryOverWithinLimit(), network.context(network.validCarryOver()
                .block(aau(JP, 1, 100).period(CommitmentPeriod.CP1))));
    }

    @Test
    void carryOverOfCp2UnitsIsRefusedWith5014() {
        // AAUs 1..100 are CP2 units already: there is no period to carry them into
        assertRefused(5014, new CarryOverToNextPeriod(), network.context(network.validCarryOver().block(aau(JP, 1, 100))));
    }

    @Test
    void carryOverOfCp1UnitsPasses5014() {
        assertPasses(new CarryOverToNextPeriod(), network.context(network.validCarryOver()));
    }

    // expiry date change: 5015, 5025

    @Test
    void expiryDateChangeOfCersIsRefusedWith5015() {
        assertRefused(5015, new ExpiryDateChangeOfTemporaryUnitsOnly(),
                network.context(network.validExpiryDateChange().block(cer(WIND, 6301, 6400))));
    }

    @Test
    void expiryDateChangeOfLcersPasses5015() {
        assertPasses(new ExpiryDateChangeOfTemporaryUnitsOnly(), network.context(network.validExpiryDateChange()));
    }

    @Test
    void expiryDateChangeToAnEarlierOrTheSameDateIsRefusedWith5025() {
        assertRefused(5025, new ExpiryDateChangeToLaterDate(),
                network.context(network.validExpiryDateChange().block(lcer(FOREST, 4001, 4100, EXPIRY.minusDays(1)))));
        assertRefused(5025, new ExpiryDateChangeToLaterDate(),
                network.context(network.validExpiryDateChange().block(lcer(FOREST, 4001, 4100, EXPIRY))));
    }

    @Test
    void expiryDateChangeToALaterDatePasses5025() {
        assertPasses(new ExpiryDateChangeToLaterDate(),
                network.context(network.validExpiryDateChange().block(lcer(FOREST, 4001, 4100, EXPIRY.plusDays(1)))));
    }

    // share of proceeds: 5016, 5017

    @Test
    void shareOfProceedsToAnotherAccountThanTheAdaptationFundIsRefusedWith5016() {
        assertRefused(5016, new ShareOfProceedsToAdaptationFund(), network.context(network.validShareOfProceeds().to(CDM_PARTICIPANT)));
    }

    @Test
    void shareOfProceedsToTheAdaptationFundPasses5016() {
        assertPasses(new ShareOfProceedsToAdaptationFund(), network.context(network.validShareOfProceeds()));
    }

    @Test
    void shareOfProceedsFromAHoldingAccountIsRefusedWith5017() {
        assertRefused(5017, new ShareOfProceedsFromPendingAccount(),
                network.context(network.validShareOfProceeds().from(CDM_PARTICIPANT).block(cer(WIND, 1001, 1020))));
    }

    @Test
    void shareOfProceedsFromThePendingAccountPasses5017() {
        assertPasses(new ShareOfProceedsFromPendingAccount(), network.context(network.validShareOfProceeds()));
    }

    @Test
    void partysShareOfProceedsOnItsFirstTransferGoesToTheAdaptationFundFromItsOwnAccount() {
        assertPasses(new ShareOfProceedsToAdaptationFund(), network.context(network.validShareOfProceedsOnFirstTransferOfAaus()));
        assertPasses(new ShareOfProceedsFromPendingAccount(), network.context(network.validShareOfProceedsOnFirstTransferOfAaus()));
        assertRefused(5016, new ShareOfProceedsToAdaptationFund(),
                network.context(network.validShareOfProceedsOnFirstTransferOfAaus().to(CDM_PARTICIPANT)));
    }

    // share of proceeds on the first transfer of AAUs: 5027, 5028

    @Test
    void shareOfProceedsOnTheFirstTransferPaidInOtherUnitsThanSecondPeriodAausIsRefusedWith5027() {
        assertRefused(5027, new ShareOfProceedsInSecondPeriodAaus(),
                network.context(network.validShareOfProceedsOnFirstTransferOfAaus().block(rmu(JP, 20_001, 20_020))));
        assertRefused(5027, new ShareOfProceedsInSecondPeriodAaus(),
                network.context(network.validShareOfProceedsOnFirstTransferOfAaus().block(aau(JP, 70_001, 70_020).period(CommitmentPeriod.CP1))));
    }

    @Test
    void shareOfProceedsOnTheFirstTransferInSecondPeriodAausPasses5027() {
        assertPasses(new ShareOfProceedsInSecondPeriodAaus(), network.context(network.validShareOfProceedsOnFirstTransferOfAaus()));
    }

    @Test
    void ordinaryExternalTransferIntoTheAdaptationFundsAccountIsRefusedWith5028() {
        assertRefused(5028, new AdaptationFundReceivesShareOfProceedsOnly(), network.context(
                network.validShareOfProceedsOnFirstTransferOfAaus().kind(SupplementaryType.EXTERNAL_TRANSFER)));
    }

    @Test
    void shareOfProceedsAndTransfersToOtherAccountsPass5028() {
        assertPasses(new AdaptationFundReceivesShareOfProceedsOnly(), network.context(network.validShareOfProceedsOnFirstTransferOfAaus()));
        assertPasses(new AdaptationFundReceivesShareOfProceedsOnly(), network.context(network.validShareOfProceeds()));
        assertPasses(new AdaptationFundReceivesShareOfProceedsOnly(), network.context(network.validExternalTransfer()));
    }

    // accounts: 5018, 5019, 5020, 5021

    @Test
    void transferIntoThePendingAccountIsRefusedWith5018() {
        assertRefused(5018, new NoTransferIntoPendingAccount(), network.context(network.validForwarding()
                .from(CDM_PARTICIPANT).to(CDM_PENDING).block(cer(WIND, 1001, 1100))));
    }

    @Test
    void issuanceIntoThePendingAccountPasses5018() {
        assertPasses(new NoTransferIntoPendingAccount(), network.context(network.validCerIssuance()));
    }

    @Test
    void anExpiryDateChangeOfUnitsStayingInThePendingAccountPasses5018() {
        assertPasses(new NoTransferIntoPendingAccount(),
                network.context(network.validExpiryDateChange().from(CDM_PENDING).to(CDM_PENDING)));
    }

    @Test
    void externalTransferIntoARetirementAccountIsRefusedWith5019() {
        assertRefused(5019, new ExternalTransferToHoldingAccount(), network.context(network.validExternalTransfer().to(JP_RETIREMENT)));
    }

    @Test
    void externalTransferIntoAHoldingAccountPasses5019() {
        assertPasses(new ExternalTransferToHoldingAccount(), network.context(network.validExternalTransfer()));
    }

    @Test
    void pendingAccountOutsideTheCdmRegistryIsRefusedWith5020() {
        AccountRef japanesePending = AccountRef.parse("JP-110-5-0");
        assertRefused(5020, new CdmOnlyAccountsInCdmRegistry(), network.context(network.validInternalTransfer().to(japanesePending)));
    }

    @Test
    void pendingAccountOfTheCdmRegistryPasses5020() {
        assertPasses(new CdmOnlyAccountsInCdmRegistry(), network.context(network.validExternalTransfer()));
    }

    @Test
    void voluntaryCancellationFromTheSurplusReserveIsRefusedWith5021() {
        assertRefused(5021, new VoluntaryCancellationFromPendingOrHolding(), network.context(network.validVoluntaryCancellation()
                .from(JP_RESERVE).to(JP_VOLUNTARY_CANCELLATION).block(aau(JP, 40_001, 40_100))));
    }

    @Test
    void voluntaryCancellationFromPendingOrHoldingAccountsPasses5021() {
        assertPasses(new VoluntaryCancellationFromPendingOrHolding(), network.context(network.validVoluntaryCancellation()));
        assertPasses(new VoluntaryCancellationFromPendingOrHolding(),
                network.context(network.validVoluntaryCancellation().from(CDM_PENDING).block(cer(WIND, 1, 100))));
    }

    // CDM after the CP1 true-up: 5022; notices: 5023; retirement by CDM: 5024; internal transfer: 5026

    @Test
    void cp1UnitsLeavingTheCdmRegistryAfterTheCp1TrueUpAreRefusedWith5022() {
        ProposalBuilder cp1Transfer = network.validExternalTransfer().from(CDM_PARTICIPANT)
                .block(cer(WIND, 2001, 2100).period(CommitmentPeriod.CP1));
        assertRefused(5022, new Cp1UnitsStayInCdmAfterTrueUp(), network.context(cp1Transfer));
    }

    @Test
    void cp1UnitsLeftTheCdmRegistryBeforeTheEndOfTheCp1TrueUp() {
        network.at(Instant.parse("2015-11-18T23:59:59Z"));
        ProposalBuilder cp1Transfer = network.validExternalTransfer().from(CDM_PARTICIPANT)
                .block(cer(WIND, 2001, 2100).period(CommitmentPeriod.CP1));
        assertPasses(new Cp1UnitsStayInCdmAfterTrueUp(), network.context(cp1Transfer));
    }

    @Test
    void cp1UnitsInTheCdmRegistryAreStillCancelledAfterTheCp1TrueUp() {
        assertPasses(new Cp1UnitsStayInCdmAfterTrueUp(), network.context(network.validVoluntaryCancellation()
                .block(cer(WIND, 2001, 2100).period(CommitmentPeriod.CP1))));
    }

    @Test
    void netSourceCancellationWithoutNoticeIsRefusedWith5023() {
        assertRefused(5023, new CancellationAgainstNotice(), network.context(network.validNetSourceCancellation().notice(null)));
    }

    @Test
    void netSourceCancellationAgainstANoticeAndVoluntaryCancellationPass5023() {
        assertPasses(new CancellationAgainstNotice(), network.context(network.validNetSourceCancellation()));
        assertPasses(new CancellationAgainstNotice(), network.context(network.validVoluntaryCancellation()));
    }

    @Test
    void retirementByTheCdmRegistryIsRefusedWith5024() {
        AccountRef cdmRetirement = AccountRef.parse("CDM-300-9-2");
        assertRefused(5024, new NoRetirementInCdm(), network.context(network.validRetirement()
                .from(CDM_PARTICIPANT).to(cdmRetirement).block(cer(WIND, 1001, 1100))));
    }

    @Test
    void retirementByAPartyPasses5024() {
        assertPasses(new NoRetirementInCdm(), network.context(network.validRetirement()));
    }

    @Test
    void internalTransferToAnotherRegistryIsRefusedWith5026() {
        assertRefused(5026, new InternalTransferWithinRegistry(), network.context(network.validInternalTransfer().to(NZ_PARTY)));
    }

    @Test
    void internalTransferInsideItsRegistryPasses5026() {
        assertPasses(new InternalTransferWithinRegistry(), network.context(network.validInternalTransfer()));
    }
}
