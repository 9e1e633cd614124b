package org.itlgateway.core.check.general;

import static org.itlgateway.core.fixtures.Network.CDM_PARTICIPANT;
import static org.itlgateway.core.fixtures.Network.CDM_PENDING;
import static org.itlgateway.core.fixtures.Network.DE_ENTITY;
import static org.itlgateway.core.fixtures.Network.EXCESS_ISSUANCE_NOTICE;
import static org.itlgateway.core.fixtures.Network.EXPIRY_NOTICE;
import static org.itlgateway.core.fixtures.Network.FULFILLED_NOTICE;
import static org.itlgateway.core.fixtures.Network.JP;
import static org.itlgateway.core.fixtures.Network.JP_CLOSED;
import static org.itlgateway.core.fixtures.Network.JP_ENTITY;
import static org.itlgateway.core.fixtures.Network.JP_NON_COMPLIANCE_CANCELLATION;
import static org.itlgateway.core.fixtures.Network.JP_PARTY;
import static org.itlgateway.core.fixtures.Network.JP_RESERVE;
import static org.itlgateway.core.fixtures.Network.JP_RETIREMENT;
import static org.itlgateway.core.fixtures.Network.NON_COMPLIANCE_NOTICE;
import static org.itlgateway.core.fixtures.Network.NZ;
import static org.itlgateway.core.fixtures.Network.NZ_PARTY;
import static org.itlgateway.core.fixtures.Network.WIND;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.aau;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.cer;
import static org.itlgateway.core.fixtures.Verdicts.assertPasses;
import static org.itlgateway.core.fixtures.Verdicts.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.account.ToldAccounts;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.fixtures.ProposalBuilder;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.junit.jupiter.api.Test;

class GeneralChecksTest {

    private static final AccountRef JP_MISSING = AccountRef.parse("JP-120-777-0");

    private final Network network = new Network();

    // 3001, 3002

    @Test
    void transactionNumberedByAnotherRegistryIsRefusedWith3001() {
        assertRefused(3001, new TransactionIdentifierOfTransferringRegistry(),
                network.context(network.validInternalTransfer().id("NZ5")));
    }

    @Test
    void transactionNumberedByItsRegistryPasses3001() {
        assertPasses(new TransactionIdentifierOfTransferringRegistry(), network.context(network.validInternalTransfer().id("JP5")));
    }

    @Test
    void knownIdentifierWithOtherContentIsRefusedWith3002() {
        network.known(Transaction.propose(network.validInternalTransfer().build(), Network.NOW));
        assertRefused(3002, new NoDuplicateWithDifferentContent(),
                network.context(network.validInternalTransfer().block(aau(JP, 501, 600))));
    }

    @Test
    void resentProposalWithTheSameContentAndANewProposalPass3002() {
        network.known(Transaction.propose(network.validInternalTransfer().build(), Network.NOW));
        assertPasses(new NoDuplicateWithDifferentContent(),
                network.context(network.validInternalTransfer().proposedAt(Network.NOW.plusSeconds(60))));
        assertPasses(new NoDuplicateWithDifferentContent(), network.context(network.validInternalTransfer().id("JP2")));
    }

    // 3004 to 3009

    @Test
    void transferFromAnAccountThatDoesNotExistIsRefusedWith3004() {
        EvaluationResult result = assertRefused(3004, new TransferringAccountKnown(),
                network.context(network.validInternalTransfer().from(JP_MISSING)));
        assertTrue(result.description().contains("JP-120-777-0"), result.description());
        assertEquals(List.of(UnitBlockId.of(JP, 401, 500)), result.blocks());
    }

    @Test
    void blockLeavingItsOwnAccountThatDoesNotExistIsRefusedWith3004NamingIt() {
        EvaluationResult result = assertRefused(3004, new TransferringAccountKnown(), network.context(
                network.validInternalTransfer().addBlockLeaving(JP_MISSING, aau(JP, 501, 600))));
        assertEquals(List.of(UnitBlockId.of(JP, 501, 600)), result.blocks());
    }

