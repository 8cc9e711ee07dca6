package dev.cordbus.simulator.world;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonObject;

/**
 * A pool of generated users that are never stored: user {@code i}'s id, name and avatar are computed from the seed.
 * Ids are snowflakes minted {@link #SPACING_MS} ms apart from {@link #BASE_MS}, so an id maps back to its index.
 */
public final class GeneratedUsers {

  /** Unix ms of the first generated user (2016-01-01). */
  public static final long BASE_MS = 1_451_606_400_000L;
  /** Ms between two generated user ids. */
  public static final long SPACING_MS = 1009L;

  private final long seed;
  private final int size;
  private final int low22;

  public GeneratedUsers(long seed, int size) {
    this.seed = seed;
    this.size = size;
    this.low22 = (int) (Names.mix(seed) & 0x1FFFF) | (1 << 17);
  }

  /** Number of users in the pool. */
  public int size() {
    return size;
  }

  /** The id of user {@code index}. */
  public long id(int index) {
    return Snowflakes.of(BASE_MS + index * SPACING_MS, low22);
  }

  /** The index of a generated user id, or -1 if the id is not one of this pool. */
  public int indexOf(long id) {
    if ((id & 0x3FFFFF) != low22) {
      return -1;
    }
    long d = Snowflakes.timestamp(id) - BASE_MS;
    if (d < 0 || d % SPACING_MS != 0 || d / SPACING_MS >= size) {
      return -1;
    }
    return (int) (d / SPACING_MS);
  }

  /** The user object of user {@code index}. */
  public JsonObject render(int index) {
    long id = id(index);
    boolean hasAvatar = Names.pick(seed, index, 4) != 0;
    return new JsonObject()
        .put("id", Snowflakes.format(id))
        .put("username", Names.username(seed, index))
        .put("discriminator", "0")
        .put("global_name", Names.displayName(seed, index))
        .put("avatar", hasAvatar ? Names.hex32(seed, index) : null)
        .put("public_flags", 0);
  }

  /** The username of user {@code index} (cheap; for member queries). */
  public String username(int index) {
    return Names.username(seed, index);
  }
}
