package org.itlgateway.core.check.catalogue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.itlgateway.core.check.CheckCatalogue;
import org.itlgateway.core.check.eu.AcquiringAccountExistsInAcquiringRegistry;
import org.itlgateway.core.check.eu.AcquiringRegistryStatusPermitsProcess;
import org.itlgateway.core.check.eu.DifferentRegistriesForExternalTransfer;
import org.itlgateway.core.check.eu.SameRegistryForInternalTransactions;
import org.itlgateway.core.check.eu.TransferringAccountExistsInTransferringRegistry;
import org.itlgateway.core.check.eu.TransferringRegistryStatusPermitsProcess;
import org.itlgateway.core.check.eu.UnitsHeldByTransferringAccountInCitlRecords;
import org.itlgateway.core.check.general.AccountsBelongToTheirRegistries;
import org.itlgateway.core.check.general.AcquiringAccountKnown;
import org.itlgateway.core.check.general.AcquiringAccountOpen;
import org.itlgateway.core.check.general.AcquiringAccountPeriodMatchesUnits;
import org.itlgateway.core.check.general.AcquiringAccountRequired;
import org.itlgateway.core.check.general.AcquiringAccountTypeAllowed;
import org.itlgateway.core.check.general.DifferentTransferringAndAcquiringAccounts;
import org.itlgateway.core.check.general.ExternalTransferLeavesRegistry;
import org.itlgateway.core.check.general.InternalTransactionStaysInRegistry;
import org.itlgateway.core.check.general.NoDuplicateWithDifferentContent;
import org.itlgateway.core.check.general.NoTransferFromFinalAccount;
import org.itlgateway.core.check.general.NoticeKnown;
import org.itlgateway.core.check.general.NoticeNamedWhenRequired;
import org.itlgateway.core.check.general.NoticeOpen;
import org.itlgateway.core.check.general.NoticeTypeMatchesTransaction;
import org.itlgateway.core.check.general.SupplementaryTypeExists;
import org.itlgateway.core.check.general.TransactionIdentifierOfTransferringRegistry;
import org.itlgateway.core.check.general.TransferringAccountKnown;
import org.itlgateway.core.check.general.TransferringAccountOpen;
import org.itlgateway.core.check.general.TransferringAccountRequired;
import org.itlgateway.core.check.general.TransferringAccountTypeAllowed;
import org.itlgateway.core.check.general.UnitTypeAllowedInAcquiringAccount;
import org.itlgateway.core.check.general.UnitsHeldByTransferringAccount;
import org.itlgateway.core.check.general.UnitsNotCancelledOrRetired;
import org.itlgateway.core.check.general.UnitsNotReservedByAnotherTransaction;
import org.itlgateway.core.check.integrity.ApplicablePeriodNotBeforeOriginal;
import org.itlgateway.core.check.integrity.BlockAttributesMatchHolding;
import org.itlgateway.core.check.integrity.BlockCountWithinLimit;
import org.itlgateway.core.check.integrity.BlocksDoNotOverlap;
import org.itlgateway.core.check.integrity.ExpiredTemporaryUnitsOnlyReplacedOrCancelled;
import org.itlgateway.core.check.integrity.ExpiryDateOnlyOnTemporaryUnits;
import org.itlgateway.core.check.integrity.IssuanceOfOwnUnitsOnly;
import org.itlgateway.core.check.integrity.IssuedSerialsAreNew;
import org.itlgateway.core.check.integrity.KyotoUnitsHaveCommitmentPeriod;
import org.itlgateway.core.check.integrity.LulucfActivityOnlyOnLulucfUnits;
import org.itlgateway.core.check.integrity.LulucfActivityRequired;
import org.itlgateway.core.check.integrity.NoNonKyotoUnits;
import org.itlgateway.core.check.integrity.NoProjectOnPartyUnits;
import org.itlgateway.core.check.integrity.OriginatingRegistryKnown;
import org.itlgateway.core.check.integrity.ProjectIdentifierRequired;
import org.itlgateway.core.check.integrity.ProjectKnown;
import org.itlgateway.core.check.integrity.ProposalHasUnitBlocks;
import org.itlgateway.core.check.integrity.TemporaryUnitsFromAfforestation;
import org.itlgateway.core.check.integrity.TemporaryUnitsHaveExpiryDate;
import org.itlgateway.core.check.integrity.TrackOnlyOnErus;
import org.itlgateway.core.check.integrity.TrackRequiredForErus;
import org.itlgateway.core.check.integrity.UnitTypeMatchesOriginatingRegistry;
import org.itlgateway.core.check.integrity.UnitsExist;
import org.itlgateway.core.check.registry.AcquiringRegistryKnown;
import org.itlgateway.core.check.registry.AcquiringRegistryOperating;
import org.itlgateway.core.check.registry.ProposerIsTransferringRegistry;
import org.itlgateway.core.check.registry.TransferringRegistryKnown;
import org.itlgateway.core.check.registry.TransferringRegistryOperating;
import org.itlgateway.core.check.sequence.NoInternationalTransferAfterTrueUp;
import org.itlgateway.core.check.sequence.NoticeNotPastDue;
import org.itlgateway.core.check.sequence.ProposalNotDatedInFuture;
import org.itlgateway.core.check.sequence.ProposalNotTooOld;
import org.itlgateway.core.check.specific.AauIssuanceWithinAssignedAmount;
import org.itlgateway.core.check.specific.AdaptationFundReceivesShareOfProceedsOnly;
import org.itlgateway.core.check.specific.CancellationAgainstNotice;
import org.itlgateway.core.check.specific.CancellationIntoCancellationAccount;
import org.itlgateway.core.check.specific.CarryOverOfEligibleUnits;
import org.itlgateway.core.check.specific.CarryOverToNextPeriod;
import org.itlgateway.core.check.specific.CarryOverWithinLimit;
import org.itlgateway.core.check.specific.CdmOnlyAccountsInCdmRegistry;
import org.itlgateway.core.check.specific.ConversionOfAausAndRmusOnly;
import org.itlgateway.core.check.specific.ConversionOfOwnUnitsOnly;
import org.itlgateway.core.check.specific.Cp1UnitsStayInCdmAfterTrueUp;
import org.itlgateway.core.check.specific.ExpiryDateChangeOfTemporaryUnitsOnly;
import org.itlgateway.core.check.specific.ExpiryDateChangeToLaterDate;
import org.itlgateway.core.check.specific.ExternalTransferToHoldingAccount;
import org.itlgateway.core.check.specific.InternalTransferWithinRegistry;
import org.itlgateway.core.check.specific.IssuanceByEntitledRegistry;
import org.itlgateway.core.check.specific.IssuanceIntoIssuanceAccount;
import org.itlgateway.core.check.specific.IssuanceOfIssuableUnitTypes;
import org.itlgateway.core.check.specific.NoRetirementInCdm;
import org.itlgateway.core.check.specific.NoTransferIntoPendingAccount;
import org.itlgateway.core.check.specific.ReplacementIntoReplacementAccount;
import org.itlgateway.core.check.specific.ReplacementWithEligibleUnits;
import org.itlgateway.core.check.specific.RetirementIntoRetirementAccount;
import org.itlgateway.core.check.specific.RetirementOfAccountPeriodUnits;
import org.itlgateway.core.check.specific.ShareOfProceedsFromPendingAccount;
import org.itlgateway.core.check.specific.ShareOfProceedsInSecondPeriodAaus;
import org.itlgateway.core.check.specific.ShareOfProceedsToAdaptationFund;
import org.itlgateway.core.check.specific.VoluntaryCancellationFromPendingOrHolding;
import org.itlgateway.core.result.ResponseCode;

