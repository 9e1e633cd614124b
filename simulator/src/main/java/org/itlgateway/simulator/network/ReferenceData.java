package org.itlgateway.simulator.network;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;

/**
 * The project reference table the CDM registry publishes and the ITL and the CITL read, seeded with demo
 * projects of every kind the rules treat apart (HFC-23, N2O from adipic acid, large and small hydro, a
 * least-developed host, afforestation).
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    record ProjectEntry(long id, String title, String hostParty, boolean leastDevelopedCountry, ProjectCategory category,
                        BigDecimal capacityMegawatts, boolean complianceFlag, LocalDate registered) {
        Project toProject() {
            return new Project(id, title, RegistryCode.of(hostParty), leastDevelopedCountry, category, capacityMegawatts,
                    complianceFlag, registered);
        }
    }

    public static List<Project> projects() {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream("reference/projects.json")) {
            List<ProjectEntry> entries = JsonMapper.builder().addModule(new JavaTimeModule()).build()
                    .readValue(in, new TypeReference<List<ProjectEntry>>() { });
            return entries.stream().map(ProjectEntry::toProject).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
