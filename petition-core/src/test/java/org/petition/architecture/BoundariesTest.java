package org.petition.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The library's boundaries, enforced on every build: what is API and what is not, and which package may
 * lean on which.
 */
class BoundariesTest {

  private static final String ROOT = "org.petition";
  private static final String SHARED_INTERNAL = ROOT + ".internal";
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void theCoreIsImported() {
    assertThat(CORE.contain("org.petition.Petitions")).isTrue();
    assertThat(internalPackages()).contains("org.petition.check.internal", "org.petition.store.jdbc.internal");
  }

  /** A package's internals serve that package alone; what several packages share lives in org.petition.internal. */
  @TestFactory
  Stream<DynamicTest> eachInternalPackageIsUsedOnlyByItsOwnPackage() {
    return internalPackages().stream().filter(p -> !p.equals(SHARED_INTERNAL)).map(internal -> {
      String owner = internal.substring(0, internal.length() - ".internal".length());
      return DynamicTest.dynamicTest(internal, () -> noClasses()
          .that().resideOutsideOfPackage(owner + "..")
          .should().dependOnClassesThat().resideInAPackage(internal + "..")
          .because(internal + " is " + owner + "'s own; share through " + SHARED_INTERNAL)
          .check(CORE));
    });
  }

  /**
   * The API packages lean on each other one way. The shared internals and the services that Petitions wires
   * (org.petition.internal) sit beside them, like Petitions itself, and are left out of the slices.
   */
  @Test
  void theApiPackagesHaveNoCycles() {
    slices().matching("org.petition.(*)..").should().beFreeOfCycles()
        .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
            JavaClass.Predicates.resideInAPackage(SHARED_INTERNAL + ".."))
        .ignoreDependency(JavaClass.Predicates.resideInAPackage(SHARED_INTERNAL + ".."),
            com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
        .check(CORE);
  }

  @Test
  void checksDoNotDependOnEventsSoTheCycleStaysBroken() {
    noClasses().that().resideInAPackage("org.petition.check..")
        .should().dependOnClassesThat().resideInAPackage("org.petition.event..")
        .check(CORE);
  }

  @Test
  void onlyTheLibraryPublishesEvents() {
    // The public face of events is an interface with subscriptions only; the bus that publishes is internal.
    classes().that().haveFullyQualifiedName("org.petition.event.PetitionEvents").should().beInterfaces().check(CORE);
    noClasses().that().resideOutsideOfPackage(SHARED_INTERNAL)
        .should().callMethod("org.petition.internal.EventBus", "publish", "org.petition.event.PetitionEvent")
        .orShould().callMethod("org.petition.internal.EventBus", "publish", "java.util.function.Supplier")
        .allowEmptyShould(true)
        .check(CORE.that(com.tngtech.archunit.base.DescribedPredicate.not(
            JavaClass.Predicates.belongToAnyOf(org.petition.Petitions.class, org.petition.DataSubjectRights.class))));
  }

  @Test
  void theServicesPetitionsHandsOutAreInterfacesWithoutPublicConstructors() {
    classes().that().haveFullyQualifiedName("org.petition.moderation.Moderation")
        .or().haveFullyQualifiedName("org.petition.account.Accounts")
        .should().beInterfaces().check(CORE);
    noClasses().that().haveFullyQualifiedName("org.petition.DataSubjectRights")
        .should().haveModifier(JavaModifier.ABSTRACT).check(CORE);
    assertThat(CORE.get("org.petition.DataSubjectRights").getConstructors())
        .allSatisfy(c -> assertThat(c.getModifiers()).doesNotContain(JavaModifier.PUBLIC));
    assertThat(CORE.get("org.petition.account.SignedInSigner").getConstructors())
        .allSatisfy(c -> assertThat(c.getModifiers()).doesNotContain(JavaModifier.PUBLIC));
  }

  @Test
  void theCoreKnowsNoSpringAndOnlyTheJdbcStoreKnowsFlyway() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CORE);
    noClasses().that().resideOutsideOfPackage("org.petition.store.jdbc..")
        .should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "com.fasterxml.jackson..")
        .check(CORE);
  }

  private static Set<String> internalPackages() {
    Set<String> packages = new TreeSet<>();
    for (JavaClass type : CORE) {
      String name = type.getPackageName();
      int at = name.indexOf(".internal");
      if (at > 0) {
        packages.add(name.substring(0, at + ".internal".length()));
      }
    }
    return packages;
  }
}
