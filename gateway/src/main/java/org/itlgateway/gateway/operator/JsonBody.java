package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;

/**
 * A JSON object of a request, read field by field. Every reader names the field in its complaint ("blocks[1].end
 * must be a whole number"), so a request that cannot be read is answered 400 with a reason people can act on.
 */
final class JsonBody {

    private final JsonNode node;
    private final String prefix;

    JsonBody(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** A request's body, which must be one JSON object. */
    static JsonBody of(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw ApiProblem.badRequest("the request needs a JSON object as its body");
        }
        if (!node.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object, not " + node.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        return new JsonBody(node, "");
    }

    /** Refuses any field not in {@code allowed}: a misspelt field is answered, never ignored. */
    JsonBody onlyFields(java.util.Collection<String> allowed) {
        java.util.Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!allowed.contains(field)) {
                throw ApiProblem.badRequest(name(field) + " is not a field here; the fields are "
                        + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** True when the field is present and not null. */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** The field's value as given (text, number ...), for the code lists. */
    JsonNode raw(String field) {
        return node.get(field);
    }

    /** The name of a field for complaints, with the path to this object. */
    String name(String field) {
        return prefix + field;
    }

    String text(String field) {
        return optionalText(field).orElseThrow(() -> missing(field, "text"));
    }

    Optional<String> optionalText(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw ApiProblem.badRequest(name(field) + " must be text, not " + value);
        }
        return Optional.of(value.asText());
    }

    long whole(String field) {
        return optionalWhole(field).orElseThrow(() -> missing(field, "a whole number"));
    }

    Optional<Long> optionalWhole(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.asLong());
        }
        if (value.isTextual() && value.asText().matches("-?[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(value.asText()));
        }
        throw ApiProblem.badRequest(name(field) + " must be a whole number, not " + value);
    }

    /** A whole number above zero (a quantity, a serial number). */
    long positive(String field) {
        long value = whole(field);
        if (value < 1) {
            throw ApiProblem.badRequest(name(field) + " must be 1 or more, not " + value);
        }
        return value;
    }

    AccountRef account(String field) {
        return optionalAccount(field).orElseThrow(() -> missing(field, "an account such as CDM-120-10001-0"));
    }

    Optional<AccountRef> optionalAccount(String field) {
        return optionalText(field).map(text -> parse(field, text, AccountRef::parse));
    }

    RegistryCode registry(String field) {
        return optionalRegistry(field).orElseThrow(() -> missing(field, "a registry code such as JP or CDM"));
    }

    Optional<RegistryCode> optionalRegistry(String field) {
        return optionalText(field).map(text -> parse(field, text, RegistryCode::of));
    }

    TransactionId transactionId(String field) {
        return parse(field, text(field), TransactionId::parse);
    }

    Optional<LocalDate> optionalDate(String field) {
        return optionalText(field).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest(name(field) + " must be a date such as 2020-12-31, not " + text);
            }
        });
    }

    /** The objects of an array field; an absent field is an empty list. */
    List<JsonBody> objects(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode array = node.get(field);
        if (!array.isArray()) {
            throw ApiProblem.badRequest(name(field) + " must be an array of objects");
        }
        List<JsonBody> objects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String at = name(field) + "[" + i + "]";
            if (!element.isObject()) {
                throw ApiProblem.badRequest(at + " must be an object, not " + element);
            }
            objects.add(new JsonBody(element, at + "."));
        }
        return objects;
    }

    /** Reads text with a parser of the domain, turning its complaint into a 400 that names the field. */
    <T> T parse(String field, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name(field) + ": " + e.getMessage());
        }
    }

    private ApiProblem missing(String field, String what) {
        return ApiProblem.badRequest(name(field) + " is required: " + what);
    }
}
