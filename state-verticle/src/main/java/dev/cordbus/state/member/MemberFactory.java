package dev.cordbus.state.member;

import io.vertx.core.json.JsonObject;

/** Creates member entries bound to a shared user (the constructor is package-private). */
public final class MemberFactory {

  private MemberFactory() {
  }

  /** A new member of the user {@code user} (acquired from the store). */
  public static MemberEntry create(UserStore users, JsonObject user) {
    return new MemberEntry(users.acquire(user));
  }
}