    @Test
    void transferFromExistingAccountsAndIssuancePass3004() {
        assertPasses(new TransferringAccountKnown(), network.context(network.validInternalTransfer()));
        assertPasses(new TransferringAccountKnown(), network.context(network.validCerIssuance()));
    }

    @Test
    void transferToAnAccountThatDoesNotExistIsRefusedWith3005() {
        assertRefused(3005, new AcquiringAccountKnown(), network.context(network.validInternalTransfer().to(JP_MISSING)));
    }

    @Test
    void transferToAnExistingAccountPasses3005() {
        assertPasses(new AcquiringAccountKnown(), network.context(network.validInternalTransfer()));
    }

    @Test
    void aLogThatIsNotToldEveryAccountOfARegistryCannotSayOneIsMissing() {
        CheckContext known = network.context(network.validInternalTransfer().from(JP_MISSING).to(JP_MISSING));
        assertRefused(3005, new AcquiringAccountKnown(), known);
        assertRefused(3004, new TransferringAccountKnown(), known);
        CheckContext atALog = new CheckContext(known.proposal(), known.sender(), known.now(), known.registries(),
                new ToldAccounts(known.accounts()), known.holdings(), known.projects(), known.notices(),
                known.transactions(), known.parameters());

        assertPasses(new AcquiringAccountKnown(), atALog);
        assertPasses(new TransferringAccountKnown(), atALog);
    }

    @Test
    void transferWithoutTransferringAccountIsRefusedWith3006() {
        assertRefused(3006, new TransferringAccountRequired(),
                network.context(network.validInternalTransfer().transferringAccount(null)));
        assertRefused(3006, new TransferringAccountRequired(),
                network.context(network.validInternalTransfer().transferringAccount(null).blocks()));
    }

    @Test
    void issuanceAndBlocksThatNameTheirOwnAccountPass3006() {
        assertPasses(new TransferringAccountRequired(), network.context(network.validCerIssuance()));
        assertPasses(new TransferringAccountRequired(), network.context(network.validInternalTransfer()
                .transferringAccount(null).blocks().addBlockLeaving(JP_PARTY, aau(JP, 401, 500))));
    }

    @Test
    void transferWithoutAcquiringAccountIsRefusedWith3007() {
        assertRefused(3007, new AcquiringAccountRequired(),
                network.context(network.validInternalTransfer().acquiringAccount(null)));
    }

    @Test
    void conversionChangesUnitsInPlaceAndPasses3007() {
        assertPasses(new AcquiringAccountRequired(), network.context(network.validConversion()));
    }

    @Test
    void transferFromAClosedAccountIsRefusedWith3008() {
        assertRefused(3008, new TransferringAccountOpen(), network.context(network.validInternalTransfer().from(JP_CLOSED)));
    }

    @Test
    void transferFromAnOpenOrUnknownAccountPasses3008() {
        assertPasses(new TransferringAccountOpen(), network.context(network.validInternalTransfer()));
        assertPasses(new TransferringAccountOpen(), network.context(network.validInternalTransfer().from(JP_MISSING)));
    }

    @Test
    void transferToABlockedAccountIsRefusedWith3009() {
        network.account(JP_ENTITY, AccountStatus.BLOCKED);
        assertRefused(3009, new AcquiringAccountOpen(), network.context(network.validInternalTransfer()));
    }

    @Test
    void transferToAnOpenAccountPasses3009() {
        assertPasses(new AcquiringAccountOpen(), network.context(network.validInternalTransfer()));
    }

    // 3010 to 3013

    @Test
    void transferOfUnitsHeldByAnotherAccountIsRefusedWith3010() {
        assertRefused(3010, new UnitsHeldByTransferringAccount(),
                network.context(network.validInternalTransfer().from(JP_ENTITY).to(JP_PARTY)));
    }

    @Test
    void transferOfUnitsHeldByTheTransferringAccountPasses3010() {
        assertPasses(new UnitsHeldByTransferringAccount(), network.context(network.validInternalTransfer()));
    }

