package org.chargeflex.gateway.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Internal packages stay internal; the Apache-2.0 core never touches the GPL library. */
@AnalyzeClasses(packages = "org.chargeflex.gateway.core", importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheFacadeUsesTheCoreInternals = noClasses()
            .that().resideOutsideOfPackage("org.chargeflex.gateway.core.internal..")
            .and().doNotHaveFullyQualifiedName(GatewayCore.class.getName())
            .should().dependOnClassesThat().resideInAPackage("org.chargeflex.gateway.core.internal..");

    @ArchTest
    static final ArchRule cioInternalsStayInTheCioPackage = noClasses()
            .that().resideOutsideOfPackage("org.chargeflex.gateway.core.cio..")
            .should().dependOnClassesThat().resideInAPackage("org.chargeflex.gateway.core.cio.internal..");

    @ArchTest
    static final ArchRule noGplCode = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.openmuc.j60870..");

    @ArchTest
    static final ArchRule noProtocolLibraries = noClasses().should().dependOnClassesThat()
            .resideInAPackage("com.beanit..");
}
