package dev.cordbus.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every dispatch named in the repo's copy of the gateway docs ({@code docs/discord/EVENTS.md}, its event tables) has
 * a key in {@link Events} whose record keeps unknown keys, and {@link Events} has no key the docs do not name.
 */
class EventsCoverageTest {

  static Path docs() {
    return Path.of(System.getProperty("cordbus.docs", "../docs/discord")).resolve("EVENTS.md");
  }

  /** The event names of the tables whose first column is {@code event}, with "A_CREATE/UPDATE" forms expanded. */
  static Set<String> documentedEvents() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    boolean eventTable = false;
    for (String line : Files.readAllLines(docs())) {
      if (!line.startsWith("|")) {
        eventTable = false;
        continue;
      }
      String first = line.split("\\|")[1].trim();
      if (first.equals("event")) {
        eventTable = true;
        continue;
      }
      if (eventTable && !first.startsWith("---")) {
        names.addAll(expand(first));
      }
    }
    return names;
  }

  /** {@code STAGE_INSTANCE_CREATE/UPDATE/DELETE}, {@code INTEGRATION_CREATE / _UPDATE} → the full names. */
  static List<String> expand(String cell) {
    String[] parts = cell.split("/");
    String head = parts[0].trim();
    List<String> out = new ArrayList<>(List.of(head));
    for (int i = 1; i < parts.length; i++) {
      String stem = head.substring(0, head.lastIndexOf('_'));
      String p = parts[i].trim();
      out.add(p.startsWith("_") ? stem + p : stem + "_" + p);
    }
    for (String n : out) {
      assertTrue(n.matches("[A-Z][A-Z_]+[A-Z]"), "not an event name: '" + n + "' from '" + cell + "'");
    }
    return out;
  }

  @Test
  void everyDocumentedDispatchHasAKeyAndARecordThatKeepsUnknownFields() throws IOException {
    Set<String> documented = documentedEvents();
    Matcher stated = Pattern.compile("\\((\\d+) names\\)").matcher(Files.readString(docs()));
    assertTrue(stated.find(), "EVENTS.md states how many names it lists");
    assertEquals(Integer.parseInt(stated.group(1)), documented.size(), "parsed every name the docs state: "
        + documented);

    List<String> missing = new ArrayList<>();
    for (String name : documented) {
      EventType<?> key = Events.dispatch(name);
      if (key == null) {
        missing.add(name);
        continue;
      }
      assertEquals("discord." + name, key.address(), name);
      Class<?> record = key.recordClass();
      assertTrue(record.isRecord(), name + " decodes into a record, not " + record);
      assertTrue(java.util.Arrays.stream(record.getRecordComponents()).anyMatch(c -> c.getName().equals("extra")),
          name + ": " + record.getSimpleName() + " keeps unknown keys in extra");
    }
    assertTrue(missing.isEmpty(), "dispatches of EVENTS.md without a key in Events: " + missing);
    List<String> stale = Events.dispatches().stream().map(EventType::name).filter(n -> !documented.contains(n))
        .toList();
    assertTrue(stale.isEmpty(), "keys in Events for names EVENTS.md does not list: " + stale);
    assertEquals(documented.size(), Events.dispatches().size());
  }

  @Test
  void expandsTheTablesShortForms() {
    assertEquals(List.of("INTEGRATION_CREATE", "INTEGRATION_UPDATE"), expand("INTEGRATION_CREATE / _UPDATE"));
    assertEquals(List.of("STAGE_INSTANCE_CREATE", "STAGE_INSTANCE_UPDATE", "STAGE_INSTANCE_DELETE"),
        expand("STAGE_INSTANCE_CREATE/UPDATE/DELETE"));
    assertEquals(List.of("GUILD_SCHEDULED_EVENT_USER_ADD", "GUILD_SCHEDULED_EVENT_USER_REMOVE"),
        expand("GUILD_SCHEDULED_EVENT_USER_ADD/_REMOVE"));
    assertNotNull(Events.dispatch("MESSAGE_CREATE"));
  }
}
