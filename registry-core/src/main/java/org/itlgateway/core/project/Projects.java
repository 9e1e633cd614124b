package org.itlgateway.core.project;

import java.util.Optional;

/** The project reference table. */
public interface Projects {

    Optional<Project> find(long projectId);

    /** Adds or replaces a project. */
    void save(Project project);
}
