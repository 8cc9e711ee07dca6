package dev.cordbus.simulator.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds GUILD_MEMBERS_CHUNK payloads (GATEWAY.md §11). Pure. */
public final class MemberChunks {

  /** Longest nonce Discord keeps (bytes); longer ones are dropped. */
  public static final int MAX_NONCE_BYTES = 32;

  private MemberChunks() {
  }

  /** The nonce to echo: strings of at most 32 UTF-8 bytes, else {@code null}. */
  public static String nonce(Object raw) {
    if (raw instanceof String s && s.getBytes(StandardCharsets.UTF_8).length <= MAX_NONCE_BYTES) {
      return s;
    }
    return null;
  }

  /**
   * Splits members (and their presences, or {@code null}) into chunks of at most {@code chunkSize}; always at least
   * one chunk. {@code notFound} goes into the first chunk when not empty.
   */
  public static List<JsonObject> chunks(String guildId, List<JsonObject> members, List<JsonObject> presences,
      JsonArray notFound, String nonce, int chunkSize) {
    int count = Math.max(1, (members.size() + chunkSize - 1) / chunkSize);
    List<JsonObject> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int from = i * chunkSize;
      int to = Math.min(members.size(), from + chunkSize);
      JsonArray ms = new JsonArray();
      for (int k = from; k < to; k++) {
        ms.add(members.get(k));
      }
      JsonObject d = new JsonObject().put("guild_id", guildId).put("members", ms).put("chunk_index", i)
          .put("chunk_count", count);
      if (i == 0 && notFound != null && !notFound.isEmpty()) {
        d.put("not_found", notFound);
      }
      if (presences != null) {
        JsonArray ps = new JsonArray();
        for (int k = from; k < to; k++) {
          if (presences.get(k) != null) {
            ps.add(presences.get(k));
          }
        }
        d.put("presences", ps);
      }
      if (nonce != null) {
        d.put("nonce", nonce);
      }
      out.add(d);
    }
    return out;
  }
}
