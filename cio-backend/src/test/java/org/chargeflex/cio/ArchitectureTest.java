package org.chargeflex.cio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

/** The code style of the backend: package by feature without cycles; controllers and configuration package-private. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.chargeflex.cio");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.chargeflex.cio.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class).should().notHaveModifier(JavaModifier.PUBLIC)
                .check(MAIN);
    }

    @Test
    void configurationClassesArePackagePrivate() {
        classes().that().areAnnotatedWith(Configuration.class).and().doNotHaveSimpleName("CioApplication")
                .should().notHaveModifier(JavaModifier.PUBLIC).check(MAIN);
    }

    @Test
    void theOptimizerDependsOnNoOtherFeature() {
        classes().that().resideInAPackage("..cio.optimizer..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("..cio.optimizer..", "org.chargeflex.cio.contract..", "org.chargeflex.optimizer..", "java..",
                        "org.springframework.stereotype..")
                .check(MAIN);
    }
}
