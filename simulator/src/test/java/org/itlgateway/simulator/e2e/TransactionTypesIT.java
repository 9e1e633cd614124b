package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every DES transaction type, proposed by a registry of the network and checked by the ITL, ending completed
 * on both the registry and the log (1 issuance, 2 conversion, 3 external transfer, 4 cancellation,
 * 5 retirement, 6 replacement, 7 carry-over, 8 expiry date change, 10 internal transfer).
 */
class TransactionTypesIT {

    private static final RegistryCode JP = RegistryCode.of("JP");
    private static final AccountRef JP_CP2 = new AccountRef(JP, AccountType.PARTY_HOLDING, 1, CommitmentPeriod.CP2);
    private static final AccountRef JP_CP1 = new AccountRef(JP, AccountType.PARTY_HOLDING, 2, CommitmentPeriod.CP1);
    private static final AccountRef JP_ENTITY = AccountRef.of(JP, AccountType.ENTITY_HOLDING, 20045);
    private static final AccountRef JP_RETIREMENT = new AccountRef(JP, AccountType.RETIREMENT, 3, CommitmentPeriod.CP2);
    private static final AccountRef JP_TCER_REPLACEMENT =
            new AccountRef(JP, AccountType.TCER_REPLACEMENT_FOR_EXPIRY, 5, CommitmentPeriod.CP1);
    private static final AccountRef ADAPTATION_FUND = AccountRef.parse("CDM-100-1100-0");
    private static final AtomicLong SEQUENCE = new AtomicLong(900_000);
    private static final AtomicLong SERIALS = new AtomicLong(5_000_000_000L);

    private Network network;
    private CdmActions cdm;

    @BeforeEach
    void network() {
        network = TestNetwork.get();
        cdm = new CdmActions(network);
    }

    @Test
    void issuanceOfAausByAPartyCompletes() {
        completes(issueAaus(JP_CP2, CommitmentPeriod.CP2, 1_000, "2014-02-01T09:00:00Z"));
    }

    @Test
    void conversionOfAausToErusCompletesAndChangesTheUnitTypeNotTheCount() {
        List<UnitBlock> aaus = issued(issueAaus(JP_CP2, CommitmentPeriod.CP2, 500, "2014-03-01T09:00:00Z"));
        List<UnitBlock> erus = aaus.stream().map(b -> b.withAttributes(
                b.attributes().withUnitType(UnitType.ERU_FROM_AAU).withProjectAndTrack(9902L, Track.ONE))).toList();
        TransactionId id = propose(proposal(TransactionType.CONVERSION, 0, JP_CP2, JP_CP2, null, erus, "2014-03-02T09:00:00Z"));
        completes(id);
        long erusHeld = held(JP_CP2).stream().filter(b -> b.unitType() == UnitType.ERU_FROM_AAU).mapToLong(UnitBlock::quantity).sum();
        assertEquals(500, erusHeld);
    }

    @Test
    void anExternalTransferCompletesOnBothSides() {
        AccountRef from = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-08-01T09:00:00Z");
        TransactionId id = cdm.transfer(from, JP_ENTITY, 4321, 100, "2016-08-02T09:00:00Z");
        network.settle();
        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", id).status());
    }

    @Test
    void aVoluntaryCancellationCompletes() {
        AccountRef from = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2017-01-02T09:00:00Z");
        List<UnitBlock> blocks = cdm.free(from, 4321, 100);
        ProposalOutcome outcome = network.registryNode("CDM").submit(
                () -> network.cdm().cancelVoluntarily(from, blocks, "testing", "Test beneficiary"));
        network.settle();
        completesAt("CDM", outcome.transaction().id());
    }

    @Test
    void anExcessIssuanceCancellationFulfilsTheItlNotice() {
        AccountRef from = cdm.holdingOf(1234, CommitmentPeriod.CP2, 1_000, "2017-02-01T09:00:00Z");
        Notice notice = network.itl().issueNotice(RegistryCode.CDM, NoticeType.EXCESS_ISSUANCE, 1234L, null, UnitType.CER,
                300L, LocalDate.parse("2017-03-31"), "excess issuance for project 1234");
        network.settle();
        List<UnitBlock> blocks = cdm.free(from, 1234, 300);
        ProposalOutcome outcome = network.registryNode("CDM").submit(
                () -> network.cdm().cancelAgainstNotice(notice.id(), from, blocks));
        assertTrue(outcome.isRecorded(), () -> outcome.refusals().toString());
        network.settle();
        completesAt("CDM", outcome.transaction().id());
        assertEquals(AccountRef.parse("CDM-240-2240-2"), outcome.transaction().proposal().acquiringAccount(),
                "second-period CERs go to the DES's excess issuance cancellation account");
        NodeStores itl = network.stores("ITL");
        assertEquals(NoticeStatus.FULFILLED, itl.database().call(() -> itl.notices().find(notice.id())).orElseThrow().status());
        NodeStores cdmStores = network.stores("CDM");
        assertEquals(NoticeStatus.FULFILLED,
                cdmStores.database().call(() -> cdmStores.notices().find(notice.id())).orElseThrow().status(),
                "the registry heard its notice was fulfilled");
    }

