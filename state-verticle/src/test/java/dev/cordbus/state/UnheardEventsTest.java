package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.StateEvent;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.fixture.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Member, presence, user, reaction, message, channel and guild events whose address nobody consumes are not built (no
 * snapshot, no lookup, no body): the cache ends the same, the events that are heard are the same, and each one not
 * built counts as unheard.
 */
class UnheardEventsTest {

  static final Set<String> UNHEARD = Set.of("GUILD_MEMBER_UPDATE", "PRESENCE_UPDATE", "USER_UPDATE",
      "MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE", "MESSAGE_REACTION_REMOVE_ALL",
      "MESSAGE_REACTION_REMOVE_EMOJI", "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "CHANNEL_CREATE",
      "CHANNEL_UPDATE", "GUILD_UPDATE", "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE");

  /** The replay's cache, events and unheard count. */
  record Replay(Cache cache, List<StateEvent> events, int unheard) {
  }

  private static Replay replay(Predicate<String> heard) {
    Cache cache = new Cache(new StateOptions());
    EventTable table = new EventTable();
    List<StateEvent> events = new ArrayList<>();
    int unheard = 0;
    for (Frames.Frame f : Frames.session()) {
      Updater u = table.get(f.event());
      if (u == null) {
        continue;
      }
      Emitter out = new Emitter(true, heard);
      u.apply(cache, new Dispatch(f.event(), 0, "s", -1, f.d().copy()), out);
      events.addAll(out.events());
      unheard += out.unheard();
    }
    return new Replay(cache, events, unheard);
  }

  private static List<String> rendered(List<StateEvent> events) {
    List<String> out = new ArrayList<>();
    for (StateEvent e : events) {
      out.add(e.name() + " " + e.guild() + " " + e.body().encode());
    }
    return out;
  }

  @Test
  void unheardEventsAreNotBuiltAndChangeNothingElse() {
    Replay all = replay(name -> true);
    Replay some = replay(name -> !UNHEARD.contains(name));
    assertEquals(all.cache().dump(), some.cache().dump(), "the cache is the same");
    List<StateEvent> heard = new ArrayList<>();
    int built = 0;
    for (StateEvent e : all.events()) {
      if (UNHEARD.contains(e.name())) {
        built++;
      } else {
        heard.add(e);
      }
    }
    assertTrue(built >= 5, "the session has member, presence and reaction events: " + built);
    assertEquals(rendered(heard), rendered(some.events()), "the heard events are the same, in order");
    assertTrue(some.events().stream().noneMatch(e -> UNHEARD.contains(e.name())), "no unheard event is built");
    assertEquals(0, all.unheard());
    assertTrue(some.unheard() >= built, "each event not built counts: " + some.unheard() + " for " + built
        + " that would have been published");
  }

  @Test
  void withEventsOffNothingIsAskedOrCounted() {
    List<String> asked = new ArrayList<>();
    Emitter out = new Emitter(false, name -> {
      asked.add(name);
      return false;
    });
    assertEquals(false, out.wanted("PRESENCE_UPDATE"));
    assertEquals(List.of(), asked);
    assertEquals(0, out.unheard());
    Emitter on = new Emitter(true, name -> {
      asked.add(name);
      return false;
    });
    on.wanted("PRESENCE_UPDATE");
    on.wanted("PRESENCE_UPDATE");
    on.wanted("USER_UPDATE");
    assertEquals(List.of("PRESENCE_UPDATE", "USER_UPDATE"), asked, "the same name twice in a row is asked once");
    assertEquals(2, on.unheard());
  }
}
