package org.itlgateway.core.unit;

import org.itlgateway.core.CodedValue;

/** Commitment periods, with their DES numbers. */
public enum CommitmentPeriod implements CodedValue {
    /** The EU's 2005-2007 trading period, or no period (for accounts that hold any). */
    ZERO(0, "2005-2007 / none"),
    /** The first commitment period, 2008-2012. */
    CP1(1, "2008-2012"),
    /** The second commitment period, 2013-2020. */
    CP2(2, "2013-2020");

    private final int code;
    private final String years;

    CommitmentPeriod(int code, String years) {
        this.code = code;
        this.years = years;
    }

    @Override
    public int code() {
        return code;
    }

    public String years() {
        return years;
    }

    public static CommitmentPeriod fromCode(int code) {
        return CodedValue.fromCode(CommitmentPeriod.class, code);
    }
}
