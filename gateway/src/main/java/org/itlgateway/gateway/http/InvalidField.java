package org.itlgateway.gateway.http;

/**
 * A request body's value that its record refuses (thrown by a compact constructor or a value's deserializer while
 * the body is read): answered 400 naming the field, with this sentence, which must not quote any other exception.
 * A record names the field it refuses; a value's own type leaves it to the reader, and words its sentence as what
 * the value must be ("must be one of ..."), which the reader puts after the field's path.
 */
public final class InvalidField extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** @param field the field's name, or null to let the reader name it from where it was in the body */
    public InvalidField(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public InvalidField(String reason) {
        this(null, reason);
    }

    /** The field's name when the record named it. */
    public String field() {
        return field;
    }
}
