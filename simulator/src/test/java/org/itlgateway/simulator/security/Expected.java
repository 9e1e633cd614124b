package org.itlgateway.simulator.security;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the ITL must do with a hostile variant: refuse it before any receipt (with one of the stable codes named,
 * or any stable code when none is named), or receipt it and then refuse it on business grounds (the transaction
 * ends rejected or terminated, with one of the codes named, and nothing is sent to any registry but the sender).
 *
 * @param afterHonestSend the variant first sends an honest message that the ITL receipts and refuses on business
 *                        grounds (the replays): the ITL knows the transaction, and it must stay refused
 */
record Expected(boolean refusalAllowed, Set<Integer> refusalCodes, boolean businessRefusalAllowed,
                Set<Integer> businessCodes, boolean afterHonestSend) {

    /** Refused before the receipt with one of these codes (any stable code when none is named). */
    static Expected refused(Integer... codes) {
        return new Expected(true, Set.of(codes), false, Set.of(), false);
    }

    /** Receipted, then refused by the ITL's checks with one of these codes (any code when none is named). */
    static Expected business(Integer... codes) {
        return new Expected(false, Set.of(), true, Set.of(codes), false);
    }

    /** Either: refused before the receipt (with any stable code), or receipted and refused on business grounds. */
    static Expected refusedOrBusiness() {
        return new Expected(true, Set.of(), true, Set.of(), false);
    }

    /** The same expectations of a variant played after an honest first send of the same transaction. */
    Expected afterAnHonestSend() {
        return new Expected(refusalAllowed, refusalCodes, businessRefusalAllowed, businessCodes, true);
    }

    boolean acceptsRefusalCode(int code) {
        return refusalAllowed && code > 0 && (refusalCodes.isEmpty() || refusalCodes.contains(code));
    }

    @Override
    public String toString() {
        String refusal = !refusalAllowed ? "" : refusalCodes.isEmpty() ? "refused (any stable code)"
                : "refused " + refusalCodes.stream().sorted().map(String::valueOf).collect(Collectors.joining("/"));
        String business = !businessRefusalAllowed ? "" : "business refusal"
                + (businessCodes.isEmpty() ? "" : " " + businessCodes.stream().sorted().map(String::valueOf)
                        .collect(Collectors.joining("/")));
        return refusal.isEmpty() ? business : business.isEmpty() ? refusal : refusal + " or " + business;
    }
}
