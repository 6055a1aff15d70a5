package org.chargeflex.gateway.iec104;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Only the core's public API is used; the module's internals are not part of its API. */
@AnalyzeClasses(packages = "org.chargeflex.gateway.iec104", importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCoreInternals = noClasses().that().resideInAPackage("org.chargeflex.gateway.iec104..")
            .should().dependOnClassesThat().resideInAnyPackage("org.chargeflex.gateway.core.internal..",
                    "org.chargeflex.gateway.core.cio..", "org.chargeflex.gateway.core.memory..");

    @ArchTest
    static final ArchRule publicApiHidesTheLibraryInternals = noClasses()
            .that().resideInAPackage("org.chargeflex.gateway.iec104")
            .should().dependOnClassesThat().resideInAPackage("org.openmuc.j60870.internal..");

    @ArchTest
    static final ArchRule noIec61850 = noClasses().should().dependOnClassesThat().resideInAPackage("com.beanit..");
}
