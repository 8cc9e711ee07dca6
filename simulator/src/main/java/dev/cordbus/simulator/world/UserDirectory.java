package dev.cordbus.simulator.world;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Every user of a world, by id: explicit user objects (fixtures, newcomers, users changed by events) over an
 * optional pool of {@link GeneratedUsers}. Members refer to users by id only, as Discord's own caches do.
 */
public final class UserDirectory {

  private final Map<Long, JsonObject> explicit = new HashMap<>();
  private final GeneratedUsers generated;

  public UserDirectory(GeneratedUsers generated) {
    this.generated = generated;
  }

  /** The generated pool, or {@code null}. */
  public GeneratedUsers generated() {
    return generated;
  }

  /** A copy of the user object, or a minimal {@code {id}} when the user is unknown. */
  public JsonObject user(long id) {
    JsonObject u = explicit.get(id);
    if (u != null) {
      return u.copy();
    }
    if (generated != null) {
      int i = generated.indexOf(id);
      if (i >= 0) {
        return generated.render(i);
      }
    }
    return new JsonObject().put("id", Snowflakes.format(id));
  }

  /** A copy of the user object, or {@code null} when the world does not know the user. */
  public JsonObject find(long id) {
    if (explicit.containsKey(id) || (generated != null && generated.indexOf(id) >= 0)) {
      return user(id);
    }
    return null;
  }

  /** The user's username, or {@code null} when unknown. */
  public String username(long id) {
    JsonObject u = explicit.get(id);
    if (u != null) {
      return u.getString("username");
    }
    if (generated != null) {
      int i = generated.indexOf(id);
      if (i >= 0) {
        return generated.username(i);
      }
    }
    return null;
  }

  /** Stores (or merges into the known user) a user object carrying at least {@code id}. */
  public void merge(JsonObject user) {
    if (user == null || user.getString("id") == null) {
      return;
    }
    long id = Snowflakes.parse(user.getString("id"));
    JsonObject base = user(id);
    base.mergeIn(user);
    explicit.put(id, base);
  }
}
