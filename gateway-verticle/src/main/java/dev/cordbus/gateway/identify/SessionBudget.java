package dev.cordbus.gateway.identify;

/**
 * Whether the daily session start budget ({@code session_start_limit} of {@code /gateway/bot}, GATEWAY.md §8) lets a
 * group identify its shards, and what to tell the operator when it does not. Pure.
 */
public final class SessionBudget {

  private SessionBudget() {
  }

  /**
   * A message for {@code discord.error} (kind {@code session-budget}) when {@code limit.remaining()} is below the
   * {@code needed} IDENTIFYs, else null. Used up: every IDENTIFY waits for {@code reset_after}; too low: the first
   * {@code remaining} shards identify now, the others wait.
   */
  public static String check(SessionStartLimit limit, int needed, String group) {
    if (needed <= 0 || limit.remaining() >= needed) {
      return null;
    }
    String reset = "resets in " + Math.max(0, limit.resetAfterMs() / 1000) + " s";
    if (limit.remaining() <= 0) {
      return "group '" + group + "': the daily session start budget is used up (session_start_limit 0 of "
          + limit.total() + " left, " + reset + "); its " + needed + " shard(s) wait for the reset before "
          + "identifying. Avoid restarts that drop sessions (keepSessionOnStop, a cluster keeps them)";
    }
    return "group '" + group + "': the daily session start budget is too low: " + limit.remaining() + " of "
        + limit.total() + " session starts left for " + needed + " shard(s) (" + reset + "); "
        + (needed - limit.remaining()) + " shard(s) wait for the reset before identifying";
  }
}
