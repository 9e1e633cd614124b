package org.itlgateway.simulator.itl;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.itlgateway.core.check.RuleParameters;

/**
 * The numbers and dates a log's rules use now: its profile's at start, and what a tester sets at run time through
 * the control API ({@code PUT /parameters/{node}}); the log reads them at each message, so a change applies to the
 * next one.
 */
public final class CurrentParameters {

    private final AtomicReference<RuleParameters> current;

    public CurrentParameters(RuleParameters initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "parameters"));
    }

    public RuleParameters get() {
        return current.get();
    }

    public void set(RuleParameters parameters) {
        current.set(Objects.requireNonNull(parameters, "parameters"));
    }
}