    @Test
    void transferOfUnitsReservedByAnotherTransactionIsRefusedWith3011() {
        network.reserve("JP77", JP_PARTY, aau(JP, 401, 500).build());
        assertRefused(3011, new UnitsNotReservedByAnotherTransaction(), network.context(network.validInternalTransfer()));
    }

    @Test
    void unitsReservedByTheSameTransactionPass3011() {
        network.reserve("JP1", JP_PARTY, aau(JP, 401, 500).build());
        assertPasses(new UnitsNotReservedByAnotherTransaction(), network.context(network.validInternalTransfer()));
    }

    @Test
    void transferOfRetiredUnitsIsRefusedWith3012() {
        network.hold(JP_RETIREMENT, aau(JP, 50_001, 50_100));
        assertRefused(3012, new UnitsNotCancelledOrRetired(),
                network.context(network.validInternalTransfer().block(aau(JP, 50_001, 50_100))));
    }

    @Test
    void transferOfUnitsInAHoldingAccountPasses3012() {
        assertPasses(new UnitsNotCancelledOrRetired(), network.context(network.validInternalTransfer()));
    }

    @Test
    void transferToTheSameAccountIsRefusedWith3013() {
        assertRefused(3013, new DifferentTransferringAndAcquiringAccounts(),
                network.context(network.validInternalTransfer().to(JP_PARTY)));
    }

    @Test
    void transferToAnotherAccountAndConversionInPlacePass3013() {
        assertPasses(new DifferentTransferringAndAcquiringAccounts(), network.context(network.validInternalTransfer()));
        assertPasses(new DifferentTransferringAndAcquiringAccounts(),
                network.context(network.validConversion().acquiringAccount(JP_PARTY)));
    }

    // 3014, 3015, 3016, 3017

    @Test
    void supplementaryTypeThatDoesNotExistIsRefusedWith3014() {
        assertRefused(3014, new SupplementaryTypeExists(), network.context(network.validInternalTransfer().supplementaryType(99)));
    }

    @Test
    void definedSupplementaryTypesPass3014() {
        assertPasses(new SupplementaryTypeExists(), network.context(network.validShareOfProceeds()));
    }

    @Test
    void transferOutOfARetirementAccountIsRefusedWith3015() {
        assertRefused(3015, new NoTransferFromFinalAccount(), network.context(network.validInternalTransfer().from(JP_RETIREMENT)));
    }

    @Test
    void transferOutOfAHoldingAccountPasses3015() {
        assertPasses(new NoTransferFromFinalAccount(), network.context(network.validInternalTransfer()));
    }

    @Test
    void aausIntoACdmAccountAndCersIntoTheSurplusReserveAreRefusedWith3016() {
        assertRefused(3016, new UnitTypeAllowedInAcquiringAccount(), network.context(network.validInternalTransfer()
                .to(CDM_PARTICIPANT)));
        assertRefused(3016, new UnitTypeAllowedInAcquiringAccount(), network.context(network.validInternalTransfer()
                .to(JP_RESERVE).block(cer(WIND, 6301, 6400))));
    }

    @Test
    void aPartysShareOfProceedsInAausIntoTheAdaptationFundPasses3016AndAnOrdinaryTransferOfThemDoesNot() {
        assertPasses(new UnitTypeAllowedInAcquiringAccount(),
                network.context(network.validShareOfProceedsOnFirstTransferOfAaus()));
        assertRefused(3016, new UnitTypeAllowedInAcquiringAccount(),
                network.context(network.validShareOfProceedsOnFirstTransferOfAaus().kind(SupplementaryType.EXTERNAL_TRANSFER)));
    }

    @Test
    void aausIntoTheSurplusReserveAndCersIntoCdmAccountsPass3016() {
        assertPasses(new UnitTypeAllowedInAcquiringAccount(), network.context(network.validInternalTransfer().to(JP_RESERVE)));
        assertPasses(new UnitTypeAllowedInAcquiringAccount(), network.context(network.validForwarding()));
    }

    @Test
    void cp1UnitsIntoACp2CancellationAccountAreRefusedWith3017() {
        assertRefused(3017, new AcquiringAccountPeriodMatchesUnits(), network.context(network.validNetSourceCancellation()
                .block(cer(WIND, 3001, 3100).period(CommitmentPeriod.CP1))));
    }

