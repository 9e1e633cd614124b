package org.itlgateway.core.unit;

import org.itlgateway.core.CodedValue;

/** Kyoto unit types, with their DES numbers. */
public enum UnitType implements CodedValue {
    NON_KYOTO(0, "non-Kyoto unit"),
    AAU(1, "AAU"),
    RMU(2, "RMU"),
    ERU_FROM_AAU(3, "ERU converted from an AAU"),
    ERU_FROM_RMU(4, "ERU converted from an RMU"),
    CER(5, "CER"),
    TCER(6, "tCER"),
    LCER(7, "lCER");

    private final int code;
    private final String label;

    UnitType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static UnitType fromCode(int code) {
        return CodedValue.fromCode(UnitType.class, code);
    }

    /** ERUs, of either origin. */
    public boolean isEru() {
        return this == ERU_FROM_AAU || this == ERU_FROM_RMU;
    }

    /** Temporary or long-term CERs from afforestation and reforestation projects: they expire. */
    public boolean isTemporary() {
        return this == TCER || this == LCER;
    }

    /** CER, tCER or lCER: units issued by the CDM registry. */
    public boolean isCdmUnit() {
        return this == CER || this == TCER || this == LCER;
    }

    /** Project-based units need a project identifier (code 2017). */
    public boolean requiresProject() {
        return isCdmUnit() || isEru();
    }

    /** Units that only a Party's national registry issues (AAU, RMU). */
    public boolean isPartyUnit() {
        return this == AAU || this == RMU;
    }
}
