package org.chargeflex.station.driver.m3b;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The driver, the simulator and the protocol library, as they meet on this module's class path. */
@AnalyzeClasses(packages = "org.chargeflex", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nobodyOutsideTheProtocolTouchesItsInternals = noClasses()
            .that().resideOutsideOfPackage("org.chargeflex.m3b.protocol..")
            .should().dependOnClassesThat().resideInAPackage("org.chargeflex.m3b.protocol.internal..");

    @ArchTest
    static final ArchRule theDriverDoesNotDependOnTheSimulator = noClasses()
            .that().resideInAPackage("org.chargeflex.station.driver.m3b..")
            .should().dependOnClassesThat().resideInAPackage("org.chargeflex.m3b.simulator..");

    @ArchTest
    static final ArchRule theDriverUsesOnlyTheStationApiDriverSpi = noClasses()
            .that().resideInAPackage("org.chargeflex.station.driver.m3b..")
            .should().dependOnClassesThat().resideInAPackage("org.chargeflex.station.api.test..");

    @ArchTest
    static final ArchRule onlyTheComponentIsPublic = classes()
            .that().resideInAPackage("org.chargeflex.station.driver.m3b").and().arePublic()
            .should().haveSimpleName("M3bDriver");
}
