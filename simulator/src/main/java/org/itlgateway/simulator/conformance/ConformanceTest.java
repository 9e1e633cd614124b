package org.itlgateway.simulator.conformance;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One test of the plan: its stable number and name, its category, what it is for, its steps and the outcome it
 * expects, the kinds of registry it is about, and what it plays.
 */
public record ConformanceTest(int number, String name, Category category, String purpose, List<String> steps,
                              String expected, Set<RegistryKind> kinds, Scenario scenario) {

    public ConformanceTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        if (!category.numbers(number)) {
            throw new IllegalArgumentException("test " + number + " is not numbered in " + category + "'s range "
                    + category.first() + "-" + category.last());
        }
        steps = List.copyOf(steps);
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(scenario, "scenario");
    }

    /** Whether the test is about a registry of this kind. */
    public boolean appliesTo(RegistryKind kind) {
        return kinds.contains(kind);
    }
}
