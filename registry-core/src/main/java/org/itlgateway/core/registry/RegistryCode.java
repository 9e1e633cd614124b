package org.itlgateway.core.registry;

import java.util.regex.Pattern;

/**
 * A registry: the ISO 3166 alpha-2 code of a Party (JP, GB, CH, DE ...), EU for the Union registry, or CDM.
 */
public record RegistryCode(String value) implements Comparable<RegistryCode> {

    private static final Pattern FORM = Pattern.compile("[A-Z]{2}|CDM");

    public static final RegistryCode CDM = new RegistryCode("CDM");

    public RegistryCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a registry code is two capital letters or CDM, not " + value);
        }
    }

    public static RegistryCode of(String value) {
        return new RegistryCode(value);
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    public boolean isCdm() {
        return equals(CDM);
    }

    @Override
    public int compareTo(RegistryCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
