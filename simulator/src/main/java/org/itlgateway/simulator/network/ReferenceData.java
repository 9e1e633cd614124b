package org.itlgateway.simulator.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.itlgateway.core.project.Project;
import org.itlgateway.gateway.node.ProjectTable;

/**
 * The project reference table the CDM registry publishes and the ITL and the CITL read, seeded with demo
 * projects of every kind the rules treat apart (HFC-23, N2O from adipic acid, large and small hydro, a
 * least-developed host, afforestation).
 */
public final class ReferenceData {

    /** Where the table is on the class path (and in the sources, for a tester who wants a copy). */
    public static final String RESOURCE = "reference/projects.json";

    private ReferenceData() {
    }

    public static List<Project> projects() {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return ProjectTable.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
