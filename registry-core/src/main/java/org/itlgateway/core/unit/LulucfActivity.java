package org.itlgateway.core.unit;

import org.itlgateway.core.CodedValue;

/** Land use, land-use change and forestry activities, with their DES numbers. */
public enum LulucfActivity implements CodedValue {
    AFFORESTATION_AND_REFORESTATION(1),
    DEFORESTATION(2),
    FOREST_MANAGEMENT(3),
    CROPLAND_MANAGEMENT(4),
    GRAZING_LAND_MANAGEMENT(5),
    REVEGETATION(6),
    WETLAND_DRAINAGE_AND_REWETTING(7);

    private final int code;

    LulucfActivity(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static LulucfActivity fromCode(int code) {
        return CodedValue.fromCode(LulucfActivity.class, code);
    }
}
