package io.openrsp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * STYLE.md rules 1 and 3, checked over the compiled classes of every module: services talk to each other only
 * over the wire, the shared modules stay plain Java, and web edges hold no crypto and no SQL.
 */
@AnalyzeClasses(packages = "io.openrsp", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule servicesWhenCompiledThenNeverDependOnEachOther = slices().matching(
                    "io.openrsp.(ca|smdp|smsr|euicc|cli)..")
            .should()
            .notDependOnEachOther()
            .because("services talk to each other only over their wire interfaces (DESIGN.md section 1)");

    @ArchTest
    static final ArchRule commonModulesWhenCompiledThenHaveNoSpring = noClasses()
            .that()
            .resideInAnyPackage("io.openrsp.crypto..", "io.openrsp.rsp..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..")
            .because("common-crypto and common-rsp are plain Java libraries");

    @ArchTest
    static final ArchRule commonModulesWhenCompiledThenNeverDependOnServices = noClasses()
            .that()
            .resideInAnyPackage("io.openrsp.crypto..", "io.openrsp.rsp..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.openrsp.ca..",
                    "io.openrsp.smdp..",
                    "io.openrsp.smsr..",
                    "io.openrsp.euicc..",
                    "io.openrsp.cli..");

    @ArchTest
    static final ArchRule cryptoWhenCompiledThenKnowsNothingOfRspEncodings = noClasses()
            .that()
            .resideInAPackage("io.openrsp.crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.openrsp.rsp..");

    @ArchTest
    static final ArchRule webEdgesWhenCompiledThenHoldNoCryptoAndNoSql = classes()
            .that()
            .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackages("javax.crypto..", "java.sql..", "org.springframework.jdbc..")
            .allowEmptyShould(true)
            .because("a web controller converts and delegates (STYLE.md rule 3)");
}
