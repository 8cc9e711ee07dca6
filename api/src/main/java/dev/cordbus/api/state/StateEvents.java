package dev.cordbus.api.state;

/**
 * Names of the cache-aware events the state verticle publishes on {@code discord.state.<NAME>} after the cache was
 * updated.
 *
 * <p>Every body is {@code {guild_id?, before, after}}: creates have {@code before:null}, deletes carry the cached
 * object in {@code before} (null when it was not cached) and {@code after:null}, updates carry both. Delete events
 * also repeat the dispatch's ids ({@code id}, {@code ids}, {@code channel_id}, {@code user_id}). Dispatch-named
 * events (e.g. {@code MESSAGE_UPDATE}) use the gateway's name; the derived events below have their own.
 *
 * <p>Events that name who acted carry the user and member (issue 14), firing also when the target is not cached:
 * <ul>
 *   <li>{@code MESSAGE_REACTION_ADD / _REMOVE}: {@code {guild_id?, channel_id, message_id, user_id, emoji, burst,
 *   user, member, before, after}} ({@code user} cached, else the payload member's; {@code member} the payload's, else
 *   cached; null when unknown; {@code before/after} the cached message or null); {@code _REMOVE_EMOJI}: {@code
 *   {guild_id?, channel_id, message_id, emoji, before, after}}; {@code _REMOVE_ALL}: without {@code emoji}.</li>
 *   <li>{@code TYPING_START}: {@code {guild_id?, channel_id, user_id, timestamp, member?, user?}} (the payload member
 *   is cached first).</li>
 *   <li>{@code VOICE_STATE_UPDATE}: {@code {guild_id, before, after, member}}.</li>
 *   <li>{@code GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE}: {@code {guild_id, guild_scheduled_event_id, user_id, user?,
 *   member?, before, after}} (before/after: the scheduled event, null when not cached).</li>
 *   <li>{@link #THREAD_MEMBER_JOIN} / {@link #THREAD_MEMBER_LEAVE}, derived from THREAD_MEMBERS_UPDATE.</li>
 * </ul>
 *
 * <p>Typed: {@link StateKeys} has a key per state event and {@link StateBodies} its record, for
 * {@code CordbusClient.on(StateKeys.MESSAGE_UPDATE, e -> e.data().before())}.
 */
public final class StateEvents {

  /** A guild the bot was not in arrived (GUILD_CREATE for an id not in READY): {@code after} = the guild. */
  public static final String GUILD_JOIN = "GUILD_JOIN";
  /** A guild listed unavailable in READY (or down in an outage) came back: {@code after} = the guild. */
  public static final String GUILD_AVAILABLE = "GUILD_AVAILABLE";
  /** A guild went down (GUILD_DELETE unavailable, or an unavailable GUILD_CREATE stub): {@code before} = the guild. */
  public static final String GUILD_UNAVAILABLE = "GUILD_UNAVAILABLE";
  /** The bot left or was removed from a guild (GUILD_DELETE without unavailable): {@code before} = the guild. */
  public static final String GUILD_REMOVE = "GUILD_REMOVE";
  /** GUILD_BAN_ADD with the cached member: {@code {guild_id, user, before: member|null}}. */
  public static final String GUILD_MEMBER_BAN = "GUILD_MEMBER_BAN";
  /** Every guild of a shard's READY has arrived (or was reported unavailable): {@code {shard, guilds, unavailable}}. */
  public static final String SHARD_CACHE_READY = "SHARD_CACHE_READY";

  /**
   * A member joined a thread, derived from THREAD_MEMBERS_UPDATE (one per added member, cached thread or not):
   * {@code {guild_id, thread_id, user_id, member?, user?}} ({@code member} as the payload carried it, else cached).
   */
  public static final String THREAD_MEMBER_JOIN = "THREAD_MEMBER_JOIN";
  /**
   * A member left a thread, derived from THREAD_MEMBERS_UPDATE (one per removed member id): {@code {guild_id,
   * thread_id, user_id, member?, user?}} (both from the cache).
   */
  public static final String THREAD_MEMBER_LEAVE = "THREAD_MEMBER_LEAVE";

  private StateEvents() {
  }
}
