package org.itlgateway.core.check.integrity;

import static org.itlgateway.core.fixtures.Network.CDM;
import static org.itlgateway.core.fixtures.Network.EXPIRY;
import static org.itlgateway.core.fixtures.Network.FOREST;
import static org.itlgateway.core.fixtures.Network.JI_PROJECT;
import static org.itlgateway.core.fixtures.Network.JP;
import static org.itlgateway.core.fixtures.Network.JP_PARTY;
import static org.itlgateway.core.fixtures.Network.JP_VOLUNTARY_CANCELLATION;
import static org.itlgateway.core.fixtures.Network.NZ;
import static org.itlgateway.core.fixtures.Network.UNKNOWN;
import static org.itlgateway.core.fixtures.Network.UNLISTED_PROJECT;
import static org.itlgateway.core.fixtures.Network.WIND;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.aau;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.cer;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.eru;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.lcer;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.nonKyoto;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.rmu;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.tcer;
import static org.itlgateway.core.fixtures.Verdicts.assertPasses;
import static org.itlgateway.core.fixtures.Verdicts.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.fixtures.ProposalBuilder;
import org.itlgateway.core.fixtures.UnitBlockBuilder;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitBlockId;
import org.junit.jupiter.api.Test;

class IntegrityChecksTest {

    private final Network network = new Network();

    /** A valid internal transfer from the Japanese Party holding account, of other blocks. */
    private ProposalBuilder transferOf(UnitBlockBuilder... blocks) {
        ProposalBuilder proposal = network.validInternalTransfer().blocks();
        for (UnitBlockBuilder block : blocks) {
            proposal.addBlock(block);
        }
        return proposal;
    }

    // 2002

    @Test
    void overlappingBlocksAreRefusedWith2002NamingBoth() {
        EvaluationResult result = assertRefused(2002, new BlocksDoNotOverlap(),
                network.context(transferOf(aau(JP, 401, 500), aau(JP, 450, 550), aau(JP, 600, 700))));
        assertEquals(List.of(UnitBlockId.of(JP, 401, 500), UnitBlockId.of(JP, 450, 550)), result.blocks());
    }

    @Test
    void aBlockInsideALongerOneIsFoundEvenBehindAnother() {
        EvaluationResult result = assertRefused(2002, new BlocksDoNotOverlap(),
                network.context(transferOf(aau(JP, 1, 1000), aau(JP, 10, 20), aau(JP, 500, 510))));
        assertEquals(3, result.blocks().size());
    }

    @Test
    void adjacentBlocksAndTheSameSerialsOfAnotherOriginPass2002() {
        assertPasses(new BlocksDoNotOverlap(),
                network.context(transferOf(aau(JP, 401, 500), aau(JP, 501, 600), aau(NZ, 401, 500))));
    }

    // 2003

    @Test
    void moreBlocksThanAllowedAreRefusedWith2003() {
        network.parameters(withMaxBlocks(network.parameters(), 2));
        assertRefused(2003, new BlockCountWithinLimit(),
                network.context(transferOf(aau(JP, 401, 410), aau(JP, 411, 420), aau(JP, 421, 430))));
    }

    @Test
    void asManyBlocksAsAllowedPass2003() {
        network.parameters(withMaxBlocks(network.parameters(), 2));
        assertPasses(new BlockCountWithinLimit(), network.context(transferOf(aau(JP, 401, 410), aau(JP, 411, 420))));
    }

    // 2004

    @Test
    void proposalWithoutBlocksIsRefusedWith2004() {
        assertRefused(2004, new ProposalHasUnitBlocks(), network.context(network.validInternalTransfer().blocks()));
    }

    @Test
    void proposalWithABlockPasses2004() {
        assertPasses(new ProposalHasUnitBlocks(), network.context(network.validInternalTransfer()));
    }

    // 2005

    @Test
    void blockOfAnOriginatingRegistryNobodyKnowsIsRefusedWith2005() {
        EvaluationResult result = assertRefused(2005, new OriginatingRegistryKnown(),
                network.context(transferOf(aau(JP, 401, 500), aau(UNKNOWN, 1, 10))));
        assertEquals(List.of(UnitBlockId.of(UNKNOWN, 1, 10)), result.blocks());
    }

