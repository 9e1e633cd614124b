package org.itlgateway.gateway.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of a JSON API as {@code application/problem+json}: a {@link ProblemException} as it is; an unknown
 * path 404, a wrong method 405 (with {@code Allow}), a body not in JSON 415; a body that is not JSON, has a field
 * the record does not know, a value of the wrong type or one its record refuses ({@link InvalidField}) 400 naming
 * the field; anything else 500 with a sentence, logged here and never quoted.
 */
@Provider
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private final String name;
    private final String routesHint;

    @Context
    private UriInfo uri;
    @Context
    private Request request;

    /**
     * @param name       the API's name, for the log
     * @param routesHint where its routes are described, quoted in a 404 ("the routes are in ...")
     */
    public ProblemMapper(String name, String routesHint) {
        this.name = name;
        this.routesHint = routesHint;
    }

    @Override
    public Response toResponse(Throwable thrown) {
        return problemOf(thrown).response();
    }

    Problem problemOf(Throwable thrown) {
        if (thrown instanceof ProblemException problem) {
            return problem.problem();
        }
        JsonProcessingException json = jsonCause(thrown);
        if (json != null) {
            return unreadable(json);
        }
        int status = thrown instanceof WebApplicationException web ? web.getResponse().getStatus() : 500;
        if (thrown instanceof NotFoundException || status == 404) {
            return Problem.of(404, "there is no " + path() + " here; " + routesHint);
        }
        if (thrown instanceof NotAllowedException || status == 405) {
            Response refused = ((WebApplicationException) thrown).getResponse();
            java.util.Set<String> methods = new java.util.TreeSet<>(refused.getAllowedMethods());
            String header = refused.getHeaderString("Allow");
            if (header != null) {
                for (String method : header.split(",")) {
                    methods.add(method.trim());
                }
            }
            String allow = allowed(methods);
            return Problem.of(405, path() + " answers " + (allow.isEmpty() ? "other methods" : allow) + ", not " + method())
                    .withHeader("Allow", allow);
        }
        if (thrown instanceof NotSupportedException || status == 415) {
            return Problem.of(415, method() + " " + path() + " takes a JSON body: send Content-Type: application/json");
        }
        if (thrown instanceof NotAcceptableException || status == 406) {
            return Problem.of(406, path() + " answers application/json; say so in Accept, or leave Accept out");
        }
        if (thrown instanceof WebApplicationException && status < 500) {
            return Problem.of(status, "the request could not be answered as sent (" + status + " "
                    + Problem.reason(status) + ")");
        }
        LOG.error("{}: {} {} failed", name, method(), path(), thrown);
        return Problem.of(500, "the request could not be answered; the log says why");
    }

    private static String allowed(Collection<String> methods) {
        TreeSet<String> sorted = new TreeSet<>(methods);
        sorted.remove("OPTIONS");
        sorted.remove("");
        if (sorted.contains("GET")) {
            sorted.remove("HEAD");
        }
        return String.join(", ", sorted);
    }

    private static JsonProcessingException jsonCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** 400 for a body that cannot be read, naming the field; never the parser's own words about Java types. */
    public static Problem unreadable(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return invalid(null, "the body is not valid JSON" + where);
        }
        String field = fieldOf(mapping);
        if (e instanceof PropertyBindingException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : "; the fields are "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return invalid(field, field + " is not a field here" + known);
        }
        if (e instanceof ValueInstantiationException || e.getCause() instanceof InvalidField) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidField invalid) {
                if (invalid.field() == null) {
                    // a value refused by its own type: the sentence says what it must be, the path says where
                    return invalid(field.isEmpty() ? null : field, field.isEmpty() ? invalid.getMessage()
                            : field + " " + invalid.getMessage());
                }
                String named = field.isEmpty() ? invalid.field() : field + "." + invalid.field();
                return invalid(named, field.isEmpty() ? invalid.getMessage() : field + ": " + invalid.getMessage());
            }
            return invalid(field.isEmpty() ? null : field, (field.isEmpty() ? "the body" : field) + " holds a value that cannot be read");
        }
        if (field.isEmpty()) {
            if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("No content")) {
                return invalid(null, "the request needs a JSON object as its body");
            }
            return invalid(null, "the body must be a JSON object of the fields this route takes");
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException mismatched) {
            Class<?> target = ((MismatchedInputException) e).getTargetType();
            if (target != null && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing required")) {
                return invalid(field, field + " is required");
            }
            return invalid(field, field + " must be " + describe(target));
        }
        return invalid(field, field + " holds a value that cannot be read");
    }

    private static Problem invalid(String field, String detail) {
        Problem problem = Problem.typed(400, "invalid-request", "The request cannot be read", detail);
        return field == null ? problem : problem.with("field", field);
    }

    /** {@code blocks[1].end}: the path to the field in the body. */
    static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another form";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == java.time.Instant.class) {
            return "a time such as 2015-06-15T09:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "a date such as 2020-12-31";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as PT1H";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private String path() {
        try {
            String path = uri.getPath();
            return path.startsWith("/") ? path : "/" + path;
        } catch (RuntimeException outsideARequest) {
            return "this path";
        }
    }

    private String method() {
        try {
            return request.getMethod();
        } catch (RuntimeException outsideARequest) {
            return "this method";
        }
    }
}
