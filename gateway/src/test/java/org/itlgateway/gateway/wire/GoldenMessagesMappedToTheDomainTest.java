package org.itlgateway.gateway.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.check.intake.UnitBlockForm;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.holding.HoldingTotal;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.delivery.PayloadCodec;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.wire.RegistryMessages.StatusNotification;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.AuditTrailAsked;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.Initiation;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.Result;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.TotalsAsked;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.UnitBlocksAsked;
import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesTotals;
import org.itlgateway.schemas.v1.types.DesTotalsRequest;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.itlgateway.schemas.v1.types.DesUnitBlocks;
import org.junit.jupiter.api.Test;

/**
 * The golden messages (schemas/src/test/resources/golden, written from the DES's field lists), read as a node reads
 * them, give the domain values written here by hand from the XML, field by field: the header fields first and flat, a
 * proposal's DES fields, a notification's, a notice's, and the ITL's side of a reconciliation. The mapping is checked
 * against text, not against itself, so a mistake made the same way on both sides of the wire shows.
 */
class GoldenMessagesMappedToTheDomainTest {

    private static final CommitmentPeriod CP2 = CommitmentPeriod.CP2;

    @Test
    void theItlsForwardedTransferReadsAsTheProposalFormFieldByField() throws IOException {
        InboundMessage message = read(Operation.REGISTRY_ACCEPT_PROPOSAL, "registry/acceptProposal.xml");

        assertEquals(new Envelope("ITL", "JP", 1, 0), message.envelope());
        assertEquals(new ProposalForm("CDM1000003", 3, 0, "CDM", 110, 1000L, null, "JP", 120, 20045L, null, null,
                Instant.parse("2024-03-14T09:30:00Z"), List.of(
                        new UnitBlockForm(1_000_201, 1_005_000, "CDM", 5, 0, 2, 2, null, 1234L, null, null, null, null,
                                null, null),
                        new UnitBlockForm(1_005_001, 1_010_000, "CDM", 5, 0, 2, 2, null, 1234L, null, null, null, null,
                                null, null))),
                RegistryMessages.proposalOf(message));
    }

    @Test
    void theItlsVerdictReadsAsAStatusNotificationWithItsResult() throws IOException {
        InboundMessage message = read(Operation.REGISTRY_ACCEPT_NOTIFICATION, "registry/acceptNotification.xml");

        assertEquals(new Envelope("ITL", "CDM", 1, 0), message.envelope());
        assertEquals(new StatusNotification(TransactionId.parse("CDM1000005"), TransactionStatus.CHECKED_DISCREPANCY,
                        List.of(EvaluationResult.of(ResponseCode.PROJECT_IDENTIFIER_REQUIRED,
                                List.of(UnitBlockId.of(RegistryCode.CDM, 1_020_001, 1_020_500)),
                                "A project identifier is required for CER, tCER, lCER and ERU blocks."))),
                RegistryMessages.notificationOf(message));
    }

    @Test
    void anExcessIssuanceNoticeReadsAsTheNoticeFieldByField() throws IOException {
        InboundMessage message = read(Operation.REGISTRY_ACCEPT_ITL_NOTICE, "registry/acceptITLNotice.xml");

        assertEquals(new Notice(501, NoticeType.EXCESS_ISSUANCE, NoticeStatus.OPEN, RegistryCode.CDM, 1234L, null,
                        UnitType.CER, 1500L, LocalDate.parse("2024-04-30"), Instant.parse("2024-03-20T12:00:00Z"),
                        List.of(), "Excess issuance for project 1234: cancel 1,500 CERs into the excess issuance"
                                + " cancellation account (240)."),
                RegistryMessages.noticeOf(message, RegistryCode.CDM));
    }

    @Test
    void theDecisionOfAReconciliationReadsWithItsStatusTimeAndResults() throws IOException {
        InboundMessage message = read(Operation.REGISTRY_RECEIVE_RECONCILIATION_RESULT,
                "registry/receiveReconciliationResult.xml");

        assertEquals(new Result(20231, ReconciliationStatus.fromCode(4), Instant.parse("2024-03-15T02:10:00Z"),
                        List.of(EvaluationResult.of(ResponseCode.fromCode(6004),
                                List.of(UnitBlockId.of(RegistryCode.CDM, 1_000_001, 1_000_200)),
                                "The block is held in a different account in the ITL's records."))),
                RegistryReconciliationMessages.askedIn(message));
    }

