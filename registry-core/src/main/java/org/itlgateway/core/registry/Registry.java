package org.itlgateway.core.registry;

import java.util.Objects;

/**
 * A registry as the transaction log knows it.
 *
 * @param code     its code
 * @param name     its name, for people
 * @param status   whether it may transact
 * @param euMember true when its transactions also go through the CITL's supplementary checks
 */
public record Registry(RegistryCode code, String name, RegistryStatus status, boolean euMember) {

    public Registry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        name = name == null ? code.value() : name;
    }

    public boolean isOperating() {
        return status.isOperating();
    }
}
