package org.itlgateway.gateway.http;

/** A {@link Problem} thrown by a resource or a filter, answered as it is by {@link ProblemMapper}. */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
