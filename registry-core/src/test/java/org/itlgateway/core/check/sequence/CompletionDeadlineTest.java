package org.itlgateway.core.check.sequence;

import static org.itlgateway.core.fixtures.Network.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

class CompletionDeadlineTest {

    private final CompletionDeadline deadline = CompletionDeadline.of(RuleParameters.defaults());
    private final Transaction transaction = Transaction.propose(new Network().validExternalTransfer().build(), NOW);

    @Test
    void transactionNotFinal24HoursAfterItsProposalIsTerminatedWith4003() {
        Optional<EvaluationResult> result = deadline.evaluate(transaction, NOW.plus(Duration.ofHours(24)));
        assertEquals(Optional.of(ResponseCode.TRANSACTION_OVERDUE), result.map(EvaluationResult::code));
    }

    @Test
    void transactionStillInTimePasses4003() {
        assertEquals(Optional.empty(), deadline.evaluate(transaction, NOW.plus(Duration.ofHours(24)).minusSeconds(1)));
    }

    @Test
    void finalTransactionIsNeverOverdue() {
        transaction.cancel(NOW.plusSeconds(60));
        assertEquals(Optional.empty(), deadline.evaluate(transaction, NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void theLimitIsConfigurable() {
        CompletionDeadline ninetyMinutes = new CompletionDeadline(Duration.ofMinutes(90));
        assertEquals(Optional.of(ResponseCode.TRANSACTION_OVERDUE),
                ninetyMinutes.evaluate(transaction, NOW.plus(Duration.ofMinutes(90))).map(EvaluationResult::code));
    }
}
