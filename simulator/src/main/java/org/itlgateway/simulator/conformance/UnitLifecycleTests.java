package org.itlgateway.simulator.conformance;

import static org.itlgateway.simulator.conformance.ConformancePlan.CDM_PENDING;
import static org.itlgateway.simulator.conformance.ConformancePlan.PROJECT;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * The categories of what becomes of units after their issuance and transfers: conversion (130), cancellation (160),
 * retirement (170), carry-over (180), replacement (190) and expiry date change (200). Each category has a test
 * that completes and at least one the ITL must refuse, after which the registry ends the transaction, releases its
 * units and shows no effect of it.
 */
final class UnitLifecycleTests {

    /** The afforestation project of the network's reference table whose tCERs the plan issues. */
    static final long AFFORESTATION_PROJECT = 5501;

    private static final Set<RegistryKind> BOTH = Set.of(RegistryKind.NATIONAL, RegistryKind.CDM);
    private static final Set<RegistryKind> NATIONAL = Set.of(RegistryKind.NATIONAL);
    private static final Set<RegistryKind> CDM = Set.of(RegistryKind.CDM);
    private static final LocalDate NOTICE_DUE = LocalDate.parse("2016-12-31");

    private UnitLifecycleTests() {
    }

    static List<ConformanceTest> conversion() {
        return List.of(
                new ConformanceTest(130, "A conversion of AAUs to ERUs completes", Category.CONVERSION,
                        "A JI host Party converts its own AAUs to ERUs (2-0): the units stay in their account, their "
                                + "serial numbers and count unchanged, their unit type, project and track changed.",
                        List.of("The registry issues 100 CP2 AAUs into 100-1-2.",
                                "It converts them to ERUs from AAUs of JI project 9902, track 1, in the same account."),
                        "The ITL and the registry complete it; the mirror and the registry hold the 100 units as ERUs.",
                        NATIONAL, UnitLifecycleTests::conversionCompletes),
                new ConformanceTest(131, "A conversion of another registry's units is refused and changes nothing",
                        Category.CONVERSION,
                        "A registry converts only units that originated in it (5005); the units it reserved are "
                                + "released unchanged.",
                        List.of("Japan transfers 10 AAUs to the registry's account 120-77-0.",
                                "The registry converts those 10 AAUs to ERUs."),
                        "The ITL refuses it with 5005; the registry ends it without completing it; nothing stays "
                                + "reserved and the mirror still has the 10 units as Japan's AAUs.",
                        NATIONAL, UnitLifecycleTests::foreignConversionRefused));
    }

    static List<ConformanceTest> cancellation() {
        return List.of(
                new ConformanceTest(160, "A voluntary cancellation completes", Category.CANCELLATION,
                        "Units are cancelled voluntarily (4-0) into the registry's voluntary cancellation account, "
                                + "where they stay for good.",
                        List.of("National: the registry cancels 10 units of 100-1-2 into its account 230-1-2.",
                                "CDM: the registry cancels 10 CERs of project 4321 from its holding account "
                                        + "(cancelVoluntarily), with a purpose and a beneficiary."),
                        "The ITL and the registry complete it; the mirror holds the units in the voluntary "
                                + "cancellation account.",
                        BOTH, UnitLifecycleTests::voluntaryCancellationCompletes),
                new ConformanceTest(161, "A cancellation against an ITL notice completes and fulfils the notice",
                        Category.CANCELLATION,
                        "The ITL asks for a cancellation with a notice; the registry's cancellation names the notice, "
                                + "and the ITL counts it towards the notice's target.",
                        List.of("National: the ITL sends a net source cancellation notice (type 1) for 10 CP2 units; "
                                + "the registry cancels 10 units of 100-1-2 into its account 210-1-2 (4-1) against it.",
                                "CDM: the ITL sends an excess issuance notice (type 6) for 10 CERs of project 4321; the "
                                        + "registry cancels 10 of them from its holding account (cancelAgainstNotice)."),
                        "The ITL and the registry complete it; the ITL's notice is fulfilled (status 3).",
                        BOTH, UnitLifecycleTests::cancellationAgainstNoticeCompletes),
                new ConformanceTest(162, "A cancellation that needs a notice, proposed without one, is refused",
                        Category.CANCELLATION,
                        "Net source, excess issuance and CCS cancellations are made only against the ITL's notice "
                                + "(5023); the registry releases what it reserved.",
                        List.of("National: the registry cancels 10 units of 100-1-2 into 210-1-2 as a net source "
                                + "cancellation (4-1) naming no notice.",
                                "CDM: the registry cancels 10 CERs from its holding account into CDM-240-2240-2 as an "
                                        + "excess issuance cancellation naming no notice."),
                        "The ITL refuses it with 5023; the registry ends it without completing it; nothing stays "
                                + "reserved and the cancellation account holds none of the units.",
                        BOTH, UnitLifecycleTests::cancellationWithoutNoticeRefused));
    }

