package org.itlgateway.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of the gateway's shape (docs/architecture.md): it is built on schemas and registry-core, never on the simulator. */
class ArchitectureTest {

    private static JavaClasses gateway;

    @BeforeAll
    static void importTheGateway() {
        gateway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.itlgateway.gateway");
    }

    @Test
    void theGatewayNeverDependsOnTheSimulator() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.itlgateway.simulator..").check(gateway);
    }

    @Test
    void theGatewayReachesTheDomainsTablesOnlyThroughTheStoresInterfaces() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.itlgateway.core.store.jpa..", "org.itlgateway.core.store.sql..").check(gateway);
    }

    @Test
    void theGatewaysOwnTablesAreQueriedOnlyByTheirStores() {
        // delivery keeps the inbox, the outbox and what was seen; node.reconciliation the registry's reconciliation
        // records; node.messages the administrative messages it received; node.helpdesk the queries to the CDM Help Desk;
        // evidence the evidence archive; leadership takes PostgreSQL's advisory locks. Which tables they name:
        // TableOwnershipTest.
        noClasses().that().resideOutsideOfPackages("org.itlgateway.gateway.delivery..",
                        "org.itlgateway.gateway.node.reconciliation..", "org.itlgateway.gateway.node.messages..",
                        "org.itlgateway.gateway.node.helpdesk..", "org.itlgateway.gateway.evidence..",
                        "org.itlgateway.gateway.leadership..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .check(gateway);
    }

    @Test
    void theGeneratedWireTypesStayInTheWireTheTransportAndDelivery() {
        // the node, the operator API and the assembly work on the domain's types; the wire package maps them
        noClasses().that().resideOutsideOfPackages("org.itlgateway.gateway.wire..", "org.itlgateway.gateway.transport..",
                        "org.itlgateway.gateway.delivery..")
                .should().dependOnClassesThat().resideInAPackage("org.itlgateway.schemas.v1..").check(gateway);
    }

    @Test
    void onlyTheDatabasePackageStartsTheEmbeddedServer() {
        noClasses().that().resideOutsideOfPackage("org.itlgateway.gateway.database..")
                .should().dependOnClassesThat().resideInAPackage("io.zonky..")
                .check(gateway);
    }

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        // the assembly (app) on top; the node, the operator API, delivery, transport, security and the wire below it;
        // the embedded database server (database) beside them, started by app
        slices().matching("org.itlgateway.gateway.(**)").should().beFreeOfCycles().check(gateway);
    }
}
