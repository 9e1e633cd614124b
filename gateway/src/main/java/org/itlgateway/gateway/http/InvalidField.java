package org.itlgateway.gateway.http;

/**
 * A request body's value that its record refuses (thrown by a compact constructor or a value's factory while the
 * body is read): answered 400 naming the field, with this sentence, which must not quote any other exception.
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
