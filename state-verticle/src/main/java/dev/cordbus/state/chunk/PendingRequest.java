package dev.cordbus.state.chunk;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.BitSet;

/** One member request waiting for its chunks (they may arrive in any order). */
final class PendingRequest {

  final Message<Object> message;
  final long guildId;
  final String nonce;
  long timer;
  int chunks;
  int chunkCount = -1;
  private final BitSet seen = new BitSet();
  private final JsonArray members = new JsonArray();
  private final JsonArray presences = new JsonArray();
  private final JsonArray notFound = new JsonArray();

  PendingRequest(Message<Object> message, long guildId, String nonce) {
    this.message = message;
    this.guildId = guildId;
    this.nonce = nonce;
  }

  void add(JsonObject chunk) {
    int index = chunk.getInteger("chunk_index", 0);
    if (seen.get(index)) {
      return;
    }
    seen.set(index);
    chunks++;
    chunkCount = chunk.getInteger("chunk_count", 1);
    chunk.getJsonArray("members", new JsonArray()).forEach(members::add);
    chunk.getJsonArray("presences", new JsonArray()).forEach(presences::add);
    chunk.getJsonArray("not_found", new JsonArray()).forEach(id -> notFound.add(String.valueOf(id)));
  }

  boolean complete() {
    return chunkCount >= 0 && chunks >= chunkCount;
  }

  JsonObject result() {
    return new JsonObject().put("guild_id", Long.toUnsignedString(guildId)).put("nonce", nonce)
        .put("chunk_count", chunkCount).put("members", members).put("presences", presences)
        .put("not_found", notFound);
  }
}
