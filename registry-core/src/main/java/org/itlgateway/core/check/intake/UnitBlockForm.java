package org.itlgateway.core.check.intake;

import java.time.LocalDate;

/**
 * A unit block as it arrives, before anything is checked. The account fields, when present, override the
 * proposal's for this block; the wire names no commitment period for them, so they take that of the proposal's
 * account on the same side.
 *
 * @param unitSerialBlockStart          first serial number, inclusive
 * @param unitSerialBlockEnd            last serial number, inclusive
 * @param originatingRegistryCode       the registry that issued the units
 * @param unitType                      DES unit type
 * @param suppUnitType                  DES supplementary unit type
 * @param originalCommitPeriod          DES commitment period the units were issued for
 * @param applicableCommitPeriod        DES commitment period the units are valid in
 * @param lulucfActivity                DES LULUCF activity, or {@code null}
 * @param projectIdentifier             the project, or {@code null}
 * @param track                         DES JI track, or {@code null}
 * @param expiryDate                    the expiry date of tCERs and lCERs, or {@code null}
 * @param transferringAccountType       the account type this block leaves, or {@code null}
 * @param transferringAccountIdentifier the account identifier this block leaves, or {@code null}
 * @param acquiringAccountType          the account type this block goes to, or {@code null}
 * @param acquiringAccountIdentifier    the account identifier this block goes to, or {@code null}
 */
public record UnitBlockForm(long unitSerialBlockStart, long unitSerialBlockEnd, String originatingRegistryCode,
                            int unitType, int suppUnitType, int originalCommitPeriod, int applicableCommitPeriod,
                            Integer lulucfActivity, Long projectIdentifier, Integer track, LocalDate expiryDate,
                            Integer transferringAccountType, Long transferringAccountIdentifier,
                            Integer acquiringAccountType, Long acquiringAccountIdentifier) {
}