    static List<ConformanceTest> retirement() {
        return List.of(
                new ConformanceTest(170, "A retirement completes", Category.RETIREMENT,
                        "A Party retires units for compliance (5-0) into its retirement account of the period.",
                        List.of("The registry retires 10 units of 100-1-2 into its account 300-1-2."),
                        "The ITL and the registry complete it; the mirror holds the units in the retirement account.",
                        NATIONAL, UnitLifecycleTests::retirementCompletes),
                new ConformanceTest(171, "A retirement into the retirement account of another period is refused",
                        Category.RETIREMENT,
                        "A retirement account takes the units valid in its own period only (5009).",
                        List.of("The registry retires 10 CP2 units of 100-1-2 into its CP1 retirement account 300-2-1."),
                        "The ITL refuses it with 5009; the registry ends it without completing it; nothing stays "
                                + "reserved.",
                        NATIONAL, UnitLifecycleTests::retirementOfWrongPeriodRefused),
                new ConformanceTest(172, "The CDM registry's retirement is refused", Category.RETIREMENT,
                        "Only a Party retires units: the CDM registry has no retirement account (5024).",
                        List.of("The registry proposes to retire 10 CERs of its holding account into CDM-300-1-2 (5-0)."),
                        "The ITL refuses it with 5024; the registry ends it without completing it; nothing stays "
                                + "reserved.",
                        CDM, UnitLifecycleTests::cdmRetirementRefused));
    }

    static List<ConformanceTest> carryOver() {
        return List.of(
                new ConformanceTest(180, "A carry-over of first-period AAUs completes", Category.CARRY_OVER,
                        "A Party carries AAUs of the first period over to the second (7-39): the units stay in their "
                                + "account and become valid in CP2.",
                        List.of("The registry opens its CP1 Party holding account 100-2-1 and issues 100 CP1 AAUs into it.",
                                "It carries the 100 AAUs over to CP2."),
                        "The ITL and the registry complete it; the mirror and the registry hold the units with "
                                + "applicable period 2.",
                        NATIONAL, UnitLifecycleTests::carryOverCompletes),
                new ConformanceTest(181, "A carry-over of AAUs as CERs and ERUs is refused", Category.CARRY_OVER,
                        "Each carry-over type carries its own units: 7-38 carries CERs and ERUs converted from AAUs, "
                                + "not AAUs (5012).",
                        List.of("The registry issues 10 CP1 AAUs into 100-2-1.",
                                "It carries them over to CP2 as a carry-over of CERs and ERUs (7-38)."),
                        "The ITL refuses it with 5012; the registry ends it without completing it; nothing stays "
                                + "reserved and the units are still valid in CP1.",
                        NATIONAL, UnitLifecycleTests::carryOverOfWrongTypeRefused),
                new ConformanceTest(182, "A carry-over of second-period units is refused", Category.CARRY_OVER,
                        "Only units valid in the first period have a next period to be carried to (5014).",
                        List.of("The registry proposes to carry 10 CP2 units of 100-1-2 over (7-39)."),
                        "The ITL refuses it with 5014; the registry ends it without completing it; nothing stays "
                                + "reserved.",
                        NATIONAL, UnitLifecycleTests::carryOverOfSecondPeriodRefused));
    }

