package org.itlgateway.simulator.profile;

/**
 * An account a simulated registry keeps from the start.
 *
 * @param type       the DES account type (100, 120 ...)
 * @param identifier its number in the registry
 * @param period     its commitment period (0 when none)
 * @param holder     the holder's name
 */
public record ProfileAccount(int type, long identifier, int period, String holder) {
}
