package dev.cordbus.simulator.world;

import java.util.HashMap;
import java.util.Map;

/**
 * The interactions the world has seen (INTERACTION_CREATE, from a scenario or REST's tests), so REST can answer
 * their callback once and their follow-ups through the interaction webhook. Callers hold the world's lock.
 */
public final class Interactions {

  /** Lifecycle of an interaction the bot must answer. */
  public enum State {
    /** Created, not answered yet. */
    PENDING,
    /** Answered once; the token works for follow-ups. */
    ACKNOWLEDGED
  }

  /** One interaction: who triggered it where, and how far the bot answered it. */
  public static final class Interaction {
    public final String id;
    public final String token;
    public final String channelId;
    public final String guildId;
    public final String userId;
    /** Changed by REST's callback route. */
    public State state = State.PENDING;
    /** The message the callback created, or {@code null}. */
    public String originalMessageId;

    Interaction(String id, String token, String channelId, String guildId, String userId) {
      this.id = id;
      this.token = token;
      this.channelId = channelId;
      this.guildId = guildId;
      this.userId = userId;
    }
  }

  private final Map<String, Interaction> byId = new HashMap<>();
  private final Map<String, Interaction> byToken = new HashMap<>();

  /** Registers an interaction unless its id is known already. */
  public void register(String id, String token, String channelId, String guildId, String userId) {
    if (id == null || token == null || byId.containsKey(id)) {
      return;
    }
    Interaction interaction = new Interaction(id, token, channelId, guildId, userId);
    byId.put(id, interaction);
    byToken.put(token, interaction);
  }

  /** The interaction with this id, or {@code null}. */
  public Interaction byId(String id) {
    return byId.get(id);
  }

  /** The interaction with this token, or {@code null}. */
  public Interaction byToken(String token) {
    return byToken.get(token);
  }
}
