package org.itlgateway.simulator.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;

/**
 * The numbers and dates a log's rules use, as its profile gives them; what the profile leaves out keeps the value the
 * network would use anyway ({@link RuleParameters#defaults()}, with the network's completion limit).
 *
 * @param completionLimit       a transaction not final this long after its proposal is terminated (ISO-8601, PT24H)
 * @param futureSkew            how far a proposal's time may be ahead of the log's clock (PT5M)
 * @param maxBlocksPerProposal  the most unit blocks a proposal may carry (3000)
 * @param cp1TrueUpEnd          after this instant CP1 units held in the CDM registry may not leave it (5022)
 * @param cp2TrueUpEnd          no international transfer after this instant (4007)
 * @param carryOverLimitPercent the share of a Party's assigned amount that CERs or ERUs may carry over (5013)
 * @param assignedAmounts       each Party's assigned amount of AAUs by commitment period, e.g. {"JP": {"2": 500000}}
 *                              (5008, and 5013 for the carry-over limit)
 * @param expiryNoticeLead      how long before tCERs or lCERs expire the ITL sends the registry holding them an
 *                              impending expiry notice (type 3), on the simulated calendar (P30D)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LogParameters(Duration completionLimit, Duration futureSkew, Integer maxBlocksPerProposal,
                            Instant cp1TrueUpEnd, Instant cp2TrueUpEnd, Integer carryOverLimitPercent,
                            Map<String, Map<Integer, Long>> assignedAmounts, Duration expiryNoticeLead) {

    public LogParameters {
        if (completionLimit != null && (completionLimit.isNegative() || completionLimit.isZero())) {
            throw new IllegalArgumentException("completionLimit must be longer than nothing, not " + completionLimit);
        }
        if (futureSkew != null && futureSkew.isNegative()) {
            throw new IllegalArgumentException("futureSkew cannot be negative: " + futureSkew);
        }
        if (maxBlocksPerProposal != null && maxBlocksPerProposal < 1) {
            throw new IllegalArgumentException("maxBlocksPerProposal must be at least 1, not " + maxBlocksPerProposal);
        }
        if (carryOverLimitPercent != null && (carryOverLimitPercent < 0 || carryOverLimitPercent > 100)) {
            throw new IllegalArgumentException("carryOverLimitPercent is a percentage, not " + carryOverLimitPercent);
        }
        if (expiryNoticeLead != null && expiryNoticeLead.isNegative()) {
            throw new IllegalArgumentException("expiryNoticeLead cannot be negative: " + expiryNoticeLead);
        }
        assignedAmounts = assignedAmounts == null ? Map.of() : new LinkedHashMap<>(assignedAmounts);
        assignedAmounts.forEach((party, amounts) -> {
            RegistryCode.of(party);
            if (amounts == null) {
                throw new IllegalArgumentException("the assigned amounts of " + party + " are missing");
            }
            amounts.forEach((period, amount) -> {
                if (period == null || CodedValue.fromCodeOrNull(CommitmentPeriod.class, period) == null) {
                    throw new IllegalArgumentException("the assigned amounts of " + party + ": " + period
                            + " is not a commitment period (0, 1, 2)");
                }
                if (amount == null || amount < 0) {
                    throw new IllegalArgumentException("the assigned amount of " + party + " for period " + period
                            + " must be a number of AAUs, not " + amount);
                }
            });
        });
        assignedAmounts = Map.copyOf(assignedAmounts);
    }

    /** Every parameter of {@code parameters} given, as a profile or the control API writes them. */
    public static LogParameters of(RuleParameters parameters) {
        Map<String, Map<Integer, Long>> amounts = new LinkedHashMap<>();
        parameters.assignedAmounts().forEach((party, byPeriod) -> {
            Map<Integer, Long> periods = new LinkedHashMap<>();
            byPeriod.forEach((period, amount) -> periods.put(period.code(), amount));
            amounts.put(party.value(), periods);
        });
        return new LogParameters(parameters.completionLimit(), parameters.futureSkew(), parameters.maxBlocksPerProposal(),
                parameters.cp1TrueUpEnd(), parameters.cp2TrueUpEnd(), parameters.carryOverLimitPercent(), amounts,
                parameters.expiryNoticeLead());
    }

    /** No parameters given: the log uses the network's. */
    public static LogParameters none() {
        return new LogParameters(null, null, null, null, null, null, null, null);
    }

    /** {@code base} with every value this profile gives in its place; the assigned amounts given replace all of base's. */
    public RuleParameters over(RuleParameters base) {
        return new RuleParameters(
                completionLimit == null ? base.completionLimit() : completionLimit,
                futureSkew == null ? base.futureSkew() : futureSkew,
                maxBlocksPerProposal == null ? base.maxBlocksPerProposal() : maxBlocksPerProposal,
                cp2TrueUpEnd == null ? base.cp2TrueUpEnd() : cp2TrueUpEnd,
                cp1TrueUpEnd == null ? base.cp1TrueUpEnd() : cp1TrueUpEnd,
                assignedAmounts.isEmpty() ? base.assignedAmounts() : assigned(),
                carryOverLimitPercent == null ? base.carryOverLimitPercent() : carryOverLimitPercent,
                expiryNoticeLead == null ? base.expiryNoticeLead() : expiryNoticeLead);
    }

    private Map<RegistryCode, Map<CommitmentPeriod, Long>> assigned() {
        Map<RegistryCode, Map<CommitmentPeriod, Long>> assigned = new LinkedHashMap<>();
        assignedAmounts.forEach((party, amounts) -> {
            Map<CommitmentPeriod, Long> byPeriod = new EnumMap<>(CommitmentPeriod.class);
            amounts.forEach((period, amount) -> byPeriod.put(CommitmentPeriod.fromCode(period), amount));
            assigned.put(RegistryCode.of(party), byPeriod);
        });
        return assigned;
    }
}