    @Test
    void blocksOfKnownRegistriesPass2005() {
        assertPasses(new OriginatingRegistryKnown(), network.context(transferOf(aau(JP, 401, 500), cer(WIND, 1, 10))));
    }

    // 2006

    @Test
    void cersOriginatingInAPartyAndAausOriginatingInCdmAreRefusedWith2006() {
        EvaluationResult result = assertRefused(2006, new UnitTypeMatchesOriginatingRegistry(),
                network.context(transferOf(cer(WIND, 1, 10).origin(JP), aau(CDM, 1, 10), aau(JP, 401, 500))));
        assertEquals(List.of(UnitBlockId.of(JP, 1, 10), UnitBlockId.of(CDM, 1, 10)), result.blocks());
    }

    @Test
    void cersOfCdmAndAausOfAPartyPass2006() {
        assertPasses(new UnitTypeMatchesOriginatingRegistry(),
                network.context(transferOf(cer(WIND, 1, 10), aau(JP, 401, 500), eru(JP, JI_PROJECT, 30_001, 30_100))));
    }

    // 2007

    @Test
    void unitsValidInAnEarlierPeriodThanIssuedForAreRefusedWith2007() {
        assertRefused(2007, new ApplicablePeriodNotBeforeOriginal(),
                network.context(transferOf(aau(JP, 401, 500).applicablePeriod(CommitmentPeriod.CP1))));
    }

    @Test
    void unitsCarriedOverToALaterPeriodPass2007() {
        assertPasses(new ApplicablePeriodNotBeforeOriginal(), network.context(transferOf(
                aau(JP, 401, 500).originalPeriod(CommitmentPeriod.CP1).applicablePeriod(CommitmentPeriod.CP2))));
    }

    // 2008

    @Test
    void kyotoUnitsOfPeriodZeroAreRefusedWith2008() {
        assertRefused(2008, new KyotoUnitsHaveCommitmentPeriod(),
                network.context(transferOf(aau(JP, 401, 500).period(CommitmentPeriod.ZERO))));
        assertRefused(2008, new KyotoUnitsHaveCommitmentPeriod(),
                network.context(transferOf(aau(JP, 401, 500).applicablePeriod(CommitmentPeriod.ZERO))));
    }

    @Test
    void nonKyotoUnitsOfNoPeriodAndKyotoUnitsOfAPeriodPass2008() {
        assertPasses(new KyotoUnitsHaveCommitmentPeriod(),
                network.context(transferOf(nonKyoto(JP, 1, 10), aau(JP, 401, 500))));
    }

    // 2009, 2010

    @Test
    void temporaryUnitsWithoutExpiryDateAreRefusedWith2009() {
        assertRefused(2009, new TemporaryUnitsHaveExpiryDate(),
                network.context(transferOf(tcer(FOREST, 6401, 6500, null))));
    }

    @Test
    void temporaryUnitsWithTheirExpiryDatePass2009() {
        assertPasses(new TemporaryUnitsHaveExpiryDate(), network.context(transferOf(tcer(FOREST, 6401, 6500, EXPIRY))));
    }

    @Test
    void lastingUnitsWithAnExpiryDateAreRefusedWith2010() {
        assertRefused(2010, new ExpiryDateOnlyOnTemporaryUnits(),
                network.context(transferOf(aau(JP, 401, 500).expiry(EXPIRY))));
    }

    @Test
    void lastingUnitsWithoutAndTemporaryUnitsWithExpiryDatePass2010() {
        assertPasses(new ExpiryDateOnlyOnTemporaryUnits(),
                network.context(transferOf(aau(JP, 401, 500), lcer(FOREST, 4001, 4100, EXPIRY))));
    }

    // 2011, 2012

    @Test
    void rmusWithoutActivityAreRefusedWith2011() {
        assertRefused(2011, new LulucfActivityRequired(),
                network.context(transferOf(rmu(JP, 20_001, 20_100).lulucf(null))));
    }

    @Test
    void lulucfUnitsWithTheirActivityPass2011() {
        assertPasses(new LulucfActivityRequired(),
                network.context(transferOf(rmu(JP, 20_001, 20_100), tcer(FOREST, 6401, 6500, EXPIRY), aau(JP, 401, 500))));
    }

