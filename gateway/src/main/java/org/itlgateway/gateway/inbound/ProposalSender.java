package org.itlgateway.gateway.inbound;

import org.itlgateway.core.result.ResponseCode;

/**
 * A registry proposes only its own transactions: a proposal sent to a transaction log by a registry must name that
 * registry as the transferring one, or it is refused (1024) before the receipt. Otherwise the ITL would receipt it
 * and then send its verdict to the registry the proposal names, which never proposed anything: any registry could
 * make the ITL write to another. A log (the ITL forwarding to the CITL) sends proposals of others by design.
 */
public final class ProposalSender {

    private ProposalSender() {
    }

    /**
     * @param sender       the verified sender (the signer, already known to be the header's {@code from})
     * @param transferring the transferring registry the proposal names
     */
    public static void authorise(String sender, String transferring) {
        if (HeaderChecks.LOGS.contains(sender)) {
            return;
        }
        if (!sender.equals(transferring)) {
            throw Refusals.fault(ResponseCode.PROPOSER_IS_NOT_TRANSFERRING_REGISTRY,
                    sender + " sent a proposal whose transferring registry is " + transferring);
        }
    }
}