    static List<ConformanceTest> replacement() {
        return List.of(
                new ConformanceTest(190, "A replacement of expiring tCERs completes and fulfils the notice",
                        Category.REPLACEMENT,
                        "Before tCERs expire the ITL asks the Party holding them to replace them; the registry moves "
                                + "lasting units into its tCER replacement account (6-0) against the notice.",
                        List.of("The ITL sends an impending tCER expiry notice (type 3) for 10 tCERs of project 5501.",
                                "The registry replaces them with 10 units of 100-1-2 into its account 411-1-2."),
                        "The ITL and the registry complete it; the mirror holds the units in the replacement account; "
                                + "the ITL's notice is fulfilled.",
                        NATIONAL, UnitLifecycleTests::replacementCompletes),
                new ConformanceTest(191, "A replacement into an account that is not a replacement account is refused",
                        Category.REPLACEMENT,
                        "Replacing units go to a replacement account (5010), where they stay for good.",
                        List.of("The ITL sends another impending tCER expiry notice for 10 tCERs.",
                                "The registry replaces them with 10 units of 100-1-2 into its entity account 120-77-0."),
                        "The ITL refuses it with 5010; the registry ends it without completing it; nothing stays "
                                + "reserved.",
                        NATIONAL, UnitLifecycleTests::replacementIntoWrongAccountRefused));
    }

    static List<ConformanceTest> expiryDateChange() {
        return List.of(
                new ConformanceTest(200, "An expiry date change of tCERs completes", Category.EXPIRY_DATE_CHANGE,
                        "When the ITL tells of a new expiry date, the registry holding the tCERs changes it (8-0): the "
                                + "units stay in their account with the later date.",
                        List.of("The registry issues 100 tCERs of project 5501 for CP2, expiring 2020-12-31, into its "
                                + "pending account.", "The ITL sends an expiry date change notice (type 9).",
                                "The registry changes the expiry date of 50 of them to 2021-12-31 against the notice."),
                        "The ITL and the registry complete it; the mirror and the registry hold the 50 tCERs with the "
                                + "new date.",
                        CDM, UnitLifecycleTests::expiryDateChangeCompletes),
                new ConformanceTest(201, "An expiry date change to an earlier date is refused",
                        Category.EXPIRY_DATE_CHANGE,
                        "An expiry date only moves later (5025).",
                        List.of("The ITL sends another expiry date change notice.",
                                "The registry changes the expiry date of the tCERs of 200 to 2019-12-31."),
                        "The ITL refuses it with 5025; the registry ends it without completing it; nothing stays "
                                + "reserved and the tCERs keep 2021-12-31.",
                        CDM, UnitLifecycleTests::earlierExpiryDateRefused),
                new ConformanceTest(202, "An expiry date change of units that do not expire is refused",
                        Category.EXPIRY_DATE_CHANGE,
                        "Only tCERs and lCERs have an expiry date to change (5015).",
                        List.of("The ITL sends an expiry date change notice.",
                                "National: the registry gives 10 AAUs of 100-1-2 an expiry date of 2021-12-31 "
                                        + "against it; CDM: 10 CERs of its holding account."),
                        "The ITL refuses it with 5015; the registry ends it without completing it; nothing stays "
                                + "reserved.",
                        BOTH, UnitLifecycleTests::expiryDateOfLastingUnitsRefused));
    }

    // ---- 130 conversion ----

    private static List<UnitBlock> asErus(List<UnitBlock> aaus) {
        return PlanSteps.changed(aaus, a -> a.withUnitType(UnitType.ERU_FROM_AAU)
                .withProjectAndTrack(RefusalTests.JI_PROJECT, Track.ONE));
    }

