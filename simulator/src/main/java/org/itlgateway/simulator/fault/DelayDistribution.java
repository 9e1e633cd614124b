package org.itlgateway.simulator.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Locale;

/**
 * How long a DELAY rule holds a message, as WireMock's delay distributions: a fixed delay, uniform between a
 * minimum and a maximum, or lognormal around a median with a spread {@code sigma}. In milliseconds.
 *
 * @param distribution FIXED, UNIFORM or LOGNORMAL
 * @param millis       FIXED: the delay
 * @param min          UNIFORM: the shortest
 * @param max          UNIFORM: the longest
 * @param median       LOGNORMAL: the median
 * @param sigma        LOGNORMAL: the standard deviation of the delay's logarithm (0.1 narrow, 1 wide)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DelayDistribution(Distribution distribution, Long millis, Long min, Long max, Long median, Double sigma) {

    /** The shapes a delay may take. */
    public enum Distribution {
        FIXED, UNIFORM, LOGNORMAL
    }

    public DelayDistribution {
        if (distribution == null) {
            throw new InvalidRule("delay.distribution", "delay.distribution is one of FIXED, UNIFORM, LOGNORMAL");
        }
        switch (distribution) {
            case FIXED -> notNegative("delay.millis", millis);
            case UNIFORM -> {
                notNegative("delay.min", min);
                notNegative("delay.max", max);
                if (max < min) {
                    throw new InvalidRule("delay.max", "delay.max " + max + " is below delay.min " + min);
                }
            }
            case LOGNORMAL -> {
                notNegative("delay.median", median);
                if (sigma == null || sigma < 0 || sigma.isNaN() || sigma.isInfinite()) {
                    throw new InvalidRule("delay.sigma", "a LOGNORMAL delay needs sigma, a number of 0 or more");
                }
            }
            default -> throw new IllegalStateException("unknown distribution " + distribution);
        }
    }

    public static DelayDistribution fixed(long millis) {
        return new DelayDistribution(Distribution.FIXED, millis, null, null, null, null);
    }

    public static DelayDistribution uniform(long min, long max) {
        return new DelayDistribution(Distribution.UNIFORM, null, min, max, null, null);
    }

    public static DelayDistribution lognormal(long median, double sigma) {
        return new DelayDistribution(Distribution.LOGNORMAL, null, null, null, median, sigma);
    }

    /** The delay for one message: drawn from the seed and the parts that name the message. */
    public Duration draw(long seed, String... parts) {
        long drawn = switch (distribution) {
            case FIXED -> millis;
            case UNIFORM -> min + Math.round(SeededChance.uniform(seed, parts) * (max - min));
            case LOGNORMAL -> Math.round(median * Math.exp(sigma * SeededChance.gaussian(seed, parts)));
        };
        return Duration.ofMillis(drawn);
    }

    private static void notNegative(String field, Long value) {
        if (value == null || value < 0) {
            throw new InvalidRule(field, field + " is required here: milliseconds, 0 or more");
        }
    }

    @Override
    public String toString() {
        return switch (distribution) {
            case FIXED -> millis + " ms";
            case UNIFORM -> min + "-" + max + " ms";
            case LOGNORMAL -> String.format(Locale.ROOT, "lognormal median %d ms sigma %s", median, sigma);
        };
    }
}
