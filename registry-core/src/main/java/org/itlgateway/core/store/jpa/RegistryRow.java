package org.itlgateway.core.store.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;

/** A row of {@code registries}. */
@Entity
@Table(name = "registries")
public class RegistryRow {

    @Id
    private String code;
    private String name;
    private String status;
    private boolean euMember;

    protected RegistryRow() {
    }

    public static RegistryRow of(Registry registry) {
        RegistryRow row = new RegistryRow();
        row.code = registry.code().value();
        row.name = registry.name();
        row.status = registry.status().name();
        row.euMember = registry.euMember();
        return row;
    }

    public Registry toRegistry() {
        return new Registry(RegistryCode.of(code), name, RegistryStatus.valueOf(status), euMember);
    }
}
