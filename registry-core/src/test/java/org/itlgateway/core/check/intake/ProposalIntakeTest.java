package org.itlgateway.core.check.intake;

import static org.itlgateway.core.fixtures.Network.EXPIRY;
import static org.itlgateway.core.fixtures.Network.FOREST;
import static org.itlgateway.core.fixtures.Network.JI_PROJECT;
import static org.itlgateway.core.fixtures.Network.JP;
import static org.itlgateway.core.fixtures.Network.JP_ENTITY;
import static org.itlgateway.core.fixtures.Network.JP_PARTY;
import static org.itlgateway.core.fixtures.Network.JP_RESERVE;
import static org.itlgateway.core.fixtures.Network.NOW;
import static org.itlgateway.core.fixtures.Network.WIND;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.aau;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.cer;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.eru;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.rmu;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.tcer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.fixtures.ProposalFormBuilder;
import org.itlgateway.core.fixtures.UnitBlockFormBuilder;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlockId;
import org.junit.jupiter.api.Test;

class ProposalIntakeTest {

    private final Network network = new Network();
    private final ProposalIntake intake = ProposalIntake.of(RuleParameters.defaults());

    /** The form of the valid internal transfer, changed by {@code change}. */
    private IntakeOutcome admit(UnaryOperator<ProposalFormBuilder> change) {
        return intake.admit(change.apply(ProposalFormBuilder.of(network.validInternalTransfer())).build(), NOW);
    }

    /** The valid internal transfer's form, with {@code block} as its only block. */
    private IntakeOutcome admitBlock(UnitBlockFormBuilder block) {
        return admit(form -> form.blocks(block));
    }

    private static void assertRefusedWith(ResponseCode code, IntakeOutcome outcome) {
        assertFalse(outcome.isAdmitted(), "admitted a form it should refuse");
        assertTrue(outcome.codes().contains(code), "expected " + code + " in " + outcome);
        outcome.refusals().forEach(result -> assertFalse(result.description().isBlank()));
    }

    @Test
    void formOfAValidProposalBecomesThatProposal() {
        for (Proposal proposal : List.of(network.validInternalTransfer().build(), network.validCerIssuance().build(),
                network.validExpiryDateChange().build(), network.validShareOfProceeds().build(),
                network.validInternalTransfer().addBlockLeaving(JP_ENTITY, aau(JP, 501, 600)).build())) {
            IntakeOutcome outcome = intake.admit(ProposalFormBuilder.of(proposal).build(), NOW);
            assertTrue(outcome.isAdmitted(), outcome::toString);
            assertTrue(outcome.proposal().orElseThrow().sameContentAs(proposal), outcome::toString);
            assertEquals(proposal.proposedAt(), outcome.proposal().orElseThrow().proposedAt());
            assertEquals(List.of(), outcome.refusals());
        }
    }

    @Test
    void proposalWithoutDateIsDatedAtReceipt() {
        Instant received = NOW.plusSeconds(30);
        IntakeOutcome outcome = intake.admit(ProposalFormBuilder.of(network.validInternalTransfer()).proposedAt(null).build(), received);
        assertEquals(received, outcome.proposal().orElseThrow().proposedAt());
    }

