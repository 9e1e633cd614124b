package org.itlgateway.core.cdm;

/**
 * What has become of a project's units in the CDM registry, counted as transactions complete.
 *
 * @param projectId                   the project
 * @param issued                      units issued
 * @param shareOfProceeds             units transferred to the Adaptation Fund
 * @param forwardedToHoldingAccounts  units forwarded from the pending account to holding accounts here (10-51)
 * @param forwardedToOtherRegistries  units forwarded from the pending account to national registries (3-0)
 * @param voluntarilyCancelled        units cancelled voluntarily (4-0), from any account
 * @param excessIssuanceCancelled     units cancelled for excess issuance (4-3)
 * @param ccsCancelled                units cancelled for a CCS reversal or non-submission (4-4, 4-5)
 */
public record ProjectTally(long projectId, long issued, long shareOfProceeds, long forwardedToHoldingAccounts,
                           long forwardedToOtherRegistries, long voluntarilyCancelled, long excessIssuanceCancelled,
                           long ccsCancelled) {

    /** The columns of a tally. */
    public enum Measure {
        ISSUED, SHARE_OF_PROCEEDS, FORWARDED_TO_HOLDING_ACCOUNTS, FORWARDED_TO_OTHER_REGISTRIES,
        VOLUNTARILY_CANCELLED, EXCESS_ISSUANCE_CANCELLED, CCS_CANCELLED
    }

    public static ProjectTally empty(long projectId) {
        return new ProjectTally(projectId, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The tally with {@code quantity} more units in one column. */
    public ProjectTally plus(Measure measure, long quantity) {
        long i = issued, s = shareOfProceeds, fh = forwardedToHoldingAccounts, fo = forwardedToOtherRegistries,
                v = voluntarilyCancelled, e = excessIssuanceCancelled, c = ccsCancelled;
        switch (measure) {
            case ISSUED -> i = Math.addExact(i, quantity);
            case SHARE_OF_PROCEEDS -> s = Math.addExact(s, quantity);
            case FORWARDED_TO_HOLDING_ACCOUNTS -> fh = Math.addExact(fh, quantity);
            case FORWARDED_TO_OTHER_REGISTRIES -> fo = Math.addExact(fo, quantity);
            case VOLUNTARILY_CANCELLED -> v = Math.addExact(v, quantity);
            case EXCESS_ISSUANCE_CANCELLED -> e = Math.addExact(e, quantity);
            case CCS_CANCELLED -> c = Math.addExact(c, quantity);
        }
        return new ProjectTally(projectId, i, s, fh, fo, v, e, c);
    }
}
