package dev.car.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the hexagon, shared by the build check and by the tests that prove they bite. */
final class ArchitectureRules {
    static final String DOMAIN = "dev.car.domain..";
    static final String APPLICATION = "dev.car.application..";
    static final String BOOTSTRAP = "dev.car.bootstrap..";
    static final String CLI = "dev.car.adapters.cli..";
    static final String CLI_OUTPUT = "dev.car.adapters.cli.output..";
    static final String YAML = "dev.car.adapters.yaml..";
    static final String DOCKER = "dev.car.adapters.docker..";

    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_IS_PURE_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain is a plain library other programs embed without our frameworks");

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .because("use cases and ports know nothing of adapters or frameworks");

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("dev.car.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter depends on the application only");

    static final ArchRule GUICE_ONLY_IN_BOOTSTRAP = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
            .because("wiring belongs to the composition root");

    static final ArchRule PICOCLI_ONLY_IN_CLI_AND_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackages(CLI, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    static final ArchRule DOCKER_JAVA_ONLY_IN_DOCKER_ADAPTER = noClasses().that().resideOutsideOfPackage(DOCKER)
            .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..");

    static final ArchRule JACKSON_ONLY_IN_YAML_AND_CLI = noClasses().that().resideOutsideOfPackages(YAML, CLI)
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.car.(**)").should().beFreeOfCycles();

    static final ArchRule ONLY_CLI_OUTPUT_WRITES_TO_THE_CONSOLE = noClasses().that().resideOutsideOfPackage(CLI_OUTPUT)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("output goes through the CLI's writers so it can be captured and never corrupts JSON");
}
