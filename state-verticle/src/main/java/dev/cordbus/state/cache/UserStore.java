package dev.cordbus.state.cache;

import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.IdMap;
import io.vertx.core.json.JsonObject;

/**
 * Every cached user, once. Members acquire a reference to their user and release it when removed; a user nobody
 * references any more is dropped, so leaving a guild frees its users.
 */
public final class UserStore {

  private final IdMap<UserEntry> users = new IdMap<>(u -> u.id, 1024);
  /** The bot's user (READY / USER_UPDATE), or null before READY. */
  private UserEntry self;

  /** An empty store. */
  public UserStore() {
  }

  /** The user, or null. */
  public UserEntry get(long id) {
    return users.get(id);
  }

  /**
   * Upserts a user object (merging present keys) and takes a reference on it. Returns null when the object has
   * no valid id.
   */
  public UserEntry acquire(JsonObject user) {
    return user == null ? null : acquire(UserPatch.of(user));
  }

  /** Upserts a user (merging present keys) and takes a reference on it; null when it has no valid id. */
  public UserEntry acquire(UserPatch user) {
    long id = user.id;
    if (id == 0) {
      return null;
    }
    UserEntry u = users.get(id);
    if (u == null) {
      u = new UserEntry(id);
      users.put(u);
    }
    u.apply(user);
    u.refs++;
    return u;
  }

  /** Merges fields into an already cached user (no new reference); returns it or null when not cached. */
  public UserEntry update(JsonObject user) {
    UserEntry u = users.get(Ids.get(user, "id"));
    if (u != null) {
      u.apply(UserPatch.of(user));
    }
    return u;
  }

  /** Merges fields into an already cached user (no new reference); returns it or null when not cached. */
  public UserEntry update(UserPatch user) {
    UserEntry u = user == null ? null : users.get(user.id);
    if (u != null) {
      u.apply(user);
    }
    return u;
  }

  /** Drops a reference; the user is removed when none is left. */
  public void release(UserEntry u) {
    if (u != null && --u.refs <= 0) {
      users.remove(u.id);
    }
  }

  /** The bot's user, or null before READY. */
  public UserEntry self() {
    return self;
  }

  /** Replaces the bot user (READY / USER_UPDATE); returns the previous one or null. */
  public UserEntry self(JsonObject user) {
    UserEntry previous = self;
    UserEntry u = acquire(user);
    if (self != null) {
      release(self);
    }
    self = u;
    return previous;
  }

  /** Whether {@code userId} is the bot. */
  public boolean isSelf(long userId) {
    return self != null && self.id == userId;
  }

  /** Number of cached users. */
  public int size() {
    return users.size();
  }

  /** Removes every user. */
  public void clear() {
    users.clear();
  }
}
