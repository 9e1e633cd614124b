package org.itlgateway.core.check.eu;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;

/** Whether a registry is an EU registry, whose transactions go through the CITL; an unknown registry is not. */
final class EuMembership {

    private EuMembership() {
    }

    static boolean isEuMember(CheckContext context, RegistryCode registry) {
        return context.registries().find(registry).map(Registry::euMember).orElse(false);
    }

    /** True when the units of the proposal end up in an EU registry. */
    static boolean entersEu(CheckContext context) {
        return isEuMember(context, context.proposal().acquiringRegistry());
    }
}