    @Test
    void aCancellationShortOfTheNoticesTargetLeavesItIncompleteAndTheRestFulfilsIt() {
        AccountRef from = cdm.holdingOf(1234, CommitmentPeriod.CP2, 1_000, "2017-02-03T09:00:00Z");
        Notice notice = network.itl().issueNotice(RegistryCode.CDM, NoticeType.EXCESS_ISSUANCE, 1234L, null, UnitType.CER,
                300L, LocalDate.parse("2017-03-31"), "excess issuance for project 1234, in two parts");
        network.settle();
        NodeStores itl = network.stores("ITL");
        ProposalOutcome first = network.registryNode("CDM").submit(
                () -> network.cdm().cancelAgainstNotice(notice.id(), from, cdm.free(from, 1234, 100)));
        network.settle();
        completesAt("CDM", first.transaction().id());
        assertEquals(NoticeStatus.INCOMPLETE, itl.database().call(() -> itl.notices().find(notice.id())).orElseThrow().status(),
                "100 of 300: incomplete (DES status 2)");

        ProposalOutcome rest = network.registryNode("CDM").submit(
                () -> network.cdm().cancelAgainstNotice(notice.id(), from, cdm.free(from, 1234, 200)));
        network.settle();
        completesAt("CDM", rest.transaction().id());
        assertEquals(NoticeStatus.FULFILLED, itl.database().call(() -> itl.notices().find(notice.id())).orElseThrow().status(),
                "300 of 300: completed (DES status 3)");
        assertEquals(3, NoticeStatus.FULFILLED.code());
    }

    @Test
    void retirementOfAausCompletes() {
        List<UnitBlock> aaus = issued(issueAaus(JP_CP2, CommitmentPeriod.CP2, 300, "2015-01-05T09:00:00Z"));
        completes(propose(proposal(TransactionType.RETIREMENT, 0, JP_CP2, JP_RETIREMENT, null, aaus, "2015-01-06T09:00:00Z")));
        assertEquals(300, unitsOf(aaus, JP_RETIREMENT), "the retirement account holds the 300 units retired");
        assertEquals(0, unitsOf(aaus, JP_CP2), "and the Party holding account none of them");
    }

    @Test
    void carryOverOfCp1AausToCp2Completes() {
        List<UnitBlock> cp1 = issued(issueAaus(JP_CP1, CommitmentPeriod.CP1, 200, "2012-06-01T09:00:00Z"));
        List<UnitBlock> asCarried = cp1.stream()
                .map(b -> b.withAttributes(b.attributes().withApplicablePeriod(CommitmentPeriod.CP2))).toList();
        // the DES's 7-39: a carry-over of AAUs
        completes(propose(proposal(TransactionType.CARRY_OVER, 39, JP_CP1, JP_CP1, null, asCarried, "2015-11-01T09:00:00Z")));
    }

    @Test
    void aPartysShareOfProceedsOnItsFirstTransferOfAausReachesTheAdaptationFundInTheCdmRegistry() {
        List<UnitBlock> aaus = issued(issueAaus(JP_CP2, CommitmentPeriod.CP2, 20, "2016-02-01T09:00:00Z"));
        cdm.at("2016-02-02T09:00:00Z");
        Proposal share = new Proposal(TransactionId.of(JP, SEQUENCE.incrementAndGet()), TransactionType.EXTERNAL_TRANSFER,
                47, JP, JP_CP2, RegistryCode.CDM, ADAPTATION_FUND, null, aaus, Map.of(),
                Instant.parse("2016-02-02T09:00:00Z"));

        propose(share);

        completes(share.id());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", share.id()).status());
        NodeStores cdmStores = network.stores("CDM");
        long aausOfTheFund = cdmStores.database().call(() -> cdmStores.ledger().heldBy(ADAPTATION_FUND)).stream()
                .filter(h -> h.block().unitType() == UnitType.AAU && aaus.contains(h.block()))
                .mapToLong(h -> h.block().quantity()).sum();
        assertEquals(20, aausOfTheFund, "the Adaptation Fund's account holds the AAUs paid as share of proceeds");
    }

