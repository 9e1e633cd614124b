package org.itlgateway.core.check;

import static org.itlgateway.core.fixtures.Network.CDM;
import static org.itlgateway.core.fixtures.Network.CDM_PARTICIPANT;
import static org.itlgateway.core.fixtures.Network.CDM_PENDING;
import static org.itlgateway.core.fixtures.Network.DE;
import static org.itlgateway.core.fixtures.Network.DE_ENTITY;
import static org.itlgateway.core.fixtures.Network.EXPIRY;
import static org.itlgateway.core.fixtures.Network.EXPIRY_NOTICE;
import static org.itlgateway.core.fixtures.Network.FOREST;
import static org.itlgateway.core.fixtures.Network.FR_ENTITY;
import static org.itlgateway.core.fixtures.Network.FULFILLED_NOTICE;
import static org.itlgateway.core.fixtures.Network.JI_PROJECT;
import static org.itlgateway.core.fixtures.Network.JP;
import static org.itlgateway.core.fixtures.Network.JP_CLOSED;
import static org.itlgateway.core.fixtures.Network.JP_ENTITY;
import static org.itlgateway.core.fixtures.Network.JP_PARTY;
import static org.itlgateway.core.fixtures.Network.JP_RESERVE;
import static org.itlgateway.core.fixtures.Network.JP_RETIREMENT;
import static org.itlgateway.core.fixtures.Network.JP_VOLUNTARY_CANCELLATION;
import static org.itlgateway.core.fixtures.Network.NOW;
import static org.itlgateway.core.fixtures.Network.NZ;
import static org.itlgateway.core.fixtures.Network.NZ_PARTY;
import static org.itlgateway.core.fixtures.Network.SUSPENDED_PARTY;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.catalogue.Catalogues;
import org.itlgateway.core.check.intake.ProposalIntake;
import org.itlgateway.core.check.sequence.CompletionDeadline;
import org.itlgateway.core.check.sequence.NotificationRules;
import org.itlgateway.core.check.sequence.StatusQueryRule;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.fixtures.ProposalBuilder;
import org.itlgateway.core.fixtures.ProposalFormBuilder;
import org.itlgateway.core.fixtures.UnitBlockFormBuilder;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of situations, each played for real against the rules on a fresh {@link Network}, and the code it must
 * trigger. Together they trigger every RULE code except those decided outside registry-core.
 */
class EveryResponseCodeIsTriggeredTest {

    /** RULE codes that no rule of registry-core decides, each with the reason. */
    private static final Set<ResponseCode> EXCLUDED = EnumSet.of(
            // 53xx: the acquiring registries' own acceptance rules (GB, CH ...), played by the simulator's peer profiles
            ResponseCode.ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE,
            ResponseCode.ACQUIRING_REGISTRY_REFUSES_COMMITMENT_PERIOD,
            ResponseCode.ACQUIRING_REGISTRY_REFUSES_TRANSACTION,
            // 7001 to 7004: the CITL's dated rules, data of its peer profile (simulator/src/main/resources/peers/citl.json);
            // the simulator's PeerRulesIT triggers each through the profile rule, end to end
            ResponseCode.TEMPORARY_CERS_NOT_ACCEPTED_IN_EU,
            ResponseCode.NUCLEAR_PROJECT_CREDITS,
            ResponseCode.INDUSTRIAL_GAS_CREDITS_AFTER_APRIL_2013,
            ResponseCode.LARGE_HYDRO_WITHOUT_COMPLIANCE,
            // 6xxx: decided by the reconciliation of totals, unit blocks and audit trails
            ResponseCode.TOTALS_DIFFER,
            ResponseCode.BLOCK_MISSING,
            ResponseCode.BLOCK_EXTRA,
            ResponseCode.BLOCK_IN_WRONG_ACCOUNT,
            ResponseCode.BLOCK_ATTRIBUTES_DIFFER,
            ResponseCode.RECONCILIATION_UNKNOWN,
            ResponseCode.RECONCILIATION_ALREADY_RUNNING,
            ResponseCode.SNAPSHOT_IN_FUTURE,
            ResponseCode.CHUNK_OUT_OF_SEQUENCE,
            ResponseCode.UNITS_UNDER_INCONSISTENCY,
            ResponseCode.AUDIT_TRAIL_DIFFERS,
            // 602x: decided by the ITL as it keeps the registries' evidence checkpoints; the simulator's
            // EvidenceCheckpointExchangeIT triggers each over the network
            ResponseCode.EVIDENCE_CHECKPOINT_NOT_AFTER_LAST,
            ResponseCode.EVIDENCE_CHECKPOINT_CONTRADICTS_HELD,
            ResponseCode.EVIDENCE_CHECKPOINT_SIGNATURE_INVALID,
            ResponseCode.EVIDENCE_CHECKPOINT_OF_OTHER_NODE);
    // MESSAGE-layer codes are not RULE codes at all: the gateway's inbound pipeline refuses them before any rule runs.

