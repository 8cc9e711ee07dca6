package dev.cordbus.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The short fault soak of {@code mvn verify}: 100,000 dispatches through the simulator to a gateway with the state
 * verticle, the REST verticle and a counting consumer in one JVM, with 100 random faults (cut, close 4000, op 7,
 * op 9 true/false, withheld ACKs, a malformed frame, REST 5xx and 429 storms). Nothing may be lost. The long runs
 * (1,000,000 dispatches, 1,000 faults, and the 3-node variant) are the {@link FaultSoak} command.
 */
class FaultSoakTest {

  @Test
  void aHundredThousandDispatchesThroughAHundredFaultsLoseNothing() throws Exception {
    FaultSoak.Ledger ledger = FaultSoak.oneNode(new FaultSoak.Settings(100_000, 100, 1_500, 7, 1));
    String text = ledger.render();
    System.out.println(text);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "fault-soak-short.txt"), text + "\n");
    assertEquals(0, ledger.lost(), text);
    assertEquals(0, ledger.bodyMismatches(), text);
    assertTrue(ledger.injected().values().stream().mapToInt(Integer::intValue).sum() >= 50,
        "most faults hit a connected shard: " + text);
    assertTrue(ledger.delivered() >= 80_000, "the stream went through (about 90 % pass the intents): " + text);
    assertTrue(ledger.resumes() > 0, text);
  }
}
