package dev.car.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Fails the build when a dependency points the wrong way. */
@AnalyzeClasses(packages = "dev.car", importOptions = {ImportOption.DoNotIncludeTests.class, ProductionCodeOnly.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPureJava = ArchitectureRules.DOMAIN_IS_PURE_JAVA;

    @ArchTest
    static final ArchRule applicationDependsOnlyOnDomain = ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN;

    @ArchTest
    static final ArchRule adaptersAreIndependent = ArchitectureRules.ADAPTERS_ARE_INDEPENDENT;

    @ArchTest
    static final ArchRule guiceOnlyInBootstrap = ArchitectureRules.GUICE_ONLY_IN_BOOTSTRAP;

    @ArchTest
    static final ArchRule picocliOnlyInCliAndBootstrap = ArchitectureRules.PICOCLI_ONLY_IN_CLI_AND_BOOTSTRAP;

    @ArchTest
    static final ArchRule dockerJavaOnlyInDockerAdapter = ArchitectureRules.DOCKER_JAVA_ONLY_IN_DOCKER_ADAPTER;

    @ArchTest
    static final ArchRule jacksonOnlyInYamlAndCli = ArchitectureRules.JACKSON_ONLY_IN_YAML_AND_CLI;

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.NO_PACKAGE_CYCLES;

    @ArchTest
    static final ArchRule onlyCliOutputWritesToTheConsole = ArchitectureRules.ONLY_CLI_OUTPUT_WRITES_TO_THE_CONSOLE;
}