    @Test
    void aausWithAnActivityAreRefusedWith2012() {
        assertRefused(2012, new LulucfActivityOnlyOnLulucfUnits(),
                network.context(transferOf(aau(JP, 401, 500).lulucf(LulucfActivity.FOREST_MANAGEMENT))));
    }

    @Test
    void aausWithoutActivityAndRmusWithOnePass2012() {
        assertPasses(new LulucfActivityOnlyOnLulucfUnits(),
                network.context(transferOf(aau(JP, 401, 500), rmu(JP, 20_001, 20_100))));
    }

    // 2013, 2014

    @Test
    void erusWithoutTrackAreRefusedWith2013() {
        assertRefused(2013, new TrackRequiredForErus(),
                network.context(transferOf(eru(JP, JI_PROJECT, 30_001, 30_100).track(null))));
    }

    @Test
    void erusWithTheirTrackPass2013() {
        assertPasses(new TrackRequiredForErus(), network.context(transferOf(eru(JP, JI_PROJECT, 30_001, 30_100))));
    }

    @Test
    void cersWithATrackAreRefusedWith2014() {
        assertRefused(2014, new TrackOnlyOnErus(), network.context(transferOf(cer(WIND, 1, 10).track(Track.TWO))));
    }

    @Test
    void cersWithoutTrackAndErusWithOnePass2014() {
        assertPasses(new TrackOnlyOnErus(),
                network.context(transferOf(cer(WIND, 1, 10), eru(JP, JI_PROJECT, 30_001, 30_100))));
    }

    // 2015

    @Test
    void temporaryUnitsFromForestManagementAreRefusedWith2015() {
        assertRefused(2015, new TemporaryUnitsFromAfforestation(), network.context(
                transferOf(tcer(FOREST, 6401, 6500, EXPIRY).lulucf(LulucfActivity.FOREST_MANAGEMENT))));
    }

    @Test
    void temporaryUnitsFromAfforestationOrWithoutActivityPass2015() {
        assertPasses(new TemporaryUnitsFromAfforestation(), network.context(
                transferOf(tcer(FOREST, 6401, 6500, EXPIRY), lcer(FOREST, 4001, 4100, EXPIRY).lulucf(null))));
    }

    // 2017, 2018, 2019

    @Test
    void cersWithoutProjectAreRefusedWith2017() {
        assertRefused(2017, new ProjectIdentifierRequired(), network.context(transferOf(cer(WIND, 1, 10).project(null))));
    }

    @Test
    void cersWithTheirProjectAndAausWithoutPass2017() {
        assertPasses(new ProjectIdentifierRequired(), network.context(transferOf(cer(WIND, 1, 10), aau(JP, 401, 500))));
    }

    @Test
    void aausWithAProjectAreRefusedWith2018() {
        assertRefused(2018, new NoProjectOnPartyUnits(), network.context(transferOf(aau(JP, 401, 500).project(WIND))));
    }

    @Test
    void aausWithoutAndCersWithAProjectPass2018() {
        assertPasses(new NoProjectOnPartyUnits(), network.context(transferOf(aau(JP, 401, 500), cer(WIND, 1, 10))));
    }

    @Test
    void unitsOfAProjectMissingFromTheReferenceTableAreRefusedWith2019() {
        assertRefused(2019, new ProjectKnown(), network.context(transferOf(cer(UNLISTED_PROJECT, 1, 10))));
    }

    @Test
    void unitsOfListedProjectsAndUnitsOfNoProjectPass2019() {
        assertPasses(new ProjectKnown(), network.context(transferOf(cer(WIND, 1, 10), aau(JP, 401, 500))));
    }

    // 2020, 2021, 2022

    @Test
    void transferOfSerialsNeverIssuedIsRefusedWith2020() {
        EvaluationResult result = assertRefused(2020, new UnitsExist(),
                network.context(transferOf(aau(JP, 401, 500), aau(JP, 9_990, 10_010))));
        assertEquals(List.of(UnitBlockId.of(JP, 9_990, 10_010)), result.blocks());
    }

