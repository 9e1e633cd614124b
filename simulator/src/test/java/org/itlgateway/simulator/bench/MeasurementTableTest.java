package org.itlgateway.simulator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The benchmarks' tables line up: every row has a cell per column of the header, the database's CPU included, and a
 * figure that was not measured is an empty cell, not a zero.
 */
class MeasurementTableTest {

    private static final int COLUMNS = cells(Measurement.markdownHeader().lines().findFirst().orElseThrow());

    @Test
    void aMeasuredRowHasACellPerColumnWithTheDatabasesCpuPerRequest() {
        Measurement measured = Measurement.of("full pipeline", "EC P-256", new long[] {2_000_000, 4_000_000}, 1_000_000_000L,
                3_000_000, 1_000_000);

        assertEquals(COLUMNS, cells(measured.markdownRow()));
        assertEquals("| full pipeline | EC P-256 | 2 | 2 | 2.00 | 4.00 | 1.50 | 0.50 |", measured.markdownRow());
    }

    @Test
    void aRowWhoseDatabaseWasNotMeasuredLeavesItsCellEmpty() {
        Measurement floor = Measurement.of("crypto floor", "RSA-2048", new long[] {1_000_000}, 1_000_000_000L, 750_000, -1);

        assertEquals(COLUMNS, cells(floor.markdownRow()));
        assertEquals("| crypto floor | RSA-2048 | 1 | 1 | 1.00 | 1.00 | 0.75 |  |", floor.markdownRow());
    }

    @Test
    void theEvidenceBenchmarksRatioRowHasACellPerColumnToo() {
        Measurement with = Measurement.of(EvidenceBench.WITH, "EC P-256", new long[] {2_000_000},
                1_000_000_000L, 2_000_000, 1_000_000);
        Measurement without = Measurement.of(EvidenceBench.WITHOUT, "EC P-256", new long[] {1_000_000},
                1_000_000_000L, 1_000_000, 500_000);

        String row = EvidenceBench.comparisonRow(new EvidenceBench.Comparison(with, without, 1,
                new EvidenceBench.ArchiveRows(0, 0, 0)));

        assertEquals(COLUMNS, cells(row));
        assertEquals("| with / without | EC P-256 | | 1.00× | 2.00× | 2.00× | 2.00× | 2.00× |", row);
    }

    private static int cells(String row) {
        return row.split("\\|", -1).length - 2;
    }
}
