package org.itlgateway.core.notice;

import org.itlgateway.core.CodedValue;

/** Where an ITL notice stands: the DES's statuses 1 to 3, and 9 (withdrawn), which is ours. */
public enum NoticeStatus implements CodedValue {
    /** Open: nothing counts towards it yet. */
    OPEN(1),
    /** Incomplete: transactions count towards it, short of its target; still to be fulfilled. */
    INCOMPLETE(2),
    /** Completed: fulfilled. */
    FULFILLED(3),
    /** Withdrawn by the ITL (ours: the DES numbers no such status). */
    WITHDRAWN(9);

    private final int code;

    NoticeStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static NoticeStatus fromCode(int code) {
        return CodedValue.fromCode(NoticeStatus.class, code);
    }
}
