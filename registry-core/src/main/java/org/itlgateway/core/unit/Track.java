package org.itlgateway.core.unit;

import org.itlgateway.core.CodedValue;

/** The JI verification track of an ERU's project. */
public enum Track implements CodedValue {
    /** The host Party verifies the reductions. */
    ONE(1),
    /** The JI Supervisory Committee verifies them. */
    TWO(2);

    private final int code;

    Track(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Track fromCode(int code) {
        return CodedValue.fromCode(Track.class, code);
    }
}
