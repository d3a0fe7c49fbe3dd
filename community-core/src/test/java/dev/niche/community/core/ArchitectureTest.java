package dev.niche.community.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the module arrows of DESIGN.md: api depends on nothing of ours, core on no store. */
@DisplayName("The architecture")
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.niche.community");
    }

    @Test
    @DisplayName("community-api depends on nothing of core or the stores")
    void apiStandsAlone() {
        noClasses().that().resideInAPackage("dev.niche.community..")
                .and().resideOutsideOfPackages("dev.niche.community.core..", "dev.niche.community.inmemory..",
                        "dev.niche.community.jdbc..", "dev.niche.community.tck..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.niche.community.core..",
                        "dev.niche.community.inmemory..", "dev.niche.community.jdbc..", "dev.niche.community.tck..")
                .check(classes);
    }

    @Test
    @DisplayName("community-api needs only the JDK, Jakarta Validation and JSpecify")
    void apiHasNoThirdPartyDependencies() {
        noClasses().that().resideInAPackage("dev.niche.community..")
                .and().resideOutsideOfPackages("dev.niche.community.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.niche.community..", "java..",
                        "jakarta.validation..", "org.jspecify..")
                .check(classes);
    }

    @Test
    @DisplayName("community-core depends on no store")
    void coreKnowsNoStore() {
        noClasses().that().resideInAPackage("dev.niche.community.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.niche.community.inmemory..",
                        "dev.niche.community.jdbc..", "dev.niche.community.tck..")
                .check(classes);
    }

    @Test
    @DisplayName("only the engine's builder and id generator are public in core")
    void coreKeepsItsImplementationPrivate() {
        noClasses().that().resideInAPackage("dev.niche.community.core..")
                .and().doNotHaveSimpleName("Niche").and().doNotHaveSimpleName("IdGenerator")
                .and().areNotNestedClasses()
                .should().bePublic()
                .check(classes);
    }
}
