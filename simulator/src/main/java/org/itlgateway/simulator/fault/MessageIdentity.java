package org.itlgateway.simulator.fault;

/**
 * A message as a fault rule sees it: from one node's side, with what makes it this message and not another.
 *
 * @param node      the node the rule is about
 * @param direction whether that node receives or sends it
 * @param peer      the other node
 * @param operation the operation's wire name
 * @param key       the message's business identity (a proposal's transaction, a notification's transaction and
 *                  status ...), the same for a resend
 * @param attempt   which delivery of that message this is, from 1
 */
public record MessageIdentity(String node, FaultDirection direction, String peer, String operation, String key,
                              int attempt) {

    /** The parts a seeded decision about this message is made from. */
    String[] parts(FaultRule rule, String purpose) {
        return new String[] {purpose, rule.signature(), node, direction.name(), peer, operation, key,
                Integer.toString(attempt)};
    }
}