    @Test
    void anAcquiringRegistrysRejectionReadsAsStatus6WithItsCodes() throws IOException {
        InboundMessage message = read(Operation.LOG_ACCEPT_NOTIFICATION, "transaction-log/acceptNotification-rejected.xml");
        DesTransactionNotification wire = message.content(Wire.LOG_ACCEPT_NOTIFICATION);

        assertEquals(new Envelope("GB", "ITL", 1, 0), EnvelopeMapping.fromWire(wire));
        assertEquals(TransactionStatus.REJECTED, NotificationMapping.statusOf(wire));
        assertEquals(TransactionId.parse("CDM1000010"), NotificationMapping.idOf(wire));
        assertEquals(List.of(EvaluationResult.of(ResponseCode.fromCode(5301),
                        List.of(UnitBlockId.of(RegistryCode.CDM, 3_000_001, 3_000_500)),
                        "The UK Kyoto registry accepts no CER transfers from 1 January 2021.")),
                NotificationMapping.resultsOf(wire));
    }

    @Test
    void aRegistrysTotalsReadAsHoldingTotals() throws IOException {
        DesTotals wire = read(Operation.LOG_RECEIVE_TOTALS, "transaction-log/receiveTotals.xml")
                .content(Wire.LOG_RECEIVE_TOTALS);

        assertEquals("20231", wire.getReconciliationIdentifier());
        assertEquals(List.of(new HoldingTotal(AccountType.PENDING, null, CommitmentPeriod.ZERO, UnitType.CER, 0, 0),
                        new HoldingTotal(AccountType.PARTY_HOLDING, null, CommitmentPeriod.ZERO, UnitType.CER, 0, 200),
                        new HoldingTotal(AccountType.VOLUNTARY_CANCELLATION, null, CommitmentPeriod.ZERO, UnitType.CER, 0,
                                750)),
                ReconciliationMapping.totalsOf(wire));
    }

    @Test
    void aRegistrysUnitBlocksReadAsHeldPieces() throws IOException {
        DesUnitBlocks wire = read(Operation.LOG_RECEIVE_UNIT_BLOCKS, "transaction-log/receiveUnitBlocks.xml")
                .content(Wire.LOG_RECEIVE_UNIT_BLOCKS);

        HeldBlock first = ReconciliationMapping.heldBlockOf(RegistryCode.CDM, wire.getUnitBlocks().getUnitBlock().get(0));

        assertEquals(AccountRef.parse("CDM-100-1100-0"), first.account());
        assertEquals(UnitBlockId.of(RegistryCode.CDM, 1_000_001, 1_000_200), first.block().id());
        assertEquals(Long.valueOf(1234), first.block().attributes().projectId());
        assertEquals(UnitType.CER, first.block().unitType());
        assertEquals(CP2, first.block().attributes().applicablePeriod());
    }

    @Test
    void aRegistrysAuditTrailNamesTheBlocksEachTransactionMoved() throws IOException {
        DesAuditTrail wire = read(Operation.LOG_RECEIVE_AUDIT_TRAIL, "transaction-log/receiveAuditTrail.xml")
                .content(Wire.LOG_RECEIVE_AUDIT_TRAIL);

        assertEquals(List.of(UnitBlockId.of(RegistryCode.CDM, 1_000_001, 1_000_200)),
                ReconciliationMapping.blocksOf(wire.getTransactions().getAuditTrailEntry().get(0)));
    }

    @Test
    void theCdmRegistrysIssuanceReadsAtTheItlAsTheProposalFormFieldByField() throws IOException {
        InboundMessage message = read(Operation.LOG_ACCEPT_PROPOSAL, "transaction-log/acceptProposal-cdm-issuance.xml");

        assertEquals(new Envelope("CDM", "ITL", 1, 0), message.envelope());
        assertEquals(new ProposalForm("CDM1000001", 1, 0, "CDM", null, null, null, "CDM", 110, 1000L, null, null,
                Instant.parse("2024-03-14T09:30:00Z"), List.of(new UnitBlockForm(1_000_001, 1_010_000, "CDM", 5, 0, 2, 2,
                        null, 1234L, null, null, null, null, null, null))),
                ProposalMapping.toForm(message.content(Wire.LOG_ACCEPT_PROPOSAL)));
    }

    @Test
    void aCompletionReadsAsStatus4WithoutResults() throws IOException {
        assertEquals(new StatusNotification(TransactionId.parse("CDM1000003"), TransactionStatus.COMPLETED, List.of()),
                RegistryMessages.notificationOf(read(Operation.REGISTRY_ACCEPT_NOTIFICATION,
                        "registry/acceptNotification-completed.xml")));
    }

    @Test
    void anAdministrativeMessageCarriesItsTimeAndText() throws IOException {
        DesAdministrativeMessage wire = read(Operation.REGISTRY_ACCEPT_MESSAGE, "registry/acceptMessage.xml")
                .content(Wire.REGISTRY_ACCEPT_MESSAGE);

        assertEquals(Instant.parse("2023-09-01T09:00:00Z"), wire.getMessageDateTime());
        assertEquals("The CP2 true-up period ends on 9 September 2023 at 23:59:59 UTC. International transfers will be"
                + " refused after it.", wire.getMessageContent());
    }

