package dev.cordbus.gateway.close;

import dev.cordbus.api.Intent;
import java.util.List;

/** The one clear message logged and published when a fatal close code stops a shard. Pure. */
public final class FatalCloseMessages {

  private FatalCloseMessages() {
  }

  /**
   * What happened and what to do, for a fatal {@code code} on shard {@code [shard, shardCount]} that identified with
   * {@code intents}.
   */
  public static String message(CloseCode code, int shard, int shardCount, int intents, String serverReason) {
    String prefix = "shard " + shard + " stopped by close code " + code.code() + " (" + code.name() + ")"
        + (serverReason == null || serverReason.isBlank() ? "" : " '" + serverReason + "'") + ": ";
    return prefix + switch (code) {
      case AUTHENTICATION_FAILED -> "the bot token was rejected; check DISCORD_TOKEN";
      case INVALID_SHARD -> "shard [" + shard + ", " + shardCount + "] is invalid; check the shard ids ('shards') "
          + "and 'shardCount' (ids must be in [0, shardCount), large bots need a multiple Discord assigns)";
      case SHARDING_REQUIRED -> "sharding required: the bot is in too many guilds for " + shardCount
          + " shard(s); set shardCount to \"auto\" or a larger number";
      case INVALID_API_VERSION -> "the gateway refused API version v10; check gatewayUrl / the gateway version";
      case INVALID_INTENTS -> "the intents value " + intents + " is invalid"
          + undocumented(intents) + "; check 'intents'";
      case DISALLOWED_INTENTS -> "privileged intents " + privileged(intents) + " were requested but are not "
          + "enabled for this application: enable them in the Developer Portal (Bot > Privileged Gateway Intents) "
          + "or remove them from 'intents'";
      default -> code.description();
    };
  }

  /** Names of the privileged intents in {@code intents}. */
  public static List<String> privileged(int intents) {
    return Intent.of(intents & Intent.PRIVILEGED).stream().map(Enum::name).toList();
  }

  private static String undocumented(int intents) {
    int extra = intents & ~Intent.ALL;
    return extra == 0 ? " (" + Intent.of(intents) + ")" : " (undocumented bits " + extra + ")";
  }
}
