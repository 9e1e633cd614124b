package org.itlgateway.core.check.sequence;

import java.util.Optional;
import java.util.Set;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/**
 * Who may ask the log about a transaction (getTransactionStatus): only a party to it, its transferring or its
 * acquiring registry (1019). Another registry learns nothing of it, not even its status.
 */
public final class StatusQueryRule {

    /** The codes this rule answers with. */
    public static final Set<ResponseCode> CODES = Set.of(ResponseCode.TRANSACTION_NOT_OF_SENDER);

    private StatusQueryRule() {
    }

    /** Why {@code asker} may not be told the status of the transaction {@code proposal} proposed, if it may not. */
    public static Optional<ResponseCode> refusal(RegistryCode asker, Proposal proposal) {
        boolean party = asker.equals(proposal.transferringRegistry()) || asker.equals(proposal.acquiringRegistry());
        return party ? Optional.empty() : Optional.of(ResponseCode.TRANSACTION_NOT_OF_SENDER);
    }
}