    @Test
    void unitsOfTheAccountPeriodAccountsOfNoPeriodAndRetirementPass3017() {
        assertPasses(new AcquiringAccountPeriodMatchesUnits(), network.context(network.validNetSourceCancellation()));
        assertPasses(new AcquiringAccountPeriodMatchesUnits(), network.context(network.validInternalTransfer()
                .block(cer(WIND, 3001, 3100).period(CommitmentPeriod.CP1))));
        assertPasses(new AcquiringAccountPeriodMatchesUnits(), network.context(network.validRetirement()
                .block(cer(WIND, 3001, 3100).period(CommitmentPeriod.CP1))));
    }

    // 3018 to 3021

    @Test
    void noticeThatDoesNotExistIsRefusedWith3018() {
        assertRefused(3018, new NoticeKnown(), network.context(network.validNetSourceCancellation().notice(555L)));
    }

    @Test
    void existingNoticeOrNoNoticePasses3018() {
        assertPasses(new NoticeKnown(), network.context(network.validNetSourceCancellation()));
        assertPasses(new NoticeKnown(), network.context(network.validInternalTransfer()));
    }

    @Test
    void fulfilledNoticeIsRefusedWith3019() {
        assertRefused(3019, new NoticeOpen(), network.context(network.validNetSourceCancellation().notice(FULFILLED_NOTICE)));
    }

    @Test
    void openNoticePasses3019() {
        assertPasses(new NoticeOpen(), network.context(network.validNetSourceCancellation()));
    }

    @Test
    void noticeOfAnotherTypeOrForAnotherRegistryIsRefusedWith3020() {
        assertRefused(3020, new NoticeTypeMatchesTransaction(),
                network.context(network.validNetSourceCancellation().notice(EXPIRY_NOTICE)));
        assertTrue(assertRefused(3020, new NoticeTypeMatchesTransaction(),
                network.context(network.validNetSourceCancellation().notice(EXCESS_ISSUANCE_NOTICE)))
                .description().contains("addressed to CDM"));
    }

    @Test
    void noticesOfTheTypeATransactionFulfilsPass3020() {
        assertPasses(new NoticeTypeMatchesTransaction(), network.context(network.validNetSourceCancellation()));
        network.notice(40, NoticeType.UNIT_CARRY_OVER, NoticeStatus.OPEN, JP);
        assertPasses(new NoticeTypeMatchesTransaction(), network.context(network.validCarryOver().notice(40L)));
        network.notice(41, NoticeType.PREVIOUS_PERIOD_SURPLUS_RESERVE, NoticeStatus.OPEN, JP);
        assertPasses(new NoticeTypeMatchesTransaction(),
                network.context(network.validInternalTransfer().to(JP_RESERVE).notice(41L)));
    }

    @Test
    void replacementWithoutNoticeIsRefusedWith3021() {
        assertRefused(3021, new NoticeNamedWhenRequired(), network.context(network.validReplacement().notice(null)));
    }

    @Test
    void nonComplianceCancellationNeedsItsNoticeToo() {
        ProposalBuilder cancellation = ProposalBuilder.proposal(SupplementaryType.NON_COMPLIANCE_CANCELLATION)
                .from(JP_PARTY).to(JP_NON_COMPLIANCE_CANCELLATION).block(aau(JP, 101, 200));
        assertRefused(3021, new NoticeNamedWhenRequired(), network.context(cancellation));
        assertPasses(new NoticeNamedWhenRequired(), network.context(cancellation.notice(NON_COMPLIANCE_NOTICE)));
    }

    @Test
    void transactionsThatNeedNoNoticeAndNetSourceCancellationPass3021() {
        assertPasses(new NoticeNamedWhenRequired(), network.context(network.validInternalTransfer()));
        assertPasses(new NoticeNamedWhenRequired(), network.context(network.validNetSourceCancellation().notice(null)));
    }

    // 3022, 3023

