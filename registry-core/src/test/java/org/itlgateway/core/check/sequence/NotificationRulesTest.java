package org.itlgateway.core.check.sequence;

import static org.itlgateway.core.fixtures.Network.CDM;
import static org.itlgateway.core.fixtures.Network.JP;
import static org.itlgateway.core.fixtures.Network.NOW;
import static org.itlgateway.core.fixtures.Network.NZ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.itlgateway.core.check.sequence.NotificationVerdict.Action;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

    private static final boolean FORWARDED = true;
    private static final boolean NOT_FORWARDED = false;

    private final Network network = new Network();
    private final NotificationRules rules = new NotificationRules();

    /** CDM forwards CERs to Japan: external, so Japan accepts or rejects. */
    private Transaction externalTransferIn(TransactionStatus... path) {
        return walk(Transaction.propose(network.validExternalTransfer().build(), NOW), path);
    }

    /** Japan moves AAUs between its accounts. */
    private Transaction internalTransferIn(TransactionStatus... path) {
        return walk(Transaction.propose(network.validInternalTransfer().build(), NOW), path);
    }

    private static Transaction walk(Transaction transaction, TransactionStatus... path) {
        for (TransactionStatus status : path) {
            assertTrue(transaction.moveTo(status, NOW).reached(), "cannot reach " + status);
        }
        return transaction;
    }

    @Test
    void notificationOfAnUnknownTransactionIsRefusedWith3003() {
        NotificationVerdict verdict = rules.judge(Optional.empty(), TransactionStatus.ACCEPTED, JP, FORWARDED);
        assertEquals(Action.REFUSE, verdict.action());
        assertEquals(Optional.of(ResponseCode.TRANSACTION_UNKNOWN), verdict.code());
    }

    @Test
    void acquiringRegistryAcceptsAForwardedTransfer() {
        Transaction transaction = externalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY);
        NotificationVerdict verdict = rules.judge(Optional.of(transaction), TransactionStatus.ACCEPTED, JP, FORWARDED);
        assertEquals(Action.APPLY, verdict.action());
        assertEquals(Optional.empty(), verdict.code());
    }

    @Test
    void acceptanceResentIsAReplay() {
        Transaction transaction = externalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.ACCEPTED);
        assertEquals(Action.REPLAY, rules.judge(Optional.of(transaction), TransactionStatus.ACCEPTED, JP, FORWARDED).action());
    }

    @Test
    void notificationAboutAFinalTransactionIsIgnoredWith4001() {
        Transaction transaction = externalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.ACCEPTED,
                TransactionStatus.COMPLETED);
        NotificationVerdict verdict = rules.judge(Optional.of(transaction), TransactionStatus.REJECTED, JP, FORWARDED);
        assertEquals(Action.IGNORE, verdict.action());
        assertEquals(Optional.of(ResponseCode.TRANSACTION_ALREADY_FINAL), verdict.code());
    }

    @Test
    void completionResentAfterCompletionIsAReplayNotAnError() {
        Transaction transaction = internalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.COMPLETED);
        assertEquals(Action.REPLAY, rules.judge(Optional.of(transaction), TransactionStatus.COMPLETED, JP, NOT_FORWARDED).action());
    }

    @Test
    void cancellationAfterADiscrepancyIsRefusedWith4002() {
        Transaction transaction = internalTransferIn(TransactionStatus.CHECKED_DISCREPANCY);
        NotificationVerdict verdict = rules.judge(Optional.of(transaction), TransactionStatus.CANCELLED, JP, NOT_FORWARDED);
        assertEquals(Optional.of(ResponseCode.STATUS_CHANGE_NOT_ALLOWED), verdict.code());
    }

    @Test
    void rejectionAfterAcceptanceIsRefusedWith4002() {
        Transaction transaction = externalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.ACCEPTED);
        NotificationVerdict verdict = rules.judge(Optional.of(transaction), TransactionStatus.REJECTED, JP, FORWARDED);
        assertEquals(Optional.of(ResponseCode.STATUS_CHANGE_NOT_ALLOWED), verdict.code());
    }

    @Test
    void terminationAfterADiscrepancyIsApplied() {
        Transaction transaction = internalTransferIn(TransactionStatus.CHECKED_DISCREPANCY);
        assertEquals(Action.APPLY,
                rules.judge(Optional.of(transaction), TransactionStatus.TERMINATED, JP, NOT_FORWARDED).action());
    }

    @Test
    void acceptanceBeforeTheProposalWasForwardedIsRefusedWith4008() {
        Transaction transaction = externalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY);
        NotificationVerdict verdict = rules.judge(Optional.of(transaction), TransactionStatus.ACCEPTED, JP, NOT_FORWARDED);
        assertEquals(Optional.of(ResponseCode.NOTIFICATION_OUT_OF_SEQUENCE), verdict.code());
    }

    @Test
    void completionOfAnExternalTransferBeforeItsAcceptanceIsRefusedWith4008() {
        Transaction transaction = externalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY);
        NotificationVerdict verdict = rules.judge(Optional.of(transaction), TransactionStatus.COMPLETED, CDM, FORWARDED);
        assertEquals(Optional.of(ResponseCode.NOTIFICATION_OUT_OF_SEQUENCE), verdict.code());
    }

    @Test
    void completionOfAnExternalTransferAfterItsAcceptanceIsApplied() {
        Transaction transaction = externalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.ACCEPTED);
        assertEquals(Action.APPLY, rules.judge(Optional.of(transaction), TransactionStatus.COMPLETED, CDM, FORWARDED).action());
    }

    @Test
    void completionOfAnInternalTransactionBeforeItsCheckIsRefusedWith4008() {
        Transaction transaction = internalTransferIn();
        NotificationVerdict verdict = rules.judge(Optional.of(transaction), TransactionStatus.COMPLETED, JP, NOT_FORWARDED);
        assertEquals(Optional.of(ResponseCode.NOTIFICATION_OUT_OF_SEQUENCE), verdict.code());
    }

    @Test
    void completionOfAnInternalTransactionAfterItsCheckIsApplied() {
        Transaction transaction = internalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY);
        assertEquals(Action.APPLY, rules.judge(Optional.of(transaction), TransactionStatus.COMPLETED, JP, NOT_FORWARDED).action());
    }

    @Test
    void acceptanceOfAnInternalTransactionIsRefusedWith4008() {
        Transaction transaction = internalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY);
        NotificationVerdict verdict = rules.judge(Optional.of(transaction), TransactionStatus.ACCEPTED, JP, NOT_FORWARDED);
        assertEquals(Optional.of(ResponseCode.NOTIFICATION_OUT_OF_SEQUENCE), verdict.code());
    }

    @Test
    void acceptanceByTheTransferringOrAThirdRegistryIsRefusedWith4010() {
        Transaction transaction = externalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY);
        assertEquals(Optional.of(ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY),
                rules.judge(Optional.of(transaction), TransactionStatus.ACCEPTED, CDM, FORWARDED).code());
        assertEquals(Optional.of(ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY),
                rules.judge(Optional.of(transaction), TransactionStatus.ACCEPTED, NZ, FORWARDED).code());
    }

    @Test
    void completionByTheAcquiringRegistryIsRefusedWith4010() {
        Transaction transaction = externalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.ACCEPTED);
        assertEquals(Optional.of(ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY),
                rules.judge(Optional.of(transaction), TransactionStatus.COMPLETED, JP, FORWARDED).code());
    }

    @Test
    void statusesOnlyALogSetsAreRefusedWith4010() {
        Transaction transaction = internalTransferIn();
        assertEquals(Optional.of(ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY),
                rules.judge(Optional.of(transaction), TransactionStatus.CHECKED_NO_DISCREPANCY, JP, NOT_FORWARDED).code());
    }

    @Test
    void aThirdRegistryIsRefusedEvenAboutAFinalTransaction() {
        Transaction transaction = internalTransferIn(TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.COMPLETED);
        assertEquals(Optional.of(ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY),
                rules.judge(Optional.of(transaction), TransactionStatus.COMPLETED, NZ, NOT_FORWARDED).code());
    }
}
