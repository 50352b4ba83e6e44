package org.urbaninvest.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The layering every service keeps, checked on its compiled classes: {@code rest → service → repository}, with
 * {@code mapping} and {@code events} beside them and {@code domain} below all; the service layer never sees a REST
 * type. A rule broken fails the service's build with the offending dependencies listed.
 */
public final class Layering {

    private Layering() {
    }

    /** The rules for the service whose classes live under {@code basePackage} (e.g. {@code org.urbaninvest.project}). */
    public static List<ArchRule> rules(String basePackage) {
        String p = basePackage;
        return List.of(
                noClasses().that().resideInAPackage(p + ".repository..")
                        .should().dependOnClassesThat().resideInAnyPackage(p + ".service..", p + ".rest..")
                        .because("a repository stores and reads; it does not know use cases or the API"),
                noClasses().that().resideInAPackage(p + ".rest..")
                        .should().dependOnClassesThat().resideInAPackage(p + ".repository..")
                        .because("resources go through the service layer, which owns transactions"),
                noClasses().that().resideInAnyPackage(p + ".service..", p + ".health..")
                        .should().dependOnClassesThat().resideInAPackage(p + ".rest..")
                        .because("a use case takes plain values, domain values or entity drafts and returns entities"
                                + " or domain values; the resource maps them to and from the API through mapping/"),
                noClasses().that().resideInAPackage(p + ".events..")
                        .should().dependOnClassesThat().resideInAPackage(p + ".rest..")
                        .because("an event contract must not change when the REST representation does"),
                noClasses().that().resideInAPackage(p + ".domain..")
                        .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "com.fasterxml.jackson..",
                                p + ".rest..", p + ".service..", p + ".repository..", p + ".events..", p + ".mapping..")
                        .because("domain types and rules know neither the wire nor storage"),
                noClasses().that().resideInAPackage("org.urbaninvest.platform..")
                        .should().dependOnClassesThat().resideInAPackage(p + ".."));
    }

    /** Checks every rule against the service's and the platform's main classes (tests left out), imported once. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage, "org.urbaninvest.platform");
        CompositeArchRule.of(rules(basePackage)).check(classes);
    }
}
