package org.itlgateway.core.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;

/** A row of {@code projects}, the project reference table. */
@Entity
@Table(name = "projects")
public class ProjectRow {

    @Id
    private long id;
    @Column(columnDefinition = "text")
    private String title;
    private String hostParty;
    private boolean leastDevelopedCountry;
    private String category;
    /** Unconstrained numeric, so the value comes back with the scale it was given. */
    @Column(columnDefinition = "numeric")
    private BigDecimal capacityMegawatts;
    private boolean complianceFlag;
    private LocalDate registered;

    protected ProjectRow() {
    }

    public static ProjectRow of(Project project) {
        ProjectRow row = new ProjectRow();
        row.id = project.id();
        row.title = project.title();
        row.hostParty = project.hostParty().value();
        row.leastDevelopedCountry = project.leastDevelopedCountry();
        row.category = project.category().name();
        row.capacityMegawatts = project.capacityMegawatts();
        row.complianceFlag = project.complianceFlag();
        row.registered = project.registered();
        return row;
    }

    public Project toProject() {
        return new Project(id, title, RegistryCode.of(hostParty), leastDevelopedCountry,
                ProjectCategory.valueOf(category), capacityMegawatts, complianceFlag, registered);
    }
}
