package dev.cordbus.arch;

import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of issue 16, checked on every module's main classes (tests are not imported):
 * module boundaries, no package cycles inside a module, no blocking call in code that runs on an event loop.
 */
class ArchitectureTest {

  /** Every module's main classes, imported once (this module depends on all of them with test scope). */
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.cordbus");
  }

  /**
   * Classes of event-loop modules allowed a blocking call, each with the reason. Each entry must still exist (a test
   * fails on a stale one), so the list only shrinks by fixing code.
   */
  static final Map<String, String> BLOCKING_ALLOWED = Map.of(
      "dev.cordbus.bridge.FreePort", "binds port 0 once to pick a free port for a TCP bridge configured with port 0;"
          + " BridgeVerticle calls it through executeBlocking",
      "dev.cordbus.simulator.world.FixtureWorld", "World.fromFixtures reads the fixture files when a World is built:"
          + " before the simulator starts (tests, SimulatorMain, options), never while it serves traffic");

  private static final DescribedPredicate<JavaClass> EVENT_LOOP_CODE =
      DescribedPredicate.describe("run on event loops (main code of api, ops, simulator, gateway, state, rest, "
          + "bridge, example, dist)", c -> Modules.rootOf(c).map(Modules.EVENT_LOOP_ROOTS::contains).orElse(false)
          && !BLOCKING_ALLOWED.containsKey(outermost(c).getName()));

  /** Each class of a module's main code in the slice of its package, named with its module. */
  private static final SliceAssignment PACKAGES_OF_EACH_MODULE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      return Modules.rootOf(c).filter(Modules.MODULE_OF_ROOT::containsKey)
          .map(root -> SliceIdentifier.of(Modules.MODULE_OF_ROOT.get(root), c.getPackageName()))
          .orElse(SliceIdentifier.ignore());
    }

    @Override
    public String getDescription() {
      return "the packages of each module";
    }
  };

  /** The rules cannot pass on an empty import: every module's main classes are there. */
  @Test
  void everyModuleIsImported() {
    Set<String> roots = classes.stream().map(Modules::rootOf).flatMap(java.util.Optional::stream)
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(roots.containsAll(Modules.MODULE_OF_ROOT.keySet()), "imported roots " + roots + ", expected "
        + Modules.MODULE_OF_ROOT.keySet());
    for (String name : BLOCKING_ALLOWED.keySet()) {
      assertTrue(classes.contain(name), "BLOCKING_ALLOWED names " + name + ", which no longer exists: remove it");
    }
  }

  /** No module uses a sibling implementation module: only api (and ops, for the verticles). */
  @Test
  void modulesUseOnlyTheApi() {
    MODULES_USE_ONLY_THE_API.check(classes);
  }

  @Test
  void noPackageCycles() {
    NO_PACKAGE_CYCLES.check(classes);
  }

  @Test
  void noBlockingCallsOnEventLoops() {
    NO_BLOCKING_CALLS_ON_EVENT_LOOPS.check(classes);
  }

  static final ArchRule MODULES_USE_ONLY_THE_API = classes().that().resideInAPackage("dev.cordbus..")
      .should(useOnlyAllowedModules())
      .because("a bot, a verticle or the simulator builds on the event-bus contract in api, not on another module's"
          + " implementation; dist and bench assemble modules and may use them all");

  /** No cycle between the packages of a module. */
  static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(PACKAGES_OF_EACH_MODULE).should().beFreeOfCycles()
      .because("stores at the bottom, logic above, arrows pointing down only (STYLE.md)");

  /** No blocking call where an event loop may run the code. */
  static final ArchRule NO_BLOCKING_CALLS_ON_EVENT_LOOPS = noClasses().that(EVENT_LOOP_CODE)
      .should().callMethodWhere(target(declaredIn(Thread.class)).and(target(name("sleep"))))
      .orShould().callMethodWhere(target(declaredIn(io.vertx.core.Future.class)).and(target(name("await"))))
      .orShould().dependOnClassesThat().belongToAnyOf(FileInputStream.class, FileOutputStream.class,
          FileReader.class, FileWriter.class, RandomAccessFile.class, Socket.class, ServerSocket.class)
      .orShould().callMethodWhere(target(declaredIn(Files.class)).and(target(nameMatching(
          "read.*|write.*|new(Input|Output)Stream|newBuffered(Reader|Writer)|lines|copy|list|walk|find"))))
      .because("a blocked event loop stalls every shard, consumer and timer on it: use vertx.fileSystem(), "
          + "executeBlocking or timers (exceptions, with their reason, in BLOCKING_ALLOWED)");

  private static JavaClass outermost(JavaClass c) {
    JavaClass o = c;
    while (o.getEnclosingClass().isPresent()) {
      o = o.getEnclosingClass().get();
    }
    return o;
  }

  private static ArchCondition<JavaClass> useOnlyAllowedModules() {
    return new ArchCondition<>("use only the modules they may (api; ops for the verticles)") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        String root = Modules.rootOf(c).orElse("");
        Set<String> allowed = Modules.ALLOWED.get(root);
        if (allowed == null) {
          return;
        }
        for (Dependency d : c.getDirectDependenciesFromSelf()) {
          JavaClass t = d.getTargetClass().getBaseComponentType();
          String other = Modules.rootOf(t).orElse(null);
          if (other != null && !other.equals(root) && Modules.MODULE_OF_ROOT.containsKey(other)
              && !allowed.contains(other)) {
            events.add(SimpleConditionEvent.violated(d, Modules.MODULE_OF_ROOT.get(root) + " uses "
                + Modules.MODULE_OF_ROOT.get(other) + ": " + d.getDescription()));
          }
        }
      }
    };
  }
}