    @Test
    void blockLeavingTheProposalsOwnAccountNeedsNoAccountOfItsOwn() {
        IntakeOutcome outcome = admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).transferringAccount(JP_PARTY));
        assertEquals(Map.of(), outcome.proposal().orElseThrow().blockTransferringAccounts());
    }

    @Test
    void missingFormOrBlocksAreRefusedWith2004() {
        assertRefusedWith(ResponseCode.NO_UNIT_BLOCKS, intake.admit(null, NOW));
        assertRefusedWith(ResponseCode.NO_UNIT_BLOCKS, admit(form -> form.blocks(List.of())));
        assertRefusedWith(ResponseCode.NO_UNIT_BLOCKS, admit(form -> form.blocks((List<UnitBlockForm>) null)));
    }

    @Test
    void moreBlocksThanAllowedAreRefusedWith2003BeforeAnyBlockIsRead() {
        List<UnitBlockForm> blocks = new ArrayList<>();
        for (int i = 0; i < 3001; i++) {
            blocks.add(UnitBlockFormBuilder.of(aau(JP, 1, 1)).serials(i + 2L, i + 1L).build());
        }
        IntakeOutcome outcome = admit(form -> form.blocks(blocks));
        assertEquals(List.of(ResponseCode.TOO_MANY_BLOCKS), outcome.codes());
    }

    @Test
    void blockStartingAfterItsEndIsRefusedWith2001() {
        assertRefusedWith(ResponseCode.BLOCK_START_AFTER_END, admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).serials(500, 401)));
    }

    @Test
    void serialZeroIsRefusedWith2020() {
        assertRefusedWith(ResponseCode.UNITS_DO_NOT_EXIST, admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).serials(0, 10)));
    }

    @Test
    void malformedRegistryCodesAreRefusedWith1020And1022And2005() {
        assertRefusedWith(ResponseCode.TRANSFERRING_REGISTRY_UNKNOWN, admit(form -> form.transferringRegistry("jp")));
        assertRefusedWith(ResponseCode.ACQUIRING_REGISTRY_UNKNOWN, admit(form -> form.acquiringRegistry("ITL")));
        assertRefusedWith(ResponseCode.ORIGINATING_REGISTRY_UNKNOWN, admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).origin("J1")));
        assertRefusedWith(ResponseCode.ORIGINATING_REGISTRY_UNKNOWN, admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).origin(null)));
    }

    @Test
    void malformedTransactionIdentifierIsRefusedWith3001() {
        assertRefusedWith(ResponseCode.TRANSACTION_IDENTIFIER_NOT_OF_PROPOSER, admit(form -> form.transactionIdentifier("12345")));
        assertRefusedWith(ResponseCode.TRANSACTION_IDENTIFIER_NOT_OF_PROPOSER, admit(form -> form.transactionIdentifier(null)));
    }

    @Test
    void transactionTypeOutsideTheCodeListIsRefusedWith3014() {
        assertRefusedWith(ResponseCode.SUPPLEMENTARY_TYPE_INVALID, admit(form -> form.transactionType(9)));
    }

    @Test
    void accountTypesOutsideTheCodeListAreRefusedWith3024And3025() {
        assertRefusedWith(ResponseCode.TRANSFERRING_ACCOUNT_TYPE_NOT_ALLOWED, admit(form -> form.transferringAccount(999, 1L, 0)));
        assertRefusedWith(ResponseCode.ACQUIRING_ACCOUNT_TYPE_NOT_ALLOWED, admit(form -> form.acquiringAccount(101, 20L, 0)));
        assertRefusedWith(ResponseCode.TRANSFERRING_ACCOUNT_TYPE_NOT_ALLOWED,
                admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).transferringAccount(999, 1L)));
    }

    @Test
    void accountsNamedIncompletelyOrWithBadNumbersAreRefusedWith3004And3005() {
        assertRefusedWith(ResponseCode.TRANSFERRING_ACCOUNT_UNKNOWN, admit(form -> form.transferringAccount(100, null, 0)));
        assertRefusedWith(ResponseCode.TRANSFERRING_ACCOUNT_UNKNOWN, admit(form -> form.transferringAccount(100, 1L, 3)));
        assertRefusedWith(ResponseCode.ACQUIRING_ACCOUNT_UNKNOWN, admit(form -> form.acquiringAccount(120, 0L, 0)));
        assertRefusedWith(ResponseCode.ACQUIRING_ACCOUNT_UNKNOWN, admit(form -> form.acquiringAccount(null, 20L, 0)));
        assertRefusedWith(ResponseCode.TRANSFERRING_ACCOUNT_UNKNOWN,
                admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).transferringAccount(100, null)));
    }

    @Test
    void unitTypesOutsideTheCodeListAreRefusedWith2006() {
        assertRefusedWith(ResponseCode.UNIT_TYPE_NOT_ISSUED_BY_ORIGINATING_REGISTRY,
                admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).unitType(8)));
        assertRefusedWith(ResponseCode.UNIT_TYPE_NOT_ISSUED_BY_ORIGINATING_REGISTRY,
                admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).suppUnitType(-1)));
    }

    @Test
    void commitmentPeriodOutsideTheCodeListIsRefusedWith2008() {
        assertRefusedWith(ResponseCode.KYOTO_UNIT_WITHOUT_PERIOD,
                admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).applicablePeriod(3)));
    }

    @Test
    void lulucfActivityOutsideTheCodeListIsRefusedWith2011Or2012() {
        assertRefusedWith(ResponseCode.LULUCF_ACTIVITY_REQUIRED,
                admitBlock(UnitBlockFormBuilder.of(rmu(JP, 20_001, 20_100)).lulucfActivity(9)));
        assertRefusedWith(ResponseCode.LULUCF_ACTIVITY_REQUIRED,
                admitBlock(UnitBlockFormBuilder.of(tcer(FOREST, 6401, 6500, EXPIRY)).lulucfActivity(0)));
        assertRefusedWith(ResponseCode.LULUCF_ACTIVITY_NOT_ALLOWED,
                admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).lulucfActivity(9)));
    }

    @Test
    void trackOutsideTheCodeListIsRefusedWith2013Or2014() {
        assertRefusedWith(ResponseCode.TRACK_REQUIRED,
                admitBlock(UnitBlockFormBuilder.of(eru(JP, JI_PROJECT, 30_001, 30_100)).track(3)));
        assertRefusedWith(ResponseCode.TRACK_NOT_ALLOWED, admitBlock(UnitBlockFormBuilder.of(cer(WIND, 1, 10)).track(3)));
    }

    @Test
    void blocksGoingToTheProposalsAcquiringAccountAreAdmitted() {
        IntakeOutcome outcome = admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).acquiringAccount(JP_ENTITY));
        assertEquals(JP_ENTITY, outcome.proposal().orElseThrow().acquiringAccount());
    }

    @Test
    void blocksNamingTheOnlyAcquiringAccountGiveItToTheProposal() {
        IntakeOutcome outcome = intake.admit(ProposalFormBuilder.of(network.validInternalTransfer().acquiringAccount(null))
                .blocks(UnitBlockFormBuilder.of(aau(JP, 401, 500)).acquiringAccount(JP_ENTITY)).build(), NOW);
        assertEquals(JP_ENTITY, outcome.proposal().orElseThrow().acquiringAccount());
    }

    @Test
    void blocksGoingToAnotherAcquiringAccountAreRefusedWith3025() {
        assertRefusedWith(ResponseCode.ACQUIRING_ACCOUNT_TYPE_NOT_ALLOWED,
                admitBlock(UnitBlockFormBuilder.of(aau(JP, 401, 500)).acquiringAccount(JP_RESERVE)));
    }

    @Test
    void everyProblemIsReportedOnceByCodeNamingTheBlocksThatCanBeNamed() {
        IntakeOutcome outcome = admit(form -> form.transactionType(9).blocks(
                UnitBlockFormBuilder.of(aau(JP, 401, 500)).unitType(8),
                UnitBlockFormBuilder.of(aau(JP, 501, 600)).unitType(9),
                UnitBlockFormBuilder.of(aau(JP, 601, 700)).serials(700, 601)));
        assertEquals(List.of(ResponseCode.SUPPLEMENTARY_TYPE_INVALID, ResponseCode.UNIT_TYPE_NOT_ISSUED_BY_ORIGINATING_REGISTRY,
                ResponseCode.BLOCK_START_AFTER_END), outcome.codes());
        EvaluationResult unitTypes = outcome.refusals().get(1);
        assertEquals(List.of(UnitBlockId.of(JP, 401, 500), UnitBlockId.of(JP, 501, 600)), unitTypes.blocks());
        assertTrue(unitTypes.description().contains("block 2"), unitTypes.description());
    }

    @Test
    void longListsOfProblemsAreCutShortInTheDescription() {
        List<UnitBlockForm> blocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            blocks.add(UnitBlockFormBuilder.of(aau(JP, 1, 1)).serials(i * 10L + 1, i * 10L + 5).unitType(8).build());
        }
        EvaluationResult result = admit(form -> form.blocks(blocks)).refusals().get(0);
        assertEquals(40, result.blocks().size());
        assertTrue(result.description().endsWith("and 35 more"), result.description());
    }
}
