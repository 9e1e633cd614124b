package org.itlgateway.gateway.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator API's table of routes: a method and a path pattern ({@code {name}} stands for one path segment)
 * to the code that answers. A path that matches no pattern is unknown (404); one that matches for another
 * method is answered 405 with the methods it takes.
 */
final class Routes {

    /** The code that answers a request on a route. */
    @FunctionalInterface
    interface Answer {
        ApiReply answer(ApiRequest request);
    }

    private record Route(String method, String template, Pattern pattern, Answer answer) {
    }

    /** A route that matched a request, with the path values it picked out. */
    record Match(Answer answer, List<String> pathValues) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes get(String template, Answer answer) {
        return add("GET", template, answer);
    }

    Routes post(String template, Answer answer) {
        return add("POST", template, answer);
    }

    private Routes add(String method, String template, Answer answer) {
        String regex = Pattern.quote(template).replaceAll("\\{[a-zA-Z]+}", "\\\\E([^/]+)\\\\Q");
        routes.add(new Route(method, template, Pattern.compile(regex), answer));
        return this;
    }

    /** The route for {@code method} on {@code path}; fails with 404 or 405 when there is none. */
    Match find(String method, String path) {
        List<String> allowed = new ArrayList<>();
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route route : routes) {
            Matcher matcher = route.pattern().matcher(normalised);
            if (!matcher.matches()) {
                continue;
            }
            if (route.method().equals(method)) {
                List<String> values = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    values.add(ApiRequest.decode(matcher.group(group)));
                }
                return new Match(route.answer(), values);
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            throw ApiProblem.methodNotAllowed(path + " answers " + String.join(", ", allowed) + ", not " + method, allowed);
        }
        throw ApiProblem.notFound("there is no " + path + " here; the routes are listed in docs/operator-api.md");
    }

    /** Every route, as {@code METHOD /path}, in the order they were added. */
    List<String> describe() {
        return routes.stream().map(route -> route.method() + " " + route.template()).toList();
    }
}
