package org.chargeflex.gateway.iec61850;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Only the core's public API is used; this Apache-2.0 module never touches the GPL 104 library. */
@AnalyzeClasses(packages = "org.chargeflex.gateway.iec61850", importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCoreInternals = noClasses().that().resideInAPackage("org.chargeflex.gateway.iec61850..")
            .should().dependOnClassesThat().resideInAnyPackage("org.chargeflex.gateway.core.internal..",
                    "org.chargeflex.gateway.core.cio..", "org.chargeflex.gateway.core.memory..");

    @ArchTest
    static final ArchRule noGplCode = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.openmuc.j60870..");
}
