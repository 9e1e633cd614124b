package org.itlgateway.core.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;

/**
 * The numbers and dates the rules use, one place to change them.
 *
 * @param completionLimit      a transaction not final this long after its proposal is terminated (24 h)
 * @param futureSkew           how far a proposal's time may be ahead of the receiver's clock
 * @param maxBlocksPerProposal the most unit blocks a proposal may carry (3,000)
 * @param cp2TrueUpEnd         no international transfer after this instant (9 Sep 2023 23:59:59 UTC)
 * @param cp1TrueUpEnd         after this instant CP1 units held in the CDM registry may not leave it
 * @param assignedAmounts      each Party's assigned amount of AAUs per commitment period (code 5008)
 * @param carryOverLimitPercent the share of a Party's assigned amount that CERs or ERUs may carry over (code 5013)
 * @param expiryNoticeLead     how long before tCERs or lCERs expire the ITL tells the registry that holds them
 *                             (notice type 3; {@link #EXPIRY_NOTICE_LEAD}, 30 days)
 */
public record RuleParameters(Duration completionLimit, Duration futureSkew, int maxBlocksPerProposal,
                             Instant cp2TrueUpEnd, Instant cp1TrueUpEnd,
                             Map<RegistryCode, Map<CommitmentPeriod, Long>> assignedAmounts,
                             int carryOverLimitPercent, Duration expiryNoticeLead) {

    /** How long before tCERs or lCERs expire the ITL's notice goes out, unless told otherwise. */
    public static final Duration EXPIRY_NOTICE_LEAD = Duration.ofDays(30);

    public static final Instant CP2_TRUE_UP_END = Instant.parse("2023-09-09T23:59:59Z");
    public static final Instant CP1_TRUE_UP_END = Instant.parse("2015-11-18T23:59:59Z");

    public RuleParameters {
        Objects.requireNonNull(completionLimit, "completion limit");
        Objects.requireNonNull(futureSkew, "future skew");
        Objects.requireNonNull(cp2TrueUpEnd, "CP2 true-up end");
        Objects.requireNonNull(cp1TrueUpEnd, "CP1 true-up end");
        assignedAmounts = assignedAmounts == null ? Map.of() : Map.copyOf(assignedAmounts);
        if (expiryNoticeLead == null) {
            expiryNoticeLead = EXPIRY_NOTICE_LEAD;
        }
        if (expiryNoticeLead.isNegative()) {
            throw new IllegalArgumentException("the expiry notice lead cannot be negative: " + expiryNoticeLead);
        }
    }

    /** The rules' parameters, with the usual expiry notice lead. */
    public RuleParameters(Duration completionLimit, Duration futureSkew, int maxBlocksPerProposal, Instant cp2TrueUpEnd,
                          Instant cp1TrueUpEnd, Map<RegistryCode, Map<CommitmentPeriod, Long>> assignedAmounts,
                          int carryOverLimitPercent) {
        this(completionLimit, futureSkew, maxBlocksPerProposal, cp2TrueUpEnd, cp1TrueUpEnd, assignedAmounts,
                carryOverLimitPercent, EXPIRY_NOTICE_LEAD);
    }

    /** The real dates and limits, with no assigned amounts recorded. */
    public static RuleParameters defaults() {
        return new RuleParameters(Duration.ofHours(24), Duration.ofMinutes(5), 3000, CP2_TRUE_UP_END,
                CP1_TRUE_UP_END, Map.of(), 3);
    }

    /** The same, terminating transactions not final {@code limit} after their proposal. */
    public RuleParameters withCompletionLimit(Duration limit) {
        return new RuleParameters(limit, futureSkew, maxBlocksPerProposal, cp2TrueUpEnd, cp1TrueUpEnd,
                assignedAmounts, carryOverLimitPercent, expiryNoticeLead);
    }

    public RuleParameters withAssignedAmounts(Map<RegistryCode, Map<CommitmentPeriod, Long>> amounts) {
        return new RuleParameters(completionLimit, futureSkew, maxBlocksPerProposal, cp2TrueUpEnd, cp1TrueUpEnd,
                amounts, carryOverLimitPercent, expiryNoticeLead);
    }

    /** A Party's assigned amount for a period, or -1 when none is recorded. */
    public long assignedAmount(RegistryCode party, CommitmentPeriod period) {
        return assignedAmounts.getOrDefault(party, Map.of()).getOrDefault(period, -1L);
    }
}
