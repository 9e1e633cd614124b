package org.itlgateway.gateway.operator;

import java.util.List;
import org.itlgateway.core.result.EvaluationResult;

/**
 * Why the operator API cannot do what it was asked, as it is answered: an HTTP status, a sentence for people and,
 * for a refusal by the registry's rules, the results with their response codes and unit blocks.
 */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<EvaluationResult> results;
    private final transient List<String> allowedMethods;

    private ApiProblem(int status, String reason, List<EvaluationResult> results, List<String> allowedMethods) {
        super(reason, null, false, false);
        this.status = status;
        this.results = List.copyOf(results);
        this.allowedMethods = List.copyOf(allowedMethods);
    }

    /** 400: the request cannot be read (not JSON, a field missing or of the wrong form). */
    static ApiProblem badRequest(String reason) {
        return new ApiProblem(400, reason, List.of(), List.of());
    }

    /** 401: the API takes requests only with its bearer token. */
    static ApiProblem unauthorized(String reason) {
        return new ApiProblem(401, reason, List.of(), List.of());
    }

    /** 404: nothing is known by that name here. */
    static ApiProblem notFound(String reason) {
        return new ApiProblem(404, reason, List.of(), List.of());
    }

    /** 405: the path exists, but not for this method. */
    static ApiProblem methodNotAllowed(String reason, List<String> allowed) {
        return new ApiProblem(405, reason, List.of(), allowed);
    }

    /** 409: the request does not fit what the registry is or the state it is in. */
    static ApiProblem conflict(String reason) {
        return new ApiProblem(409, reason, List.of(), List.of());
    }

    /** 413: the body is larger than the API reads. */
    static ApiProblem tooLarge(String reason) {
        return new ApiProblem(413, reason, List.of(), List.of());
    }

    /** 422: the registry's rules refuse the proposal; nothing changed. */
    static ApiProblem refused(String reason, List<EvaluationResult> results) {
        return new ApiProblem(422, reason, results, List.of());
    }

    int status() {
        return status;
    }

    List<EvaluationResult> results() {
        return results;
    }

    List<String> allowedMethods() {
        return allowedMethods;
    }

    /** The JSON answer: {@code {"error": ..., "codes": [...], "results": [...]}}. */
    ErrorView view() {
        return new ErrorView(getMessage(), results.stream().map(r -> r.code().code()).distinct().toList(),
                results.isEmpty() ? null : results.stream().map(ResultView::of).toList());
    }

    /** The body of every error answer. */
    record ErrorView(String error, List<Integer> codes, List<ResultView> results) {
    }
}
