package org.itlgateway.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of registry-core's shape (docs/architecture.md): the domain is plain Java, storage lives in
 * {@code store} behind the domain's interfaces, and the core knows nothing of the modules built on it.
 */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importTheCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.itlgateway.core");
    }

    @Test
    void theDomainDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("org.itlgateway.core..").and().resideOutsideOfPackage("org.itlgateway.core.store..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.itlgateway.core..")
                .check(core);
    }

    @Test
    void theDomainKnowsNothingOfHowItIsStored() {
        noClasses().that().resideInAPackage("org.itlgateway.core..").and().resideOutsideOfPackage("org.itlgateway.core.store..")
                .should().dependOnClassesThat().resideInAPackage("org.itlgateway.core.store..")
                .check(core);
    }

    @Test
    void sqlAndJpaAppearOnlyInTheStore() {
        noClasses().that().resideOutsideOfPackage("org.itlgateway.core.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.persistence..",
                        "org.hibernate..", "org.postgresql..", "com.zaxxer..", "org.flywaydb..")
                .check(core);
    }

    @Test
    void theCoreStartsNoDatabaseServer() {
        // the store opens the server it is given; the embedded one, and its binaries, belong to what runs (the gateway)
        noClasses().should().dependOnClassesThat().resideInAPackage("io.zonky..")
                .because("the embedded PostgreSQL server is the gateway's (org.itlgateway.gateway.database)")
                .check(core);
        noClasses().should().haveSimpleNameContaining("EmbeddedServer")
                .orShould().haveSimpleNameContaining("Postmaster")
                .check(core);
    }

    @Test
    void theCoreDependsOnNoOtherModuleOfOurs() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.itlgateway.gateway..", "org.itlgateway.simulator..",
                        "org.itlgateway.schemas..")
                .check(core);
    }

    @Test
    void noDomainPackageDependsOnAPackageThatDependsOnIt() {
        // every package and sub-package on its own: the value types at the bottom, the lifecycle at the top
        slices().matching("org.itlgateway.core.(**)").should().beFreeOfCycles()
                .check(core.that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.itlgateway.core.store.."))));
    }

    @Test
    void theStoreAsAWholeIsNoPartOfACycleWithTheDomain() {
        slices().matching("org.itlgateway.core.(*)..").should().beFreeOfCycles().check(core);
    }
}
