package org.itlgateway.core.store.jpa;

import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.registry.Registries;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.Database;

/** The registries a node knows, in its database. Each call joins the running unit of work or runs in its own. */
public final class PostgresRegistries implements Registries {

    private final Database database;

    public PostgresRegistries(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<Registry> find(RegistryCode code) {
        return database.call(() -> Optional.ofNullable(database.session().find(RegistryRow.class, code.value()))
                .map(RegistryRow::toRegistry));
    }

    @Override
    public void save(Registry registry) {
        database.run(() -> database.session().merge(RegistryRow.of(registry)));
    }
}
