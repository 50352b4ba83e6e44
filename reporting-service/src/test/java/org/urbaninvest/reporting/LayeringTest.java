package org.urbaninvest.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Layering;

class LayeringTest {

    private static final String P = "org.urbaninvest.reporting";
    /** Imported once for every rule: the import is what takes the time. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(P, "org.urbaninvest.platform");

    @Test
    void packagesDependOneWay() {
        CompositeArchRule.of(Layering.rules(P)).check(CLASSES);
    }

    @Test
    void theServiceLayerAndHealthChecksNeverDependOnRest() {
        noClasses().that().resideInAnyPackage(P + ".service..", P + ".health..")
                .should().dependOnClassesThat().resideInAPackage(P + ".rest..")
                .because("use cases return the read model; resources answer it")
                .check(CLASSES);
    }
}
