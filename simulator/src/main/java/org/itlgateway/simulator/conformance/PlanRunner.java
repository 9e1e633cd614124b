package org.itlgateway.simulator.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays the tests of a plan in order for a registry of one kind. A test that is not about the registry's kind is not
 * applicable; once a category has a failed test, the tests of the categories after it are skipped, unless the run
 * continues after failures. Each test's time is taken on the wall clock, for the report only.
 */
public final class PlanRunner {

    private final boolean continueAfterFailure;
    private final MessageCapture capture;
    private final Consumer<ConformanceTest> onStart;
    private final Consumer<TestResult> onResult;

    /**
     * @param continueAfterFailure run the categories after a failed one too
     * @param capture              how the messages of each test are collected
     * @param onResult             told each result as soon as it is known (the terminal's progress)
     */
    public PlanRunner(boolean continueAfterFailure, MessageCapture capture, Consumer<TestResult> onResult) {
        this(continueAfterFailure, capture, test -> { }, onResult);
    }

    /** The same, told too of each test it is about to play (the terminal's progress: which test is running). */
    public PlanRunner(boolean continueAfterFailure, MessageCapture capture, Consumer<ConformanceTest> onStart,
                      Consumer<TestResult> onResult) {
        this.continueAfterFailure = continueAfterFailure;
        this.capture = capture;
        this.onStart = onStart;
        this.onResult = onResult;
    }

    /** Runs the plan; {@code conformance} is what each scenario plays against. */
    public List<TestResult> run(List<ConformanceTest> plan, RegistryKind kind, Conformance conformance) {
        requireOrdered(plan);
        List<TestResult> results = new ArrayList<>();
        Category failed = null;
        for (ConformanceTest test : plan) {
            TestResult result;
            if (!test.appliesTo(kind)) {
                result = TestResult.notRun(test, Outcome.NOT_APPLICABLE, "not a test for a registry of kind " + kind);
            } else if (failed != null && failed != test.category() && !continueAfterFailure) {
                result = TestResult.notRun(test, Outcome.SKIPPED,
                        "category " + failed.first() + " (" + failed.title() + ") failed");
            } else {
                onStart.accept(test);
                result = play(test, conformance);
                if (result.outcome() == Outcome.FAILED && failed == null) {
                    failed = test.category();
                }
            }
            results.add(result);
            onResult.accept(result);
        }
        return results;
    }

    private TestResult play(ConformanceTest test, Conformance conformance) {
        long mark = capture.begin();
        long started = System.nanoTime();
        Outcome outcome = Outcome.PASSED;
        String reason = null;
        try {
            if (conformance != null) {
                conformance.beginTest(test);
            }
            test.scenario().play(conformance);
        } catch (ConformanceFailure e) {
            outcome = Outcome.FAILED;
            reason = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.FAILED;
            reason = "interrupted";
        } catch (Exception | AssertionError e) {
            outcome = Outcome.FAILED;
            reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            if (conformance != null) {
                conformance.endTest();
            }
        }
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        return new TestResult(test, outcome, reason, time, capture.end(mark),
                conformance == null ? List.of() : conformance.notes());
    }

    /** The plan's categories come in plan order, and a category's tests in number order. */
    static void requireOrdered(List<ConformanceTest> plan) {
        ConformanceTest previous = null;
        for (ConformanceTest test : plan) {
            if (previous != null && (test.category().ordinal() < previous.category().ordinal()
                    || test.number() <= previous.number())) {
                throw new IllegalArgumentException("the plan is out of order at test " + test.number());
            }
            previous = test;
        }
    }
}