    @Test
    void retirementIntoAnotherRegistryIsRefusedWith3022() {
        assertRefused(3022, new InternalTransactionStaysInRegistry(),
                network.context(network.validRetirement().acquiringRegistry(NZ)));
    }

    @Test
    void retirementInItsRegistryAndInternalTransfersPass3022() {
        assertPasses(new InternalTransactionStaysInRegistry(), network.context(network.validRetirement()));
        assertPasses(new InternalTransactionStaysInRegistry(), network.context(network.validInternalTransfer().to(NZ_PARTY)));
    }

    @Test
    void externalTransferInsideOneRegistryIsRefusedWith3023() {
        assertRefused(3023, new ExternalTransferLeavesRegistry(), network.context(network.validTransferToEu().to(JP_ENTITY)));
    }

    @Test
    void externalTransferToAnotherRegistryAndTheShareOfProceedsPass3023() {
        assertPasses(new ExternalTransferLeavesRegistry(), network.context(network.validTransferToEu()));
        assertPasses(new ExternalTransferLeavesRegistry(), network.context(network.validShareOfProceeds()));
    }

    // 3024, 3025, 3026

    @Test
    void issuanceFromAnAccountAndConversionInTheReserveAreRefusedWith3024() {
        assertRefused(3024, new TransferringAccountTypeAllowed(),
                network.context(network.validCerIssuance().transferringAccount(CDM_PENDING)));
        assertRefused(3024, new TransferringAccountTypeAllowed(), network.context(network.validConversion().from(JP_RESERVE)));
    }

    @Test
    void allowedTransferringAccountsPass3024() {
        assertPasses(new TransferringAccountTypeAllowed(), network.context(network.validCerIssuance()));
        assertPasses(new TransferringAccountTypeAllowed(), network.context(network.validExternalTransfer()));
        assertPasses(new TransferringAccountTypeAllowed(), network.context(network.validInternalTransfer().from(JP_RESERVE)));
        assertPasses(new TransferringAccountTypeAllowed(), network.context(network.validInternalTransfer().from(JP_RETIREMENT)));
    }

    @Test
    void wrongAcquiringAccountsForTheTypeAreRefusedWith3025() {
        assertRefused(3025, new AcquiringAccountTypeAllowed(), network.context(network.validInternalTransfer().to(JP_RETIREMENT)));
        assertRefused(3025, new AcquiringAccountTypeAllowed(), network.context(network.validNetSourceCancellation()
                .to(JP_NON_COMPLIANCE_CANCELLATION)));
        assertRefused(3025, new AcquiringAccountTypeAllowed(), network.context(network.validConversion().acquiringAccount(JP_ENTITY)));
    }

    @Test
    void theAcquiringAccountsEachTypeRequiresPass3025() {
        assertPasses(new AcquiringAccountTypeAllowed(), network.context(network.validInternalTransfer()));
        assertPasses(new AcquiringAccountTypeAllowed(), network.context(network.validNetSourceCancellation()));
        assertPasses(new AcquiringAccountTypeAllowed(), network.context(network.validReplacement()));
        assertPasses(new AcquiringAccountTypeAllowed(), network.context(network.validConversion().acquiringAccount(JP_PARTY)));
        assertPasses(new AcquiringAccountTypeAllowed(), network.context(network.validNetSourceCancellation().to(JP_ENTITY)));
    }

    @Test
    void accountsOfOtherRegistriesThanNamedAreRefusedWith3026() {
        assertRefused(3026, new AccountsBelongToTheirRegistries(),
                network.context(network.validInternalTransfer().transferringAccount(NZ_PARTY)));
        Proposal toGermany = network.validTransferToEu().acquiringRegistry(NZ).build();
        EvaluationResult result = assertRefused(3026, new AccountsBelongToTheirRegistries(), network.context(toGermany));
        assertTrue(result.description().contains(DE_ENTITY.toString()), result.description());
    }

    @Test
    void accountsOfTheirOwnRegistriesPass3026() {
        assertPasses(new AccountsBelongToTheirRegistries(), network.context(network.validTransferToEu()));
    }
}
