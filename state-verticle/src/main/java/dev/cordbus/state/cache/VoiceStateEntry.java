package dev.cordbus.state.cache;

import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Interner;
import io.vertx.core.json.JsonObject;

/** A member's voice state in one guild: channel id, session id and the seven flags packed in a byte. */
public final class VoiceStateEntry {

  private static final String[] FLAGS =
      {"deaf", "mute", "self_deaf", "self_mute", "self_stream", "self_video", "suppress"};

  /** The voice channel. */
  public final long channelId;
  private final String sessionId;
  private final String requestToSpeak;
  private final byte bits;

  /** A voice state from a VOICE_STATE_UPDATE / GUILD_CREATE voice state object (with a channel). */
  public VoiceStateEntry(JsonObject v, Interner strings) {
    channelId = Ids.get(v, "channel_id");
    sessionId = v.getString("session_id");
    requestToSpeak = v.getValue("request_to_speak_timestamp") instanceof String s ? s : null;
    int b = 0;
    for (int i = 0; i < FLAGS.length; i++) {
      if (Boolean.TRUE.equals(v.getValue(FLAGS[i]))) {
        b |= 1 << i;
      }
    }
    bits = (byte) b;
  }

  /** The voice state as Discord's voice state object. */
  public JsonObject toJson(long guildId, long userId) {
    JsonObject o = new JsonObject()
        .put("guild_id", Ids.str(guildId))
        .put("channel_id", Ids.str(channelId))
        .put("user_id", Ids.str(userId))
        .put("session_id", sessionId);
    for (int i = 0; i < FLAGS.length; i++) {
      o.put(FLAGS[i], (bits & (1 << i)) != 0);
    }
    return o.put("request_to_speak_timestamp", requestToSpeak);
  }
}
