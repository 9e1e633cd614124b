package org.itlgateway.core.cdm;

import java.util.List;
import java.util.Optional;

/** The tallies of every project the CDM registry has issued for. */
public interface ProjectTallies {

    Optional<ProjectTally> find(long projectId);

    /** Every tally, by project number. */
    List<ProjectTally> all();

    /** Adds or replaces a tally. */
    void save(ProjectTally tally);
}