    @Test
    void aTcerReplacementAndAnExpiryDateChangeFulfilTheirNotices() {
        AccountRef tcerHolder = cdm.holdingOf(new IssuanceRequest(5501, UnitType.TCER, CommitmentPeriod.CP1, 400,
                LocalDate.parse("2013-01-01")), "2010-01-04T09:00:00Z");
        TransactionId toJapan = cdm.transfer(tcerHolder, JP_ENTITY, 5501, 400, "2010-01-05T09:00:00Z");
        network.settle();
        completesAt("JP", toJapan);

        Notice change = network.itl().issueNotice(JP, NoticeType.EXPIRY_DATE_CHANGE, 5501L, CommitmentPeriod.CP1,
                UnitType.TCER, null, LocalDate.parse("2010-06-30"), "new expiry date for project 5501");
        network.settle();
        List<UnitBlock> tcers = held(JP_ENTITY).stream().filter(b -> b.unitType() == UnitType.TCER).toList();
        List<UnitBlock> extended = tcers.stream()
                .map(b -> b.withAttributes(b.attributes().withExpiryDate(LocalDate.parse("2014-01-01")))).toList();
        completes(propose(proposal(TransactionType.EXPIRY_DATE_CHANGE, 0, JP_ENTITY, JP_ENTITY, change.id(), extended,
                "2010-02-01T09:00:00Z")));

        Notice expiry = network.itl().issueNotice(JP, NoticeType.IMPENDING_TEMPORARY_CER_EXPIRY, 5501L,
                CommitmentPeriod.CP1, UnitType.TCER, 400L, LocalDate.parse("2013-12-31"), "replace the expiring tCERs");
        network.settle();
        List<UnitBlock> aaus = issued(issueAaus(JP_CP1, CommitmentPeriod.CP1, 400, "2012-02-01T09:00:00Z"));
        // the DES's 6-0; the tCER replacement account (411) says which replacement it is
        completes(propose(proposal(TransactionType.REPLACEMENT, 0, JP_CP1, JP_TCER_REPLACEMENT, expiry.id(), aaus,
                "2012-02-02T09:00:00Z")));
        NodeStores itl = network.stores("ITL");
        assertEquals(NoticeStatus.FULFILLED, itl.database().call(() -> itl.notices().find(expiry.id())).orElseThrow().status());
    }

    @Test
    void anInternalTransferCompletes() {
        List<UnitBlock> aaus = issued(issueAaus(JP_CP2, CommitmentPeriod.CP2, 100, "2016-01-11T09:00:00Z"));
        completes(propose(proposal(TransactionType.INTERNAL_TRANSFER, 0, JP_CP2, JP_ENTITY, null, aaus, "2016-01-12T09:00:00Z")));
        assertEquals(100, unitsOf(aaus, JP_ENTITY), "the entity account holds the 100 units transferred");
        assertEquals(0, unitsOf(aaus, JP_CP2), "and the Party holding account none of them");
    }

    private TransactionId issueAaus(AccountRef into, CommitmentPeriod period, long quantity, String date) {
        long start = SERIALS.getAndAdd(quantity);
        UnitBlock block = UnitBlock.of(start, start + quantity - 1, UnitAttributes.aau(JP, period));
        TransactionId id = propose(proposal(TransactionType.ISSUANCE, 0, null, into, null, List.of(block), date));
        completes(id);
        return id;
    }

    private List<UnitBlock> issued(TransactionId issuance) {
        return cdm.at("JP", issuance).proposal().blocks();
    }

    private Proposal proposal(TransactionType type, int supplementary, AccountRef from, AccountRef to, Long notice,
                              List<UnitBlock> blocks, String date) {
        cdm.at(date);
        return new Proposal(TransactionId.of(JP, SEQUENCE.incrementAndGet()), type, supplementary, JP, from, JP, to, notice,
                blocks, Map.of(), Instant.parse(date));
    }

    private TransactionId propose(Proposal proposal) {
        ProposalOutcome outcome = network.registryNode("JP").submit(() -> network.lifecycle("JP").propose(proposal));
        assertTrue(outcome.isRecorded(), () -> "JP refused its own proposal: " + outcome.refusals());
        network.settle();
        return proposal.id();
    }

    private void completes(TransactionId id) {
        completesAt("JP", id);
    }

    private void completesAt(String registry, TransactionId id) {
        Transaction atRegistry = cdm.at(registry, id);
        Transaction atItl = cdm.at("ITL", id);
        assertEquals(TransactionStatus.COMPLETED, atRegistry.status(),
                () -> registry + ": " + atRegistry.history() + " / ITL: " + atItl.history());
        assertEquals(TransactionStatus.COMPLETED, atItl.status(), () -> "ITL: " + atItl.history());
    }

    /** How many of the units of {@code blocks} the account holds in the Japanese registry (other tests' units aside). */
    private long unitsOf(List<UnitBlock> blocks, AccountRef account) {
        long units = 0;
        for (UnitBlock piece : held(account)) {
            for (UnitBlock block : blocks) {
                if (piece.id().originatingRegistry().equals(block.id().originatingRegistry())
                        && piece.range().overlaps(block.range())) {
                    units += piece.range().intersection(block.range()).quantity();
                }
            }
        }
        return units;
    }

    private List<UnitBlock> held(AccountRef account) {
        NodeStores jp = network.stores("JP");
        return jp.database().call(() -> jp.ledger().heldBy(account)).stream().map(h -> h.block()).toList();
    }
}
