package org.itlgateway.core.store;

import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.itlgateway.core.store.jpa.AccountRow;
import org.itlgateway.core.store.jpa.EvaluationResultRow;
import org.itlgateway.core.store.jpa.NoticeRow;
import org.itlgateway.core.store.jpa.ProjectRow;
import org.itlgateway.core.store.jpa.RegistryRow;
import org.itlgateway.core.store.jpa.StatusChangeRow;
import org.itlgateway.core.store.jpa.TransactionRow;

/**
 * Hibernate set up on the node's connection pool, without persistence.xml. Hibernate only checks that the tables
 * the migrations created match the entities; it never creates or changes one.
 */
final class PersistenceUnit {

    static final List<Class<?>> ENTITIES = List.of(RegistryRow.class, AccountRow.class, ProjectRow.class,
            NoticeRow.class, TransactionRow.class, StatusChangeRow.class, EvaluationResultRow.class);

    private PersistenceUnit() {
    }

    static SessionFactory create(DataSource dataSource, String schema) {
        return new HibernatePersistenceConfiguration("itl-gateway-" + schema)
                .managedClasses(ENTITIES)
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .defaultSchema(schema)
                .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName())
                .schemaToolingAction(Action.VALIDATE)
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                .property(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 32)
                .createEntityManagerFactory();
    }
}
