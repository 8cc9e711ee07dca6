package dev.cordbus.bench;

import dev.cordbus.api.Intent;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.requests.GatewayIntent;

/** The intents every client identifies with, so that all of them receive the same stream. */
final class BenchIntents {

  static final List<Intent> CORDBUS = List.of(Intent.GUILDS, Intent.GUILD_MEMBERS, Intent.GUILD_PRESENCES,
      Intent.GUILD_MESSAGES, Intent.GUILD_MESSAGE_REACTIONS, Intent.MESSAGE_CONTENT);

  static final EnumSet<GatewayIntent> JDA = EnumSet.of(GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_PRESENCES,
      GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.MESSAGE_CONTENT);

  private BenchIntents() {
  }

  static int mask() {
    int m = 0;
    for (Intent i : CORDBUS) {
      m |= i.bit();
    }
    return m;
  }
}
