package org.itlgateway.core.check;

import java.time.Instant;
import java.util.Objects;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.holding.Holdings;
import org.itlgateway.core.notice.Notices;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.Registries;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transactions;

/**
 * Everything a check may read about a proposal: who sent it, when it is checked, and the facts of the node
 * that checks it. Checks only read; nothing here changes.
 *
 * @param proposal     the proposal checked
 * @param sender       the node that sent it (the header's from, as authenticated)
 * @param now          the checking node's clock
 * @param registries   known registries and their status
 * @param accounts     known accounts
 * @param holdings     known holdings (the log's mirror, or the registry's own)
 * @param projects     the project reference table
 * @param notices      ITL notices
 * @param transactions known transactions (to tell a duplicate from a new one)
 * @param parameters   the rules' numbers and dates
 */
public record CheckContext(Proposal proposal, RegistryCode sender, Instant now, Registries registries,
                           Accounts accounts, Holdings holdings, Projects projects, Notices notices,
                           Transactions transactions, RuleParameters parameters) {

    public CheckContext {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(registries, "registries");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(holdings, "holdings");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(parameters, "parameters");
    }
}
