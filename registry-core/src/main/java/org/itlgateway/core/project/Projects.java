package org.itlgateway.core.project;

import java.time.LocalDate;
import java.util.Optional;
import org.itlgateway.core.registry.RegistryCode;

/** The project reference table. */
public interface Projects {

    Optional<Project> find(long projectId);

    /** Adds or replaces a project. */
    void save(Project project);

    /** How many projects {@code hostParty} hosts that were registered on or before {@code date}. */
    long countRegisteredBy(RegistryCode hostParty, LocalDate date);
}