    private static final AccountRef JP_MISSING = AccountRef.parse("JP-120-777-0");
    private static final AccountRef DE_MISSING = AccountRef.parse("DE-120-777-0");

    /** A situation, the code it must trigger, and how to play it: the codes it really triggers. */
    record Scenario(ResponseCode expected, String situation, Function<Network, Collection<ResponseCode>> play) {

        @Override
        public String toString() {
            return expected.code() + " " + situation;
        }
    }

    static List<Scenario> scenarios() {
        return List.of(
                itl(1020, "proposal of a registry the log does not know",
                        n -> n.validInternalTransfer().from(AccountRef.parse("QQ-100-1-0")).to(AccountRef.parse("QQ-120-2-0"))),
                itl(1021, "proposal of a suspended registry",
                        n -> n.validInternalTransfer().from(SUSPENDED_PARTY).to(AccountRef.parse("ZZ-120-2-0"))),
                itl(1022, "transfer to a registry the log does not know",
                        n -> n.validExternalTransfer().to(AccountRef.parse("QQ-100-1-0"))),
                itl(1023, "transfer to a suspended registry", n -> n.validExternalTransfer().to(SUSPENDED_PARTY)),
                new Scenario(code(1024), "Japanese proposal sent by New Zealand",
                        n -> Catalogues.itl().evaluate(n.context(n.validInternalTransfer().build(), NZ)).codes()),

                intake(2001, "block that starts after it ends", n -> ProposalFormBuilder.of(n.validInternalTransfer())
                        .blocks(UnitBlockFormBuilder.of(aau(JP, 401, 500)).serials(500, 401))),
                itl(2002, "two blocks naming the same units",
                        n -> n.validInternalTransfer().addBlock(aau(JP, 450, 550))),
                itl(2003, "three blocks where two are allowed", n -> n.parameters(maxBlocks(n.parameters(), 2)),
                        n -> n.validInternalTransfer().addBlock(aau(JP, 501, 600)).addBlock(aau(JP, 601, 700))),
                itl(2004, "proposal without blocks", n -> n.validInternalTransfer().blocks()),
                itl(2005, "block of a registry nobody knows", n -> n.validInternalTransfer().block(aau(UNKNOWN, 1, 10))),
                itl(2006, "CERs originating in Japan", n -> n.validInternalTransfer().block(cer(WIND, 1, 10).origin(JP))),
                itl(2007, "units valid in an earlier period than issued for",
                        n -> n.validInternalTransfer().block(aau(JP, 401, 500).applicablePeriod(CommitmentPeriod.CP1))),
                itl(2008, "AAUs of no period",
                        n -> n.validInternalTransfer().block(aau(JP, 401, 500).period(CommitmentPeriod.ZERO))),
                itl(2009, "tCERs without expiry date",
                        n -> n.validInternalTransfer().block(tcer(FOREST, 6401, 6500, null))),
                itl(2010, "AAUs with an expiry date",
                        n -> n.validInternalTransfer().block(aau(JP, 401, 500).expiry(EXPIRY))),
                itl(2011, "RMUs without LULUCF activity",
                        n -> n.validInternalTransfer().block(rmu(JP, 20_001, 20_100).lulucf(null))),
                itl(2012, "AAUs with a LULUCF activity", n -> n.validInternalTransfer()
                        .block(aau(JP, 401, 500).lulucf(LulucfActivity.FOREST_MANAGEMENT))),
                itl(2013, "ERUs without track",
                        n -> n.validInternalTransfer().block(eru(JP, JI_PROJECT, 30_001, 30_100).track(null))),
                itl(2014, "CERs with a track", n -> n.validInternalTransfer().block(cer(WIND, 6301, 6400).track(Track.ONE))),
                itl(2015, "tCERs from forest management", n -> n.validInternalTransfer()
                        .block(tcer(FOREST, 6401, 6500, EXPIRY).lulucf(LulucfActivity.FOREST_MANAGEMENT))),
                itl(2017, "CERs without project", n -> n.validInternalTransfer().block(cer(WIND, 6301, 6400).project(null))),
                itl(2018, "AAUs with a project", n -> n.validInternalTransfer().block(aau(JP, 401, 500).project(WIND))),
                itl(2019, "CERs of a project missing from the table",
                        n -> n.validInternalTransfer().block(cer(UNLISTED_PROJECT, 6301, 6400))),
                itl(2020, "transfer of serials never issued", n -> n.validInternalTransfer().block(aau(JP, 9_990, 10_010))),
                itl(2021, "block saying other than the holding",
                        n -> n.validInternalTransfer().block(aau(JP, 401, 500).period(CommitmentPeriod.CP1))),
                itl(2022, "issuance of serials that exist", n -> n.validAauIssuance().block(aau(JP, 1, 10))),
                itl(2023, "non-Kyoto units", n -> n.validInternalTransfer().block(nonKyoto(JP, 1, 10))),
                itl(2024, "transfer of lCERs the day after they expired", n -> n.at(Instant.parse("2030-01-02T00:00:00Z")),
                        n -> n.validInternalTransfer().block(lcer(FOREST, 4001, 4100, EXPIRY))),
                itl(2025, "Japan issuing New Zealand's AAUs", n -> n.validAauIssuance().block(aau(NZ, 1, 10))),

                new Scenario(code(1019), "status of the CDM registry's transfer to Japan asked by New Zealand",
                        n -> StatusQueryRule.refusal(NZ, externalTransfer(n).proposal()).stream().toList()),
                itl(3001, "transaction numbered by another registry", n -> n.validInternalTransfer().id("NZ5")),
                itl(3002, "known identifier with other content",
                        n -> n.known(Transaction.propose(n.validInternalTransfer().build(), NOW)),
                        n -> n.validInternalTransfer().block(aau(JP, 501, 600))),
                notification(3003, "notification of a transaction nobody proposed",
                        n -> Optional.empty(), TransactionStatus.ACCEPTED, JP, true),
                itl(3004, "transfer from an account that does not exist", n -> n.validInternalTransfer().from(JP_MISSING)),
                itl(3005, "transfer to an account that does not exist", n -> n.validInternalTransfer().to(JP_MISSING)),
                itl(3006, "transfer without transferring account",
                        n -> n.validInternalTransfer().transferringAccount(null)),
                itl(3007, "transfer without acquiring account", n -> n.validInternalTransfer().acquiringAccount(null)),
                itl(3008, "transfer from a closed account", n -> n.validInternalTransfer().from(JP_CLOSED)),
                itl(3009, "transfer to a closed account", n -> n.validInternalTransfer().to(JP_CLOSED)),
                itl(3010, "transfer of units another account holds",
                        n -> n.validInternalTransfer().from(JP_ENTITY).to(JP_PARTY)),
                itl(3011, "transfer of units reserved by another transaction",
                        n -> n.reserve("JP77", JP_PARTY, aau(JP, 401, 500).build()), Network::validInternalTransfer),
                itl(3012, "transfer of retired units", n -> n.hold(JP_RETIREMENT, aau(JP, 50_001, 50_100)),
                        n -> n.validInternalTransfer().block(aau(JP, 50_001, 50_100))),
                itl(3013, "transfer into the account the units leave", n -> n.validInternalTransfer().to(JP_PARTY)),
                itl(3014, "supplementary type that does not exist", n -> n.validInternalTransfer().supplementaryType(99)),
                itl(3015, "transfer out of a retirement account", n -> n.validInternalTransfer().from(JP_RETIREMENT)),
                itl(3016, "AAUs into a CDM account", n -> n.validInternalTransfer().to(CDM_PARTICIPANT)),
                itl(3017, "CP1 units into a CP2 cancellation account", n -> n.validNetSourceCancellation()
                        .block(cer(WIND, 3001, 3100).period(CommitmentPeriod.CP1))),
                itl(3018, "notice that does not exist", n -> n.validNetSourceCancellation().notice(555L)),
                itl(3019, "notice already fulfilled", n -> n.validNetSourceCancellation().notice(FULFILLED_NOTICE)),
                itl(3020, "net source cancellation against an expiry notice",
                        n -> n.validNetSourceCancellation().notice(EXPIRY_NOTICE)),
                itl(3021, "replacement without notice", n -> n.validReplacement().notice(null)),
                itl(3022, "retirement into another registry", n -> n.validRetirement().acquiringRegistry(NZ)),
                itl(3023, "external transfer inside Japan", n -> n.validTransferToEu().to(JP_ENTITY)),
                itl(3024, "conversion in the surplus reserve", n -> n.validConversion().from(JP_RESERVE)),
                itl(3025, "internal transfer into a retirement account", n -> n.validInternalTransfer().to(JP_RETIREMENT)),
                itl(3026, "New Zealand's account for a Japanese transfer",
                        n -> n.validInternalTransfer().transferringAccount(NZ_PARTY)),

                notification(4001, "rejection of a completed transfer", n -> Optional.of(externalTransfer(n,
                        TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.ACCEPTED, TransactionStatus.COMPLETED)),
                        TransactionStatus.REJECTED, JP, true),
                notification(4002, "cancellation after a discrepancy", n -> Optional.of(internalTransfer(n,
                        TransactionStatus.CHECKED_DISCREPANCY)), TransactionStatus.CANCELLED, JP, false),
                new Scenario(code(4003), "transfer not final 24 hours after its proposal",
                        n -> CompletionDeadline.of(n.parameters()).evaluate(externalTransfer(n), NOW.plus(Duration.ofHours(24)))
                                .map(result -> List.of(result.code())).orElse(List.of())),
                itl(4004, "proposal dated ten minutes ahead",
                        n -> n.validInternalTransfer().proposedAt(NOW.plus(Duration.ofMinutes(10)))),
                itl(4005, "proposal dated two days ago", n -> n.validInternalTransfer().proposedAt(NOW.minus(Duration.ofDays(2)))),
                itl(4006, "notice fulfilled after its target date", n -> n.at(Instant.parse("2021-01-01T00:00:00Z")),
                        Network::validNetSourceCancellation),
                itl(4007, "external transfer after the CP2 true-up", n -> n.at(Instant.parse("2023-09-10T00:00:00Z")),
                        Network::validExternalTransfer),
                notification(4008, "acceptance before the proposal was forwarded", n -> Optional.of(externalTransfer(n,
                        TransactionStatus.CHECKED_NO_DISCREPANCY)), TransactionStatus.ACCEPTED, JP, false),
                notification(4010, "acceptance sent by the transferring registry", n -> Optional.of(externalTransfer(n,
                        TransactionStatus.CHECKED_NO_DISCREPANCY)), TransactionStatus.ACCEPTED, CDM, true),

                itl(5001, "Japan issuing CERs", n -> n.validAauIssuance().block(cer(WIND, 100_001, 100_100).origin(JP))),
                itl(5002, "CDM issuing into a holding account", n -> n.validCerIssuance().to(CDM_PARTICIPANT)),
                itl(5003, "issuance of ERUs", n -> n.validAauIssuance().block(eru(JP, JI_PROJECT, 100_001, 100_100))),
                itl(5004, "conversion of CERs",
                        n -> n.validConversion().block(cer(WIND, 3001, 3100).period(CommitmentPeriod.CP1))),
                itl(5005, "conversion of New Zealand's AAUs", n -> n.validConversion().block(aau(NZ, 1, 10))),
                itl(5006, "cancellation into a holding account", n -> n.validVoluntaryCancellation().to(CDM_PARTICIPANT)),
                itl(5007, "retirement into a cancellation account", n -> n.validRetirement().to(JP_VOLUNTARY_CANCELLATION)),
                itl(5008, "AAU issuance over the assigned amount",
                        n -> n.parameters(n.parameters().withAssignedAmounts(Map.of(JP, Map.of(CommitmentPeriod.CP2, 10_000L)))),
                        Network::validAauIssuance),
                itl(5009, "retirement of CP1 units into the CP2 account",
                        n -> n.validRetirement().block(cer(WIND, 3001, 3100).period(CommitmentPeriod.CP1))),
                itl(5010, "replacement into a retirement account", n -> n.validReplacement().to(JP_RETIREMENT)),
                itl(5011, "tCERs replacing tCERs", n -> n.validReplacement().block(tcer(FOREST, 6401, 6500, EXPIRY))),
                itl(5012, "carry-over of RMUs",
                        n -> n.validCarryOver().block(rmu(JP, 20_001, 20_100).period(CommitmentPeriod.CP1))),
                itl(5013, "carry-over of more CERs than 3% of the assigned amount",
                        n -> n.parameters(n.parameters().withAssignedAmounts(Map.of(JP, Map.of(CommitmentPeriod.CP1, 3_000L)))),
                        Network::validCarryOver),
                itl(5014, "carry-over of CP2 units", n -> n.validAauCarryOver().block(aau(JP, 1, 100))),
                itl(5015, "expiry date change of CERs", n -> n.validExpiryDateChange().block(cer(WIND, 6301, 6400))),
                itl(5016, "share of proceeds to a participant", n -> n.validShareOfProceeds().to(CDM_PARTICIPANT)),
                itl(5017, "share of proceeds from a holding account",
                        n -> n.validShareOfProceeds().from(CDM_PARTICIPANT).block(cer(WIND, 1001, 1020))),
                itl(5018, "transfer into the pending account",
                        n -> n.validForwarding().from(CDM_PARTICIPANT).to(CDM_PENDING).block(cer(WIND, 1001, 1100))),
                itl(5019, "external transfer into a retirement account", n -> n.validExternalTransfer().to(JP_RETIREMENT)),
                itl(5020, "a Japanese pending account", n -> n.validInternalTransfer().to(AccountRef.parse("JP-110-5-0"))),
                itl(5021, "voluntary cancellation from the surplus reserve", n -> n.validVoluntaryCancellation()
                        .from(JP_RESERVE).to(JP_VOLUNTARY_CANCELLATION).block(aau(JP, 40_001, 40_100))),
                itl(5022, "CP1 CERs leaving the CDM registry in 2020", n -> n.validExternalTransfer().from(CDM_PARTICIPANT)
                        .block(cer(WIND, 2001, 2100).period(CommitmentPeriod.CP1))),
                itl(5023, "net source cancellation without notice", n -> n.validNetSourceCancellation().notice(null)),
                itl(5024, "retirement by the CDM registry", n -> n.validRetirement().from(CDM_PARTICIPANT)
                        .to(AccountRef.parse("CDM-300-9-2")).block(cer(WIND, 1001, 1100))),
                itl(5025, "expiry date moved earlier",
                        n -> n.validExpiryDateChange().block(lcer(FOREST, 4001, 4100, EXPIRY.minusDays(1)))),
                itl(5026, "internal transfer to New Zealand", n -> n.validInternalTransfer().to(NZ_PARTY)),
                itl(5027, "share of proceeds on the first transfer paid in RMUs",
                        n -> n.validShareOfProceedsOnFirstTransferOfAaus().block(rmu(JP, 20_001, 20_020))),
                itl(5028, "ordinary external transfer into the Adaptation Fund's account",
                        n -> n.validShareOfProceedsOnFirstTransferOfAaus().kind(SupplementaryType.EXTERNAL_TRANSFER)),

                citl(7005, "transfer from a suspended registry into Germany",
                        n -> n.validTransferToEu().from(SUSPENDED_PARTY).block(aau(RegistryCode.of("ZZ"), 1, 10))),
                citl(7006, "transfer from Germany to a suspended registry", n -> n.validTransferFromEu().to(SUSPENDED_PARTY)),
                citl(7020, "transfer to an account Germany does not have", n -> n.validTransferToEu().to(DE_MISSING)),
                citl(7021, "transfer from an account Germany does not have", n -> n.validTransferFromEu().from(DE_MISSING)),
                citl(7022, "internal transfer from Germany to France", n -> n.validEuInternalTransfer().to(FR_ENTITY)),
                citl(7023, "external transfer between German accounts", n -> n.validTransferFromEu().to(DE_ENTITY)),
                citl(7027, "German units the CITL does not know", n -> n.validTransferFromEu().block(aau(DE, 2001, 2100))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void situationTriggersItsCode(Scenario scenario) {
        Collection<ResponseCode> triggered = scenario.play().apply(new Network());
        assertTrue(triggered.contains(scenario.expected()), scenario + " triggered " + triggered);
    }

    @Test
    void theSituationsTriggerEveryRuleCodeButTheExcludedOnes() {
        Set<ResponseCode> triggered = EnumSet.noneOf(ResponseCode.class);
        for (Scenario scenario : scenarios()) {
            triggered.addAll(scenario.play().apply(new Network()));
        }
        Set<ResponseCode> expected = EnumSet.noneOf(ResponseCode.class);
        for (ResponseCode code : ResponseCode.values()) {
            if (code.layer() == ResponseCode.Layer.RULE && !EXCLUDED.contains(code)) {
                expected.add(code);
            }
        }
        assertEquals(expected, triggered);
    }

    @Test
    void eachCodeHasOneSituationInTheTable() {
        List<ResponseCode> codes = scenarios().stream().map(Scenario::expected).toList();
        assertEquals(codes.stream().distinct().toList(), codes);
        assertTrue(codes.stream().noneMatch(EXCLUDED::contains));
    }

    // ---- how situations are played ----

    private static ResponseCode code(int number) {
        return ResponseCode.fromCode(number);
    }

    private static Scenario itl(int code, String situation, Function<Network, ProposalBuilder> proposal) {
        return itl(code, situation, n -> { }, proposal);
    }

    private static Scenario itl(int code, String situation, Consumer<Network> setUp, Function<Network, ProposalBuilder> proposal) {
        return proposal(Catalogues.itl(), code, situation, setUp, proposal);
    }

    private static Scenario citl(int code, String situation, Function<Network, ProposalBuilder> proposal) {
        return proposal(Catalogues.citl(), code, situation, n -> { }, proposal);
    }

    private static Scenario proposal(CheckCatalogue catalogue, int code, String situation, Consumer<Network> setUp,
                                     Function<Network, ProposalBuilder> proposal) {
        return new Scenario(code(code), situation, n -> {
            setUp.accept(n);
            return catalogue.evaluate(n.context(proposal.apply(n))).codes();
        });
    }

    private static Scenario intake(int code, String situation, Function<Network, ProposalFormBuilder> form) {
        return new Scenario(code(code), situation,
                n -> ProposalIntake.of(n.parameters()).admit(form.apply(n).build(), n.now()).codes());
    }

    private static Scenario notification(int code, String situation, Function<Network, Optional<Transaction>> known,
                                         TransactionStatus notified, RegistryCode sender, boolean forwarded) {
        return new Scenario(code(code), situation,
                n -> new NotificationRules().judge(known.apply(n), notified, sender, forwarded).code().stream().toList());
    }

    /** The CDM registry's external transfer to Japan, moved along {@code path}. */
    private static Transaction externalTransfer(Network network, TransactionStatus... path) {
        return walk(Transaction.propose(network.validExternalTransfer().build(), NOW), path);
    }

    /** Japan's internal transfer, moved along {@code path}. */
    private static Transaction internalTransfer(Network network, TransactionStatus... path) {
        return walk(Transaction.propose(network.validInternalTransfer().build(), NOW), path);
    }

    private static Transaction walk(Transaction transaction, TransactionStatus... path) {
        for (TransactionStatus status : path) {
            transaction.moveTo(status, NOW);
        }
        return transaction;
    }

    private static RuleParameters maxBlocks(RuleParameters p, int max) {
        return new RuleParameters(p.completionLimit(), p.futureSkew(), max, p.cp2TrueUpEnd(), p.cp1TrueUpEnd(),
                p.assignedAmounts(), p.carryOverLimitPercent());
    }
}
