package org.itlgateway.core.cdm;

import java.util.Objects;
import org.itlgateway.core.Sequences;
import org.itlgateway.core.unit.SerialRange;

/**
 * Serial numbers of the units the CDM registry issues. Each project has its own space of ten billion serial
 * numbers, starting at {@code project × 10,000,000,000 + 1} (project 1234 issues 12,340,000,000,001 onwards), and
 * its own sequence ({@code cdm.serial.project.<id>}): every issuance takes one contiguous block from it, and no
 * serial number is ever issued twice, even when an issuance is terminated. Serial numbers identify units within
 * the CDM registry, so the project spaces never overlap.
 */
public final class SerialNumbers {

    /** How many serial numbers each project has. */
    public static final long PER_PROJECT = 10_000_000_000L;
    /** The highest project number that has a space of its own. */
    public static final long LAST_PROJECT = Long.MAX_VALUE / PER_PROJECT - 1;

    private final Sequences sequences;

    public SerialNumbers(Sequences sequences) {
        this.sequences = Objects.requireNonNull(sequences, "sequences");
    }

    /** The name of a project's serial sequence. */
    public static String sequenceOf(long projectId) {
        return "cdm.serial.project." + projectId;
    }

    /** True when the project number has a serial space (1 to {@value #LAST_PROJECT}). */
    public static boolean hasSpace(long projectId) {
        return projectId >= 1 && projectId <= LAST_PROJECT;
    }

    /** The next {@code quantity} serial numbers of the project, as one block. */
    public SerialRange allocate(long projectId, long quantity) {
        if (!hasSpace(projectId)) {
            throw new IllegalArgumentException("project " + projectId + " has no serial space");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("an issuance has at least one unit, not " + quantity);
        }
        long first = sequences.take(sequenceOf(projectId), quantity);
        if (first < 1 || first > PER_PROJECT - quantity + 1) {
            throw new IllegalStateException("project " + projectId + " has used up its serial numbers");
        }
        return SerialRange.ofQuantity(projectId * PER_PROJECT + first, quantity);
    }

    /** The project whose space a serial number lies in. */
    public static long projectOf(long serial) {
        return (serial - 1) / PER_PROJECT;
    }
}
