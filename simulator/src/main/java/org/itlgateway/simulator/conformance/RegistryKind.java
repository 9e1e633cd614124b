package org.itlgateway.simulator.conformance;

/** The kinds of registry the plan tells apart: what each issues and which transactions it takes part in. */
public enum RegistryKind {
    /** A Party's national registry: issues AAUs, holds and transfers every Kyoto unit. */
    NATIONAL,
    /** The CDM registry: issues CERs with the share of proceeds, forwards them from its pending account. */
    CDM;

    /** The kind of the registry with this code: CDM is the CDM registry, every other code a Party's. */
    public static RegistryKind of(String code) {
        return "CDM".equals(code) ? CDM : NATIONAL;
    }
}
