package org.chargeflex.m3b.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.chargeflex.m3b.protocol", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A dependency-free library: the JDK and itself (plus the OSGi annotations, retained in class files only). */
    @ArchTest
    static final ArchRule onlyJdkDependencies = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.chargeflex.m3b.protocol..", "org.osgi.annotation..");

    @ArchTest
    static final ArchRule internalIsOnlyUsedByTheProtocolItself = classes()
            .that().resideInAPackage("org.chargeflex.m3b.protocol.internal..")
            .should().onlyBeAccessed().byAnyPackage("org.chargeflex.m3b.protocol..");
}