/**
 * The check catalogues a log runs on a proposal, each in code order. Rules decided elsewhere are not in them: the
 * {@link org.itlgateway.core.check.intake.ProposalIntake intake} refuses forms that make no proposal (2001 among
 * others), {@link org.itlgateway.core.check.sequence.NotificationRules} judges notifications (3003, 4001, 4002,
 * 4008, 4010) and {@link org.itlgateway.core.check.sequence.CompletionDeadline} terminates overdue transactions
 * (4003). Nor are a log's dated rules kept as data in its profile (the CITL's 7001 to 7004, {@link #CITL_PROFILE_RULES}),
 * which the log adds to its catalogue.
 */
public final class Catalogues {

    /**
     * Where the CITL's rules about which credits enter an EU registry are kept: as dated rules of the CITL's peer
     * profile, data a tester changes without recompiling, not as checks of the catalogue.
     */
    public static final String CITL_PROFILE = "simulator/src/main/resources/peers/citl.json";

    /**
     * The 7xxx codes the CITL's profile rules answer with ({@value #CITL_PROFILE}): tCERs and lCERs (7001), nuclear
     * credits (7002), HFC-23 and adipic acid N2O credits after 30 April 2013 (7003), large hydro without the
     * compliance flag (7004). The simulator's tests hold the profile to this list.
     */
    public static final Set<ResponseCode> CITL_PROFILE_RULES = Set.copyOf(EnumSet.of(
            ResponseCode.TEMPORARY_CERS_NOT_ACCEPTED_IN_EU,
            ResponseCode.NUCLEAR_PROJECT_CREDITS,
            ResponseCode.INDUSTRIAL_GAS_CREDITS_AFTER_APRIL_2013,
            ResponseCode.LARGE_HYDRO_WITHOUT_COMPLIANCE));

    private Catalogues() {
    }