    @Test
    void issuedUnitsAndIssuancesPass2020() {
        assertPasses(new UnitsExist(), network.context(network.validInternalTransfer()));
        assertPasses(new UnitsExist(), network.context(network.validAauIssuance()));
    }

    @Test
    void blockDescribingItsUnitsOtherwiseThanRecordedIsRefusedWith2021() {
        assertRefused(2021, new BlockAttributesMatchHolding(),
                network.context(transferOf(aau(JP, 401, 500).period(CommitmentPeriod.CP1))));
        assertRefused(2021, new BlockAttributesMatchHolding(),
                network.context(transferOf(lcer(FOREST, 4001, 4100, EXPIRY.plusYears(1)))));
    }

    @Test
    void blocksAsRecordedAndTheNewDateOfAnExpiryDateChangePass2021() {
        assertPasses(new BlockAttributesMatchHolding(), network.context(network.validInternalTransfer()));
        assertPasses(new BlockAttributesMatchHolding(), network.context(network.validExpiryDateChange()));
    }

    @Test
    void issuanceOfSerialsThatExistIsRefusedWith2022() {
        assertRefused(2022, new IssuedSerialsAreNew(),
                network.context(network.validAauIssuance().block(aau(JP, 9_990, 10_010))));
    }

    @Test
    void issuanceOfNewSerialsAndTransfersOfHeldOnesPass2022() {
        assertPasses(new IssuedSerialsAreNew(), network.context(network.validAauIssuance()));
        assertPasses(new IssuedSerialsAreNew(), network.context(network.validInternalTransfer()));
    }

    // 2023

    @Test
    void nonKyotoUnitsAreRefusedWith2023() {
        assertRefused(2023, new NoNonKyotoUnits(), network.context(transferOf(nonKyoto(JP, 1, 10))));
    }

    @Test
    void kyotoUnitsPass2023() {
        assertPasses(new NoNonKyotoUnits(), network.context(network.validInternalTransfer()));
    }

    // 2024

    @Test
    void transferOfLcersTheDayAfterTheyExpiredIsRefusedWith2024() {
        network.at(Instant.parse("2030-01-02T00:00:00Z"));
        assertRefused(2024, new ExpiredTemporaryUnitsOnlyReplacedOrCancelled(),
                network.context(transferOf(lcer(FOREST, 4001, 4100, EXPIRY))));
    }

    @Test
    void lcersAreStillTransferredOnTheirExpiryDate() {
        network.at(Instant.parse("2030-01-01T23:59:59Z"));
        assertPasses(new ExpiredTemporaryUnitsOnlyReplacedOrCancelled(),
                network.context(transferOf(lcer(FOREST, 4001, 4100, EXPIRY))));
    }

    @Test
    void expiredLcersAreStillCancelled() {
        network.at(Instant.parse("2030-06-01T00:00:00Z"));
        ProposalBuilder cancellation = ProposalBuilder.proposal(SupplementaryType.VOLUNTARY_CANCELLATION)
                .from(JP_PARTY).to(JP_VOLUNTARY_CANCELLATION).block(lcer(FOREST, 4001, 4100, EXPIRY));
        assertPasses(new ExpiredTemporaryUnitsOnlyReplacedOrCancelled(), network.context(cancellation));
    }

    // 2025

    @Test
    void issuanceOfUnitsOriginatingInAnotherRegistryIsRefusedWith2025() {
        assertRefused(2025, new IssuanceOfOwnUnitsOnly(),
                network.context(network.validAauIssuance().block(aau(NZ, 1, 10))));
    }

    @Test
    void issuanceOfOwnUnitsAndTransfersOfForeignOnesPass2025() {
        assertPasses(new IssuanceOfOwnUnitsOnly(), network.context(network.validAauIssuance()));
        assertPasses(new IssuanceOfOwnUnitsOnly(), network.context(network.validCarryOver()));
    }

    private static RuleParameters withMaxBlocks(RuleParameters p, int max) {
        return new RuleParameters(p.completionLimit(), p.futureSkew(), max, p.cp2TrueUpEnd(), p.cp1TrueUpEnd(),
                p.assignedAmounts(), p.carryOverLimitPercent());
    }
}
