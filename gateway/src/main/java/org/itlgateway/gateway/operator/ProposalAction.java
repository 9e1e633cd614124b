package org.itlgateway.gateway.operator;

import java.util.List;
import java.util.function.Supplier;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.gateway.node.RegistryNode;

/**
 * What an operator's request asks the registry to propose, ready to run: one proposal, or several from one
 * action (forwarding temporary holding accounts). The node runs it and writes each recorded proposal's message
 * to the log in the same database transaction.
 */
final class ProposalAction {

    private final Supplier<ProposalOutcome> one;
    private final Supplier<List<ProposalOutcome>> many;

    private ProposalAction(Supplier<ProposalOutcome> one, Supplier<List<ProposalOutcome>> many) {
        this.one = one;
        this.many = many;
    }

    static ProposalAction one(Supplier<ProposalOutcome> action) {
        return new ProposalAction(action, null);
    }

    static ProposalAction many(Supplier<List<ProposalOutcome>> action) {
        return new ProposalAction(null, action);
    }

    /** True when the action may record several proposals. */
    boolean isMany() {
        return many != null;
    }

    List<ProposalOutcome> submitTo(RegistryNode node) {
        return one != null ? List.of(node.submit(one)) : node.submitAll(many);
    }
}
