package dev.cordbus.simulator.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.simulator.gateway.RenderedDispatch;
import dev.cordbus.simulator.world.WorldGenerator;
import dev.cordbus.simulator.world.WorldModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every guild of the firehose gets the whole mix, whatever the number of guilds. */
class FirehoseRendererTest {

  private static String text(RenderedDispatch d) {
    return d.textString(1, false);
  }

  @Test
  void everyGuildGetsTheMixAndReactsToItsLatestMessage() {
    for (int guilds : new int[] {100, 20, 7}) {
      WorldModel world = WorldGenerator.generate(guilds, 10, 42);
      List<Long> ids = world.guildIds();
      RenderedDispatch[] run = new FirehoseRenderer(world).render(guilds * 40, ids);
      Map<Long, Map<String, Integer>> kinds = new HashMap<>();
      Map<Long, String> lastMessage = new HashMap<>();
      Map<String, Integer> reactionsPerMessage = new HashMap<>();
      for (RenderedDispatch d : run) {
        kinds.computeIfAbsent(d.guildId(), g -> new TreeMap<>()).merge(d.event(), 1, Integer::sum);
        String body = text(d);
        if (d.event().equals("MESSAGE_CREATE")) {
          lastMessage.put(d.guildId(), body.substring(body.indexOf("\"id\":\"") + 6).split("\"", 2)[0]);
        } else if (d.event().equals("MESSAGE_REACTION_ADD")) {
          String target = body.substring(body.indexOf("\"message_id\":\"") + 14).split("\"", 2)[0];
          assertEquals(lastMessage.get(d.guildId()), target, "a reaction names its guild's latest message");
          reactionsPerMessage.merge(target, 1, Integer::sum);
        }
      }
      assertEquals(guilds, kinds.size());
      for (Map<String, Integer> k : kinds.values()) {
        assertEquals(Map.of("GUILD_MEMBER_UPDATE", 2, "MESSAGE_CREATE", 34, "MESSAGE_REACTION_ADD", 2,
            "PRESENCE_UPDATE", 2), k, guilds + " guilds: 40 dispatches of one guild");
      }
      assertTrue(reactionsPerMessage.values().stream().allMatch(n -> n == 1), "reactions spread over messages");
    }
  }
}
