package org.urbaninvest.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Layering;

class LayeringTest {

    private static final String P = "org.urbaninvest.reporting";

    @Test
    void packagesDependOneWay() {
        Layering.check(P);
    }

    @Test
    void theServiceLayerAndHealthChecksNeverDependOnRest() {
        noClasses().that().resideInAnyPackage(P + ".service..", P + ".health..")
                .should().dependOnClassesThat().resideInAPackage(P + ".rest..")
                .because("use cases return the read model; resources map it to the wire")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(P));
    }
}
