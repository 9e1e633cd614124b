package org.itlgateway.core.store.jpa;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.Database;

/** The project reference table, in the node's database. Each call joins the running unit of work or runs in its own. */
public final class PostgresProjects implements Projects {

    private final Database database;

    public PostgresProjects(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<Project> find(long projectId) {
        return database.call(() -> Optional.ofNullable(database.session().find(ProjectRow.class, projectId))
                .map(ProjectRow::toProject));
    }

    @Override
    public void save(Project project) {
        database.run(() -> database.session().merge(ProjectRow.of(project)));
    }

    @Override
    public long countRegisteredBy(RegistryCode hostParty, LocalDate date) {
        return database.call(() -> database.session().createQuery("select count(p) from ProjectRow p"
                        + " where p.hostParty = :host and p.registered <= :date", Long.class)
                .setParameter("host", hostParty.value()).setParameter("date", date).getSingleResult());
    }
}
