package org.itlgateway.gateway.operator;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.gateway.http.Problem;
import org.itlgateway.gateway.http.ProblemException;

/**
 * Why the operator API cannot do what it was asked, as it is answered: an HTTP status, a sentence for people and,
 * for a refusal by the registry's rules, the results with their response codes and unit blocks.
 */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<EvaluationResult> results;
    private final String field;

    private ApiProblem(int status, String reason, List<EvaluationResult> results) {
        this(status, reason, results, null);
    }

    private ApiProblem(int status, String reason, List<EvaluationResult> results, String field) {
        super(reason, null, false, false);
        this.status = status;
        this.results = List.copyOf(results);
        this.field = field;
    }

    /** 400: the request cannot be read (not JSON, a field missing or of the wrong form). */
    static ApiProblem badRequest(String reason) {
        return new ApiProblem(400, reason, List.of());
    }

    /** 400 naming the field of the body that is missing or wrong. */
    static ApiProblem invalid(String field, String reason) {
        return new ApiProblem(400, reason, List.of(), field);
    }

    /** 404: nothing is known by that name here. */
    static ApiProblem notFound(String reason) {
        return new ApiProblem(404, reason, List.of());
    }

    /** 409: the request does not fit what the registry is or the state it is in. */
    static ApiProblem conflict(String reason) {
        return new ApiProblem(409, reason, List.of());
    }

    /** 422: the registry's rules refuse the proposal; nothing changed. */
    static ApiProblem refused(String reason, List<EvaluationResult> results) {
        return new ApiProblem(422, reason, results);
    }

    int status() {
        return status;
    }

    List<EvaluationResult> results() {
        return results;
    }

    /**
     * The answer, as {@code application/problem+json}: a 400 names what cannot be read, a 422 carries the response
     * codes of the refusal ({@code codes}) and each result with its unit blocks ({@code results}).
     */
    Problem problem() {
        return switch (status) {
            case 400 -> field == null ? Problem.typed(400, "invalid-request", "The request cannot be read", getMessage())
                    : Problem.typed(400, "invalid-request", "The request cannot be read", getMessage()).with("field", field);
            case 422 -> Problem.typed(422, "refused", "Refused by the registry's rules", getMessage())
                    .with("codes", results.stream().map(r -> r.code().code()).distinct().toList())
                    .with("results", results.stream().map(ResultView::of).toList());
            default -> Problem.of(status, getMessage());
        };
    }

    /** This problem as the HTTP layer's exception, for callers outside the API's routes. */
    ProblemException asThrown() {
        return new ProblemException(problem());
    }

    /** Answers an {@link ApiProblem} as its problem. */
    static final class Mapper implements ExceptionMapper<ApiProblem> {
        @Override
        public Response toResponse(ApiProblem problem) {
            return problem.problem().response();
        }
    }
}
