package org.itlgateway.gateway.http;

import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error answer of a JSON API as RFC 9457 describes it ({@code application/problem+json}): a type, a title, the
 * HTTP status, a sentence for people, and members of its own (the field that is wrong, the response codes of a
 * refusal ...). Any header it needs (e.g. {@code Allow}, {@code WWW-Authenticate}) travels with it.
 *
 * @param type    what kind of problem; {@code about:blank} when the status says it all
 * @param title   the kind's short summary, the same for every problem of that type
 * @param status  the HTTP status
 * @param detail  what went wrong with this request, in words people can act on
 * @param members further members of the body, in order
 * @param headers headers the answer carries
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> members,
                      Map<String, String> headers) {

    /** The media type of every error answer. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The prefix of the types of this project's problems. */
    public static final String TYPE_PREFIX = "urn:itl-gateway:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        headers = Map.copyOf(headers);
    }

    /** A problem the status says all about ({@code about:blank}, titled with the status's reason phrase). */
    public static Problem of(int status, String detail) {
        return new Problem("about:blank", reason(status), status, detail, Map.of(), Map.of());
    }

    /** A problem of one of this project's kinds ({@code urn:itl-gateway:problem:<kind>}). */
    public static Problem typed(int status, String kind, String title, String detail) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, Map.of(), Map.of());
    }

    /** This problem with one more member in its body. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(member, value);
        return new Problem(type, title, status, detail, more, headers);
    }

    /** This problem with one more header. */
    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(type, title, status, detail, members, more);
    }

    /** The JSON body: type, title, status, detail, then the other members. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        members.forEach(body::putIfAbsent);
        return body;
    }

    /**
     * The JAX-RS answer. Its body says its own generic type: written against the type of the route that failed (a
     * {@code Map<String, PeerFault>} ...), a problem's members would be read as that type's values.
     */
    public Response response() {
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE)
                .entity(new GenericEntity<Map<String, Object>>(body()) { });
        headers.forEach(builder::header);
        return builder.build();
    }

    /** This problem, thrown. */
    public ProblemException exception() {
        return new ProblemException(this);
    }

    /** The reason phrase of an HTTP status. */
    public static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 421 -> "Misdirected Request";
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