    @Test
    void aClockCheckIsItsHeaderFieldsAlone() throws IOException {
        InboundMessage message = read(Operation.REGISTRY_PROVIDE_TIME, "registry/provideTime.xml");

        assertEquals(new Envelope("ITL", "CDM", 1, 0), message.envelope());
        assertEquals(null, message.content(Wire.REGISTRY_PROVIDE_TIME));
    }

    @Test
    void aStatusQueryNamesItsTransaction() throws IOException {
        InboundMessage message = read(Operation.LOG_GET_TRANSACTION_STATUS, "transaction-log/getTransactionStatus.xml");

        assertEquals(new Envelope("CDM", "ITL", 1, 0), message.envelope());
        assertEquals("CDM1000003", message.content(Wire.LOG_GET_TRANSACTION_STATUS));
    }

    @Test
    void theItlAsksTheCitlForItsTotalsByGroupWithoutFiltersAsOfTheSnapshotItFixed() throws IOException {
        DesTotalsRequest wire = read(Operation.LOG_PROVIDE_TOTALS, "transaction-log/provideTotals.xml")
                .content(Wire.LOG_PROVIDE_TOTALS);

        assertEquals(70012, ReconciliationMapping.identifierOf(wire.getReconciliationIdentifier()));
        assertEquals(Instant.parse("2024-03-15T00:00:00Z"), wire.getReconciliationSnapshotDatetime());
        assertEquals(HoldingGroup.any(), ReconciliationMapping.filterOf(wire));
        assertEquals(Boolean.FALSE, wire.isByAccountFlag());
    }

    @Test
    void theItlsDecisionOnTheCitlReadsAsValidated() throws IOException {
        DesReconciliationResult wire = read(Operation.LOG_RECEIVE_RECONCILIATION_RESULT,
                "transaction-log/receiveReconciliationResult.xml").content(Wire.LOG_RECEIVE_RECONCILIATION_RESULT);

        assertEquals("70012", wire.getReconciliationIdentifier());
        assertEquals(ReconciliationStatus.VALIDATED, ReconciliationStatus.fromCode(wire.getReconciliationStatus()));
        assertEquals(Instant.parse("2024-03-15T02:14:09Z"), wire.getStatusDateTime());
        assertEquals(List.of(), ReconciliationMapping.resultsOf(wire));
    }

    // ---- reconciliation requests: the identifier a string holding the log's number, the DES filters in their place ----

    @Test
    void initiateReconciliationNamesTheRunAndItsSnapshotDatetime() throws IOException {
        assertEquals(new Initiation(20231, Instant.parse("2024-03-15T00:00:00Z")),
                asked(Operation.REGISTRY_INITIATE_RECONCILIATION, "initiateReconciliation.xml"));
    }

    @Test
    void provideTotalsCarriesTheDesFiltersAndTheByAccountFlag() throws IOException {
        assertEquals(new TotalsAsked(20231, null, new HoldingGroup(AccountType.PARTY_HOLDING, null, null, UnitType.CER,
                        null), true),
                asked(Operation.REGISTRY_PROVIDE_TOTALS, "provideTotals.xml"));
    }

    @Test
    void provideUnitBlocksCarriesOneUnitBlockRequestWithEveryField() throws IOException {
        assertEquals(new UnitBlocksAsked(20231, List.of(new HoldingGroup(AccountType.PARTY_HOLDING, 1100L,
                        CommitmentPeriod.ZERO, UnitType.CER, 0))),
                asked(Operation.REGISTRY_PROVIDE_UNIT_BLOCKS, "provideUnitBlocks.xml"));
    }

    @Test
    void provideAuditTrailCarriesItsPeriodTheUnitTypeFilterAndTheBlocks() throws IOException {
        assertEquals(new AuditTrailAsked(20231, Instant.parse("2024-03-14T00:00:00Z"), Instant.parse("2024-03-15T00:00:00Z"),
                        List.of(UnitBlockId.of(RegistryCode.CDM, 1_000_001, 1_000_200)),
                        new HoldingGroup(null, null, null, UnitType.CER, null)),
                asked(Operation.REGISTRY_PROVIDE_AUDIT_TRAIL, "provideAuditTrail.xml"));
    }

    private static RegistryReconciliationMessages.Asked asked(Operation operation, String golden) throws IOException {
        return RegistryReconciliationMessages.askedIn(read(operation, "registry/" + golden));
    }

    private static InboundMessage read(Operation operation, String golden) throws IOException {
        byte[] envelope = Files.readAllBytes(goldenMessages().resolve(golden));
        return new InboundMessage(PayloadCodec.fromEnvelope(operation, envelope), "ITL", Instant.EPOCH, envelope);
    }

    private static Path goldenMessages() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("schemas/src/test/resources/golden"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no schemas/src/test/resources/golden above " + Path.of("").toAbsolutePath());
        }
        return directory.resolve("schemas/src/test/resources/golden");
    }
}
