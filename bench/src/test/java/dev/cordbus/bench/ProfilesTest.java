package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's JIT report: the settings that record every compilation, and what it reads back from a recording. */
class ProfilesTest {

  @TempDir
  Path dir;

  @Test
  void theProfileSettingsRecordEveryCompilationAndChangeNothingElse() throws Exception {
    String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
    String patched = Profiles.everyCompilation(profile);
    int at = patched.indexOf("<event name=\"jdk.Compilation\">");
    String event = patched.substring(at, patched.indexOf("</event>", at));
    assertTrue(event.contains(">0 ms</setting>"), event);
    assertEquals(profile.replace(profile.substring(at, profile.indexOf("</event>", at)), event), patched,
        "only jdk.Compilation's threshold changes");
    assertThrows(IOException.class, () -> Profiles.everyCompilation("<configuration/>"));
    List<String> flags = Profiles.jfrFlags(dir.resolve("client.jfr"));
    assertEquals(1, flags.size());
    assertTrue(flags.get(0).contains("settings=" + dir.resolve("profile-compilations.jfc").toAbsolutePath()),
        flags.get(0));
    assertEquals(patched, Files.readString(dir.resolve("profile-compilations.jfc")));
  }

  @Test
  void areasNameCordbusModulesAndOtherCodeByItsFirstTwoPackages() {
    assertEquals("cordbus gateway", Profiles.area("dev.cordbus.gateway.publish.EnvelopeScanner"));
    assertEquals("cordbus state", Profiles.area("dev/cordbus/state/store/JsonCursor"));
    assertEquals("io.netty", Profiles.area("io.netty.buffer.AdaptivePoolingAllocator"));
    assertEquals("java.util", Profiles.area("java/util/HashMap"));
  }

  @Test
  void aMethodTheCompilerTookUpIsListedUnderItsArea() throws Exception {
    Path jfr = dir.resolve("spin.jfr");
    long sink = 0;
    try (Recording r = new Recording()) {
      r.enable("jdk.Compilation").withThreshold(Duration.ZERO);
      r.start();
      long until = System.nanoTime() + 1_500_000_000L; // C2 compiles spin (or this loop) within a few ms of 10,000 calls
      for (int round = 0; round < 100_000_000 && System.nanoTime() < until; round++) {
        sink += spin(round);
      }
      r.stop();
      r.dump(jfr);
    }
    String report = Profiles.compilations(jfr, 100);
    assertTrue(sink != 42, "keeps the loop");
    assertTrue(report.contains("dev.cordbus.bench.ProfilesTest.") || report.contains("dev/cordbus/bench/ProfilesTest."),
        report);
    assertTrue(report.contains("cordbus bench"), report);
  }

  private static long spin(int n) {
    long x = n;
    for (int i = 0; i < 200; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x;
  }
}
