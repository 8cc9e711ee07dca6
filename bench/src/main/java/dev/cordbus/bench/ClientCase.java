package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;

/** One client under test (cordbus gateway, gateway + state, JDA, or the bare frame counter). */
public interface ClientCase {

  /** Where and how to connect. The token is only held here and never printed. */
  record Spec(String compression, String restBaseUrl, String gatewayUrl, String token, int guilds, int members) {
    @Override
    public String toString() {
      return "Spec[" + compression + ", " + restBaseUrl + ", " + gatewayUrl + ", " + guilds + "x" + members + "]";
    }
  }

  /** Connects; completes once READY and every GUILD_CREATE were handled (and cached, where the case caches). */
  CompletableFuture<Void> start(Spec spec, Counter counter);

  /** {@code {guilds, members}} as cached by the client, or an empty object when it caches nothing. */
  JsonObject cached() throws Exception;

  /** Case-specific figures added to the result (latency percentiles...); empty by default. */
  default JsonObject extra() {
    return new JsonObject();
  }

  /**
   * Called once the warm-up phase has been handled (the client idle): a latency case measures only what it receives
   * from now on (and has its other nodes do the same). Nothing by default.
   */
  default void mark() {
  }

  /** Disconnects, bounded. */
  void stop() throws Exception;
}
