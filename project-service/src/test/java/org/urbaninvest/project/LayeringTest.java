package org.urbaninvest.project;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Layering;

class LayeringTest {

    private static final String P = "org.urbaninvest.project";

    @Test
    void packagesDependOneWay() {
        Layering.check(P);
    }

    @Test
    void theServiceLayerKnowsNoRestType() {
        noClasses().that().resideInAPackage(P + ".service..")
                .should().dependOnClassesThat().resideInAPackage(P + ".rest..")
                .because("a use case takes scalars, domain values or entity drafts and returns entities or domain"
                        + " values; the resource maps them to the API")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(P));
    }
}
