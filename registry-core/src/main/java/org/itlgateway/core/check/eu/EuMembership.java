package org.itlgateway.core.check.eu;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;

/**
 * Whether a registry is an EU registry, whose transactions go through the CITL; an unknown registry is not. Public
 * because the CITL's rules kept as data (the simulator's profile rules) ask it too.
 */
public final class EuMembership {

    private EuMembership() {
    }

    public static boolean isEuMember(CheckContext context, RegistryCode registry) {
        return context.registries().find(registry).map(Registry::euMember).orElse(false);
    }

    /** True when the units of the proposal end up in an EU registry. */
    public static boolean entersEu(CheckContext context) {
        return isEuMember(context, context.proposal().acquiringRegistry());
    }
}
