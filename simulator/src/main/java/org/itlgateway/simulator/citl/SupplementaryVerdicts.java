package org.itlgateway.simulator.citl;

import java.util.List;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/** What the supplementary log sends: its verdict on a proposal, to the ITL (acceptNotification 9 or 10). */
public interface SupplementaryVerdicts {

    void answer(TransactionId transaction, TransactionStatus verdict, List<EvaluationResult> results);
}