    private static void conversionCompletes(Conformance c) {
        c.on("2016-09-04T09:00:00Z");
        AccountRef party = ConformancePlan.party(c);
        List<UnitBlock> erus = asErus(PlanSteps.issuedAaus(c, party, CommitmentPeriod.CP2, 100));
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("convert the AAUs just issued in " + party
                + " to ERUs of JI project " + RefusalTests.JI_PROJECT + ", track 1 (2-0)", "CONVERSION", party, party, null,
                erus), c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        PlanSteps.awaitInMirror(c, party, erus, "the ITL's mirror of " + party + " to hold the 100 units as ERUs");
        PlanSteps.awaitAtRegistry(c, party, erus, "unitType", UnitType.ERU_FROM_AAU.name());
    }

    private static void foreignConversionRefused(Conformance c) {
        c.on("2016-09-04T10:00:00Z");
        AccountRef entity = ConformancePlan.entity(c);
        List<UnitBlock> japans = ConformancePlan.counterpartAaus(c, 10);
        String incoming = c.track(ConformancePlan.counterpartProposes(c, TransactionType.EXTERNAL_TRANSFER, entity, japans));
        c.requireAtItl(incoming, TransactionStatus.COMPLETED);
        c.requireAtRegistry(incoming, TransactionStatus.COMPLETED);
        PlanSteps.awaitInMirror(c, entity, japans, "the ITL's mirror of " + entity + " to hold Japan's 10 AAUs");
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("convert Japan's 10 AAUs held in " + entity
                + " to ERUs (they originated in Japan)", "CONVERSION", entity, entity, null, asErus(japans)), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 5005, entity);
        PlanSteps.requireInMirror(c, entity, japans, "as Japan's AAUs after the refused conversion " + transaction);
        PlanSteps.awaitAtRegistry(c, entity, japans, "unitType", UnitType.AAU.name());
    }

    // ---- 160 cancellation ----

    private static void voluntaryCancellationCompletes(Conformance c) {
        c.on("2016-09-09T09:00:00Z");
        Action action;
        if (c.kind() == RegistryKind.CDM) {
            AccountRef from = ConformancePlan.holding(c);
            action = Action.proposal("cancel voluntarily 10 CERs of project " + PROJECT + " from " + from,
                    "{\"operation\": \"cancelVoluntarily\", \"from\": \"" + from + "\", \"project\": " + PROJECT
                            + ", \"quantity\": 10, \"purpose\": \"conformance test 160\", \"beneficiary\": "
                            + "\"Conformance participant\"}");
        } else {
            AccountRef from = ConformancePlan.party(c);
            AccountRef to = PlanSteps.open(c, AccountType.VOLUNTARY_CANCELLATION, 1, CommitmentPeriod.CP2,
                    "Voluntary cancellation");
            action = PlanSteps.inFull("cancel voluntarily into " + to + " (4-0)", "VOLUNTARY_CANCELLATION", from, to, null,
                    ConformancePlan.free(c, from, 10));
        }
        String transaction = c.track(c.registry().propose(action, c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        AccountRef into = c.atItl(transaction).orElseThrow().proposal().acquiringAccount();
        if (into == null || into.type() != AccountType.VOLUNTARY_CANCELLATION) {
            throw new ConformanceFailure(c.code() + " cancelled voluntarily into " + into
                    + ", not into a voluntary cancellation account");
        }
        PlanSteps.awaitInMirror(c, into, PlanSteps.blocksAtItl(c, transaction),
                "the ITL's mirror of " + into + " to hold the 10 units cancelled");
    }

    private static void cancellationAgainstNoticeCompletes(Conformance c) {
        c.on("2016-09-09T10:00:00Z");
        Action action;
        long notice;
        if (c.kind() == RegistryKind.CDM) {
            notice = PlanSteps.notice(c, NoticeType.EXCESS_ISSUANCE, PROJECT, null, UnitType.CER, 10L, NOTICE_DUE,
                    "conformance test 161: excess issuance for project " + PROJECT + ", cancel 10 CERs");
            AccountRef from = ConformancePlan.holding(c);
            action = Action.proposal("cancel 10 CERs of project " + PROJECT + " from " + from + " against notice " + notice,
                    "{\"operation\": \"cancelAgainstNotice\", \"notice\": " + notice + ", \"from\": \"" + from
                            + "\", \"project\": " + PROJECT + ", \"quantity\": 10}");
        } else {
            notice = PlanSteps.notice(c, NoticeType.NET_SOURCE_CANCELLATION, null, CommitmentPeriod.CP2, null, 10L,
                    NOTICE_DUE, "conformance test 161: cancel 10 units for net sources");
            AccountRef from = ConformancePlan.party(c);
            AccountRef to = PlanSteps.open(c, AccountType.NET_SOURCE_CANCELLATION, 1, CommitmentPeriod.CP2,
                    "Net source cancellation");
            action = PlanSteps.inFull("cancel into " + to + " against notice " + notice + " (4-1)",
                    "NET_SOURCE_CANCELLATION", from, to, notice, ConformancePlan.free(c, from, 10));
        }
        String transaction = c.track(c.registry().propose(action, c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        PlanSteps.requireNoticeFulfilled(c, notice);
    }

    private static void cancellationWithoutNoticeRefused(Conformance c) {
        c.on("2016-09-09T11:00:00Z");
        AccountRef from;
        AccountRef to;
        String kind;
        if (c.kind() == RegistryKind.CDM) {
            from = ConformancePlan.holding(c);
            to = CdmAccounts.EXCESS_ISSUANCE_CANCELLATION;
            kind = "EXCESS_ISSUANCE_CANCELLATION";
        } else {
            from = ConformancePlan.party(c);
            to = PlanSteps.open(c, AccountType.NET_SOURCE_CANCELLATION, 1, CommitmentPeriod.CP2, "Net source cancellation");
            kind = "NET_SOURCE_CANCELLATION";
        }
        List<UnitBlock> blocks = ConformancePlan.free(c, from, 10);
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("cancel into " + to + " as "
                + kind.toLowerCase(Locale.ROOT).replace('_', ' ') + ", naming no notice", kind, from, to, null,
                blocks), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 5023, from);
        PlanSteps.requireNoneHeld(c, to, blocks, "of the refused cancellation " + transaction);
    }

    // ---- 170 retirement ----

    private static void retirementCompletes(Conformance c) {
        c.on("2016-09-10T09:00:00Z");
        AccountRef from = ConformancePlan.party(c);
        AccountRef to = PlanSteps.open(c, AccountType.RETIREMENT, 1, CommitmentPeriod.CP2, "Retirement (second period)");
        List<UnitBlock> blocks = ConformancePlan.free(c, from, 10);
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("retire into " + to + " (5-0)", "RETIREMENT",
                from, to, null, blocks), c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        PlanSteps.awaitInMirror(c, to, blocks, "the ITL's mirror of " + to + " to hold the 10 units retired");
    }

    private static void retirementOfWrongPeriodRefused(Conformance c) {
        c.on("2016-09-10T10:00:00Z");
        AccountRef from = ConformancePlan.party(c);
        AccountRef to = PlanSteps.open(c, AccountType.RETIREMENT, 2, CommitmentPeriod.CP1, "Retirement (first period)");
        List<UnitBlock> blocks = ConformancePlan.free(c, from, 10);
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("retire CP2 units into the CP1 retirement "
                + "account " + to + " (5-0)", "RETIREMENT", from, to, null, blocks), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 5009, from);
        PlanSteps.requireNoneHeld(c, to, blocks, "of the refused retirement " + transaction);
    }

    private static void cdmRetirementRefused(Conformance c) {
        c.on("2016-09-10T11:00:00Z");
        AccountRef from = ConformancePlan.holding(c);
        AccountRef to = AccountRef.parse("CDM-300-1-2");
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("retire CERs into " + to
                + " (the CDM registry does not retire units)", "RETIREMENT", from, to, null,
                ConformancePlan.free(c, from, 10)), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 5024, from);
    }

    // ---- 180 carry-over ----

    private static AccountRef firstPeriodParty(Conformance c) {
        return PlanSteps.open(c, AccountType.PARTY_HOLDING, 2, CommitmentPeriod.CP1, "Party holding (first period)");
    }

    private static List<UnitBlock> carried(List<UnitBlock> blocks) {
        return PlanSteps.changed(blocks, a -> a.withApplicablePeriod(CommitmentPeriod.CP2));
    }

    private static void carryOverCompletes(Conformance c) {
        c.on("2016-09-11T09:00:00Z");
        AccountRef cp1 = firstPeriodParty(c);
        List<UnitBlock> carried = carried(PlanSteps.issuedAaus(c, cp1, CommitmentPeriod.CP1, 100));
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("carry the CP1 AAUs of " + cp1
                + " over to CP2 (7-39)", "CARRY_OVER_OF_AAUS", cp1, cp1, null, carried), c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        PlanSteps.awaitInMirror(c, cp1, carried, "the ITL's mirror of " + cp1 + " to hold the 100 AAUs valid in CP2");
        PlanSteps.awaitAtRegistry(c, cp1, carried, "applicablePeriod", "2");
    }

    private static void carryOverOfWrongTypeRefused(Conformance c) {
        c.on("2016-09-11T10:00:00Z");
        AccountRef cp1 = firstPeriodParty(c);
        List<UnitBlock> aaus = PlanSteps.issuedAaus(c, cp1, CommitmentPeriod.CP1, 10);
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("carry the CP1 AAUs of " + cp1
                + " over to CP2 as CERs and ERUs (7-38)", "CARRY_OVER_OF_CERS_AND_ERUS", cp1, cp1, null, carried(aaus)), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 5012, cp1);
        PlanSteps.requireInMirror(c, cp1, aaus, "valid in CP1 after the refused carry-over " + transaction);
        PlanSteps.awaitAtRegistry(c, cp1, aaus, "applicablePeriod", "1");
    }

    private static void carryOverOfSecondPeriodRefused(Conformance c) {
        c.on("2016-09-11T11:00:00Z");
        AccountRef party = ConformancePlan.party(c);
        List<UnitBlock> blocks = ConformancePlan.free(c, party, 10);
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("carry CP2 units of " + party
                + " over (7-39)", "CARRY_OVER_OF_AAUS", party, party, null, blocks), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 5014, party);
    }

    // ---- 190 replacement ----

    private static long expiryNotice(Conformance c, String test) {
        return PlanSteps.notice(c, NoticeType.IMPENDING_TEMPORARY_CER_EXPIRY, AFFORESTATION_PROJECT, CommitmentPeriod.CP2,
                UnitType.TCER, 10L, NOTICE_DUE, "conformance test " + test + ": replace 10 expiring tCERs of project "
                        + AFFORESTATION_PROJECT);
    }

    private static void replacementCompletes(Conformance c) {
        c.on("2016-09-12T09:00:00Z");
        long notice = expiryNotice(c, "190");
        AccountRef from = ConformancePlan.party(c);
        AccountRef to = PlanSteps.open(c, AccountType.TCER_REPLACEMENT_FOR_EXPIRY, 1, CommitmentPeriod.CP2,
                "tCER replacement (expiry)");
        List<UnitBlock> blocks = ConformancePlan.free(c, from, 10);
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("replace expiring tCERs into " + to
                + " against notice " + notice + " (6-0)", "TCER_REPLACEMENT_FOR_EXPIRY", from, to, notice, blocks), c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        PlanSteps.awaitInMirror(c, to, blocks, "the ITL's mirror of " + to + " to hold the 10 replacing units");
        PlanSteps.requireNoticeFulfilled(c, notice);
    }

    private static void replacementIntoWrongAccountRefused(Conformance c) {
        c.on("2016-09-12T10:00:00Z");
        long notice = expiryNotice(c, "191");
        AccountRef from = ConformancePlan.party(c);
        AccountRef to = ConformancePlan.entity(c);
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("replace expiring tCERs into the entity "
                + "account " + to + " against notice " + notice + " (6-0)", "TCER_REPLACEMENT_FOR_EXPIRY", from, to, notice,
                ConformancePlan.free(c, from, 10)), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 5010, from);
    }

    // ---- 200 expiry date change ----

    private static long expiryDateNotice(Conformance c, Long project, UnitType unitType, String test) {
        return PlanSteps.notice(c, NoticeType.EXPIRY_DATE_CHANGE, project, CommitmentPeriod.CP2, unitType, null,
                NOTICE_DUE, "conformance test " + test + ": new expiry date");
    }

    private static void expiryDateChangeCompletes(Conformance c) {
        c.on("2016-09-13T09:00:00Z");
        String issuance = c.track(c.registry().propose(Action.proposal("issue 100 tCERs of project "
                + AFFORESTATION_PROJECT + " for CP2, expiring 2020-12-31", "{\"operation\": \"issue\", \"project\": "
                + AFFORESTATION_PROJECT + ", \"unitType\": \"tCER\", \"period\": 2, \"quantity\": 100, \"expiryDate\": "
                + "\"2020-12-31\"}"), c));
        c.requireAtItl(issuance, TransactionStatus.COMPLETED);
        c.requireAtRegistry(issuance, TransactionStatus.COMPLETED);
        // the last 50 serial numbers: the share of proceeds is taken from the first ones
        UnitBlock issued = PlanSteps.blocksAtItl(c, issuance).get(0);
        List<UnitBlock> tcers = List.of(issued.withRange(new SerialRange(issued.end() - 49, issued.end())));
        PlanSteps.awaitInMirror(c, CDM_PENDING, tcers, "the ITL's mirror of the pending account to hold the tCERs issued");
        long notice = expiryDateNotice(c, AFFORESTATION_PROJECT, UnitType.TCER, "200");
        List<UnitBlock> later = PlanSteps.changed(tcers, a -> a.withExpiryDate(LocalDate.parse("2021-12-31")));
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("change the expiry date of 50 tCERs in "
                + CDM_PENDING + " to 2021-12-31 against notice " + notice + " (8-0)", "EXPIRY_DATE_CHANGE", CDM_PENDING,
                CDM_PENDING, notice, later), c));
        c.share("tcers", later);
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        PlanSteps.awaitInMirror(c, CDM_PENDING, later, "the ITL's mirror of the pending account to hold the tCERs "
                + "expiring 2021-12-31");
        PlanSteps.awaitAtRegistry(c, CDM_PENDING, later, "expiryDate", "2021-12-31");
    }

    private static void earlierExpiryDateRefused(Conformance c) {
        c.on("2016-09-13T10:00:00Z");
        @SuppressWarnings("unchecked")
        List<UnitBlock> tcers = c.shared("tcers", List.class);
        long notice = expiryDateNotice(c, AFFORESTATION_PROJECT, UnitType.TCER, "201");
        List<UnitBlock> earlier = PlanSteps.changed(tcers, a -> a.withExpiryDate(LocalDate.parse("2019-12-31")));
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("change the expiry date of the tCERs of 200 "
                + "to 2019-12-31, earlier than theirs, against notice " + notice + " (8-0)", "EXPIRY_DATE_CHANGE",
                CDM_PENDING, CDM_PENDING, notice, earlier), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 5025, CDM_PENDING);
        PlanSteps.requireInMirror(c, CDM_PENDING, tcers, "expiring 2021-12-31 after the refused change " + transaction);
    }

    private static void expiryDateOfLastingUnitsRefused(Conformance c) {
        c.on("2016-09-13T11:00:00Z");
        boolean cdm = c.kind() == RegistryKind.CDM;
        AccountRef from = cdm ? ConformancePlan.holding(c) : ConformancePlan.party(c);
        long notice = expiryDateNotice(c, cdm ? PROJECT : null, cdm ? UnitType.CER : UnitType.AAU, "202");
        List<UnitBlock> blocks = ConformancePlan.free(c, from, 10);
        List<UnitBlock> dated = PlanSteps.changed(blocks, a -> a.withExpiryDate(LocalDate.parse("2021-12-31")));
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("give units of " + from + " that do not "
                + "expire an expiry date, against notice " + notice + " (8-0)", "EXPIRY_DATE_CHANGE", from, from, notice,
                dated), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 5015, from);
        PlanSteps.requireInMirror(c, from, blocks, "without an expiry date after the refused change " + transaction);
    }
}
