package org.itlgateway.core.notice;

import org.itlgateway.core.CodedValue;

/** Where an ITL notice stands (designed: the DES values are not public). */
public enum NoticeStatus implements CodedValue {
    OPEN(1),
    FULFILLED(2),
    WITHDRAWN(3);

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
