package org.itlgateway.core.registry;

import java.util.Optional;

/** The registries a node knows, with their status. */
public interface Registries {

    Optional<Registry> find(RegistryCode code);

    /** Adds or replaces a registry. */
    void save(Registry registry);
}
