package org.urbaninvest.investment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Layering;

class LayeringTest {

    private static final String P = "org.urbaninvest.investment";

    /** The service's main classes and the platform's, imported once for every rule. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(P, "org.urbaninvest.platform");

    @Test
    void packagesDependOneWay() {
        CompositeArchRule.of(Layering.rules(P)).check(CLASSES);
    }

    @Test
    void useCasesDoNotKnowTheApi() {
        noClasses().that().resideInAPackage(P + ".service..")
                .should().dependOnClassesThat().resideInAPackage(P + ".rest..")
                .because("a use case takes scalars, domain values or entity drafts and returns entities; the"
                        + " resource maps them to and from the API through mapping/")
                .check(CLASSES);
    }
}
