package org.itlgateway.core;

/** A value of a DES code list: it knows its stable number on the wire. */
public interface CodedValue {

    /** The DES number of this value. */
    int code();

    /** Finds the value of {@code type} with the given DES number. */
    static <E extends Enum<E> & CodedValue> E fromCode(Class<E> type, int code) {
        for (E value : type.getEnumConstants()) {
            if (value.code() == code) {
                return value;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no code " + code);
    }

    /** Like {@link #fromCode} but answers {@code null} for a code that is not in the list. */
    static <E extends Enum<E> & CodedValue> E fromCodeOrNull(Class<E> type, int code) {
        for (E value : type.getEnumConstants()) {
            if (value.code() == code) {
                return value;
            }
        }
        return null;
    }
}
