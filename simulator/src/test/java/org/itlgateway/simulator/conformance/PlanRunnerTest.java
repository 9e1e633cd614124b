package org.itlgateway.simulator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order the plan runs in: a failed category stops the next ones unless the run continues; kinds decide applicability. */
class PlanRunnerTest {

    private static final Set<RegistryKind> BOTH = Set.of(RegistryKind.NATIONAL, RegistryKind.CDM);

    private final List<Integer> played = new ArrayList<>();

    @Test
    void aFailedTestEndsItsCategoryRunAndSkipsTheCategoriesAfterIt() {
        List<TestResult> results = run(false, RegistryKind.NATIONAL);

        assertEquals(List.of(Outcome.PASSED, Outcome.FAILED, Outcome.PASSED, Outcome.SKIPPED, Outcome.SKIPPED),
                outcomes(results));
        assertEquals(List.of(100, 101, 102), played, "the rest of the failed category still runs");
        assertEquals("the receipt confirms no signature", results.get(1).reason());
        assertEquals("category 100 (Communication) failed", results.get(3).reason());
    }

    @Test
    void withContinueTheCategoriesAfterAFailureRunToo() {
        List<TestResult> results = run(true, RegistryKind.NATIONAL);

        assertEquals(List.of(Outcome.PASSED, Outcome.FAILED, Outcome.PASSED, Outcome.FAILED, Outcome.PASSED), outcomes(results));
        assertEquals(List.of(100, 101, 102, 120, 140), played);
        assertEquals("IllegalStateException: no issuance", results.get(3).reason(), "any exception fails with its message");
    }

    @Test
    void aTestNotAboutTheRegistrysKindIsNotApplicableAndNeverSkipped() {
        List<TestResult> results = run(false, RegistryKind.CDM);

        assertEquals(Outcome.NOT_APPLICABLE, results.get(2).outcome());
        assertEquals(Outcome.SKIPPED, results.get(3).outcome());
        assertEquals(List.of(100, 101), played);
    }

    @Test
    void onlyARunWhoseApplicableTestsAllPassedPasses() {
        assertFalse(ConformanceReports.allApplicablePassed(run(true, RegistryKind.NATIONAL)));
        List<TestResult> clean = new PlanRunner(false, MessageCapture.NONE, r -> { })
                .run(List.of(test(100, Category.COMMUNICATION, BOTH, c -> { }),
                        test(120, Category.ISSUANCE, Set.of(RegistryKind.NATIONAL), c -> { })), RegistryKind.CDM, null);
        assertTrue(ConformanceReports.allApplicablePassed(clean));
        assertFalse(ConformanceReports.allApplicablePassed(List.of(clean.get(1))), "nothing passed, nothing proven");
    }

    @Test
    void thePlanComesInCategoryOrderWithEachNumberInItsCategorysRange() {
        List<ConformanceTest> plan = ConformancePlan.tests();
        PlanRunner.requireOrdered(plan);
        Set<Integer> numbers = new HashSet<>();
        plan.forEach(test -> assertTrue(numbers.add(test.number()), "test " + test.number() + " twice"));
        for (Category category : Category.values()) {
            assertTrue(plan.stream().anyMatch(test -> test.category() == category), category + " has tests");
        }
        assertThrows(IllegalArgumentException.class, () -> test(130, Category.ISSUANCE, BOTH, c -> { }));
        assertThrows(IllegalArgumentException.class, () -> PlanRunner.requireOrdered(
                List.of(test(120, Category.ISSUANCE, BOTH, c -> { }), test(100, Category.COMMUNICATION, BOTH, c -> { }))));
    }

    private List<TestResult> run(boolean continueAfterFailure, RegistryKind kind) {
        List<ConformanceTest> plan = List.of(
                test(100, Category.COMMUNICATION, BOTH, c -> played.add(100)),
                test(101, Category.COMMUNICATION, BOTH, c -> {
                    played.add(101);
                    throw new ConformanceFailure("the receipt confirms no signature");
                }),
                test(102, Category.COMMUNICATION, Set.of(RegistryKind.NATIONAL), c -> played.add(102)),
                test(120, Category.ISSUANCE, BOTH, c -> {
                    played.add(120);
                    throw new IllegalStateException("no issuance");
                }),
                test(140, Category.INTERNAL_TRANSFER, BOTH, c -> played.add(140)));
        return new PlanRunner(continueAfterFailure, MessageCapture.NONE, r -> { }).run(plan, kind, null);
    }

    static ConformanceTest test(int number, Category category, Set<RegistryKind> kinds, Scenario scenario) {
        return new ConformanceTest(number, "test " + number, category, "purpose of " + number, List.of("step"), "expected",
                kinds, scenario);
    }

    private static List<Outcome> outcomes(List<TestResult> results) {
        return results.stream().map(TestResult::outcome).toList();
    }
}
