package org.perfgate.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md that the Maven module graph alone cannot enforce. */
class ArchitectureTest {
  private static JavaClasses perfgate;

  @BeforeAll
  static void importClasses() {
    perfgate = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.perfgate");
  }

  @Test
  void onlyTheCliReadsTheEnvironment() {
    noClasses().that().resideOutsideOfPackage("org.perfgate.cli..")
        .should().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class)
        .check(perfgate);
  }

  @Test
  void onlyProtocolModulesOpenSocketsToTheTarget() {
    noClasses().that().resideOutsideOfPackages("org.perfgate.http..", "org.perfgate.demo..", "org.perfgate.testkit..")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.SocketChannel")
        .orShould().dependOnClassesThat().resideInAPackage("java.net.http..")
        .check(perfgate);
  }

  @Test
  void onlyTheStoreSpeaksSql() {
    noClasses().that().resideOutsideOfPackage("org.perfgate.store..")
        .should().dependOnClassesThat().resideInAPackage("java.sql..")
        .check(perfgate);
  }

  @Test
  void statsAndStoreNeverDependOnTheEngine() {
    noClasses().that().resideInAnyPackage("org.perfgate.stats..", "org.perfgate.store..")
        .should().dependOnClassesThat().resideInAPackage("org.perfgate.engine..")
        .check(perfgate);
  }

  @Test
  void reportsNeverDependOnTheEngine() {
    noClasses().that().resideInAPackage("org.perfgate.report..")
        .should().dependOnClassesThat().resideInAPackage("org.perfgate.engine..")
        .check(perfgate);
  }

  @Test
  void theModelDependsOnNoOtherModule() {
    noClasses().that().resideInAPackage("org.perfgate.model..")
        .should().dependOnClassesThat().resideInAnyPackage("org.perfgate.plan..", "org.perfgate.metrics..",
            "org.perfgate.engine..", "org.perfgate.http..", "org.perfgate.report..", "org.perfgate.cli..",
            "org.perfgate.demo..", "org.perfgate.testkit..")
        .check(perfgate);
  }

  @Test
  void onlyTheCliWritesToStandardOutput() {
    noClasses().that().resideOutsideOfPackages("org.perfgate.cli..", "org.perfgate.report..")
        .should().accessField(System.class, "out")
        .check(perfgate);
  }
}
