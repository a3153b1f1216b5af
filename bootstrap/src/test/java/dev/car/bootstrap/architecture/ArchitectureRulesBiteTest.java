package dev.car.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.car.domain.violation.DomainUsingGuice;
import org.junit.jupiter.api.Test;

/** Proves the rules report a violation when one exists, so a green architecture test means something. */
class ArchitectureRulesBiteTest {
    private final JavaClasses violating = new ClassFileImporter().importClasses(DomainUsingGuice.class);

    @Test
    void domainDependingOnAFrameworkIsReported() {
        assertTrue(ArchitectureRules.DOMAIN_IS_PURE_JAVA.evaluate(violating).hasViolation());
        assertTrue(ArchitectureRules.GUICE_ONLY_IN_BOOTSTRAP.evaluate(violating).hasViolation());
    }

    @Test
    void printingOutsideTheCliOutputIsReported() {
        assertTrue(ArchitectureRules.ONLY_CLI_OUTPUT_WRITES_TO_THE_CONSOLE.evaluate(violating).hasViolation());
    }

    @Test
    void aCleanClassPasses() {
        JavaClasses clean = new ClassFileImporter().importClasses(dev.car.domain.repo.RepoIds.class);
        assertFalse(ArchitectureRules.DOMAIN_IS_PURE_JAVA.evaluate(clean).hasViolation());
    }
}
