package org.itlgateway.schemas;

/**
 * One way in which a message breaks the schema, as the validator reported it.
 *
 * @param line    line in the source document, or -1 when the message was validated from a tree without positions
 * @param column  column in the source document, or -1
 * @param message the validator's explanation, e.g. "cvc-enumeration-valid: Value '9' is not facet-valid ..."
 */
public record SchemaViolation(int line, int column, String message) {

    @Override
    public String toString() {
        return line < 0 ? message : "line " + line + ", column " + column + ": " + message;
    }
}
