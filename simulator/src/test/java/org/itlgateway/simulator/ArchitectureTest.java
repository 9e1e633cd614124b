package org.itlgateway.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of the simulator's shape (docs/architecture.md). */
class ArchitectureTest {

    private static final JavaClasses SIMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.itlgateway.simulator");

    @Test
    void theSimulatorReachesTheDomainsTablesOnlyThroughTheStoresInterfaces() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.itlgateway.core.store.jpa..", "org.itlgateway.core.store.sql..").check(SIMULATOR);
    }

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        // the nodes (itl, citl), the clock, faults, journal and profiles at the bottom; the network over them; the
        // control API, the demo and the benchmarks over the network; the command on top
        JavaClasses simulator = SIMULATOR;
        slices().matching("org.itlgateway.simulator.(**)").should().beFreeOfCycles().check(simulator);
    }
}
