package org.itlgateway.gateway.node;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;

/**
 * The CDM project reference table as JSON: a list of
 * {@code {"id": 1234, "title": ..., "hostParty": "CN", "leastDevelopedCountry": false, "category": "OTHER",
 * "capacityMegawatts": 49.5, "complianceFlag": false, "registered": "2006-03-12"}}.
 */
public final class ProjectTable {

    private ProjectTable() {
    }

    record Entry(long id, String title, String hostParty, boolean leastDevelopedCountry, ProjectCategory category,
                 BigDecimal capacityMegawatts, boolean complianceFlag, LocalDate registered) {
        Project toProject() {
            return new Project(id, title, RegistryCode.of(hostParty), leastDevelopedCountry, category, capacityMegawatts,
                    complianceFlag, registered);
        }
    }

    public static List<Project> read(InputStream in) throws IOException {
        List<Entry> entries = JsonMapper.builder().addModule(new JavaTimeModule()).build()
                .readValue(in, new TypeReference<List<Entry>>() { });
        return entries.stream().map(Entry::toProject).toList();
    }

    public static List<Project> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the project table " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