    /** Every rule the ITL checks a proposal against, codes 1020 to 5026. */
    public static CheckCatalogue itl() {
        return new CheckCatalogue(List.of(
                new TransferringRegistryKnown(),
                new TransferringRegistryOperating(),
                new AcquiringRegistryKnown(),
                new AcquiringRegistryOperating(),
                new ProposerIsTransferringRegistry(),

                new BlocksDoNotOverlap(),
                new BlockCountWithinLimit(),
                new ProposalHasUnitBlocks(),
                new OriginatingRegistryKnown(),
                new UnitTypeMatchesOriginatingRegistry(),
                new ApplicablePeriodNotBeforeOriginal(),
                new KyotoUnitsHaveCommitmentPeriod(),
                new TemporaryUnitsHaveExpiryDate(),
                new ExpiryDateOnlyOnTemporaryUnits(),
                new LulucfActivityRequired(),
                new LulucfActivityOnlyOnLulucfUnits(),
                new TrackRequiredForErus(),
                new TrackOnlyOnErus(),
                new TemporaryUnitsFromAfforestation(),
                new ProjectIdentifierRequired(),
                new NoProjectOnPartyUnits(),
                new ProjectKnown(),
                new UnitsExist(),
                new BlockAttributesMatchHolding(),
                new IssuedSerialsAreNew(),
                new NoNonKyotoUnits(),
                new ExpiredTemporaryUnitsOnlyReplacedOrCancelled(),
                new IssuanceOfOwnUnitsOnly(),

                new TransactionIdentifierOfTransferringRegistry(),
                new NoDuplicateWithDifferentContent(),
                new TransferringAccountKnown(),
                new AcquiringAccountKnown(),
                new TransferringAccountRequired(),
                new AcquiringAccountRequired(),
                new TransferringAccountOpen(),
                new AcquiringAccountOpen(),
                new UnitsHeldByTransferringAccount(),
                new UnitsNotReservedByAnotherTransaction(),
                new UnitsNotCancelledOrRetired(),
                new DifferentTransferringAndAcquiringAccounts(),
                new SupplementaryTypeExists(),
                new NoTransferFromFinalAccount(),
                new UnitTypeAllowedInAcquiringAccount(),
                new AcquiringAccountPeriodMatchesUnits(),
                new NoticeKnown(),
                new NoticeOpen(),
                new NoticeTypeMatchesTransaction(),
                new NoticeNamedWhenRequired(),
                new InternalTransactionStaysInRegistry(),
                new ExternalTransferLeavesRegistry(),
                new TransferringAccountTypeAllowed(),
                new AcquiringAccountTypeAllowed(),
                new AccountsBelongToTheirRegistries(),

                new ProposalNotDatedInFuture(),
                new ProposalNotTooOld(),
                new NoticeNotPastDue(),
                new NoInternationalTransferAfterTrueUp(),

                new IssuanceByEntitledRegistry(),
                new IssuanceIntoIssuanceAccount(),
                new IssuanceOfIssuableUnitTypes(),
                new ConversionOfAausAndRmusOnly(),
                new ConversionOfOwnUnitsOnly(),
                new CancellationIntoCancellationAccount(),
                new RetirementIntoRetirementAccount(),
                new AauIssuanceWithinAssignedAmount(),
                new RetirementOfAccountPeriodUnits(),
                new ReplacementIntoReplacementAccount(),
                new ReplacementWithEligibleUnits(),
                new CarryOverOfEligibleUnits(),
                new CarryOverWithinLimit(),
                new CarryOverToNextPeriod(),
                new ExpiryDateChangeOfTemporaryUnitsOnly(),
                new ShareOfProceedsToAdaptationFund(),
                new ShareOfProceedsFromPendingAccount(),
                new NoTransferIntoPendingAccount(),
                new ExternalTransferToHoldingAccount(),
                new CdmOnlyAccountsInCdmRegistry(),
                new VoluntaryCancellationFromPendingOrHolding(),
                new Cp1UnitsStayInCdmAfterTrueUp(),
                new CancellationAgainstNotice(),
                new NoRetirementInCdm(),
                new ExpiryDateChangeToLaterDate(),
                new InternalTransferWithinRegistry(),
                new ShareOfProceedsInSecondPeriodAaus(),
                new AdaptationFundReceivesShareOfProceedsOnly()));
    }

    /**
     * The CITL's supplementary checks for transactions that involve an EU registry: the 7xxx codes but those of its
     * profile rules ({@link #CITL_PROFILE_RULES}), which the CITL adds to these.
     */
    public static CheckCatalogue citl() {
        return new CheckCatalogue(List.of(
                new TransferringRegistryStatusPermitsProcess(),
                new AcquiringRegistryStatusPermitsProcess(),
                new AcquiringAccountExistsInAcquiringRegistry(),
                new TransferringAccountExistsInTransferringRegistry(),
                new SameRegistryForInternalTransactions(),
                new DifferentRegistriesForExternalTransfer(),
                new UnitsHeldByTransferringAccountInCitlRecords()));
    }
}
