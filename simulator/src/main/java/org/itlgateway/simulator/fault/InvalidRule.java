package org.itlgateway.simulator.fault;

/** A fault rule that cannot be: names the field at fault. */
public final class InvalidRule extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRule(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The field of the rule that is wrong, e.g. {@code probability} or {@code delay.max}. */
    public String field() {
        return field;
    }
}
