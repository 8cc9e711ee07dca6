package dev.cordbus.gateway.cluster;

/**
 * A group's lease as stored in the cluster map: who holds it, the claim number, and until when (wall clock ms).
 * Stored as a string ({@code owner;epoch;expiresAt}) so compare-and-set compares exact values. Pure.
 *
 * @param owner the holding verticle: {@code <vertx node id>/<deployment instance>}
 * @param epoch incremented on every claim (not on renewal)
 * @param expiresAtMs wall-clock ms after which the holder no longer sends on the group's sockets
 */
public record Lease(String owner, long epoch, long expiresAtMs) {

  /** Parses {@link #encode()}'s form; null for null or a malformed value (treated as free). */
  public static Lease decode(String s) {
    if (s == null) {
      return null;
    }
    int a = s.lastIndexOf(';');
    int b = a <= 0 ? -1 : s.lastIndexOf(';', a - 1);
    if (b <= 0) {
      return null;
    }
    try {
      return new Lease(s.substring(0, b), Long.parseLong(s.substring(b + 1, a)), Long.parseLong(s.substring(a + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public String encode() {
    return owner + ";" + epoch + ";" + expiresAtMs;
  }

  /**
   * Whether another verticle may take this lease at {@code nowMs}: only once it expired more than {@code skewMs}
   * ago, so the holder (whose own deadline is never later than {@code expiresAtMs}) has already stopped sending.
   */
  public boolean claimable(long nowMs, long skewMs) {
    return nowMs > expiresAtMs + skewMs;
  }

  /** The Vert.x node id of the holder (the part of {@link #owner} before the last {@code /}). */
  public String node() {
    int slash = owner.lastIndexOf('/');
    return slash < 0 ? owner : owner.substring(0, slash);
  }

  /** The same lease extended to {@code expiresAtMs}. */
  public Lease renewed(long expiresAtMs) {
    return new Lease(owner, epoch, expiresAtMs);
  }

  /** A new claim of this (expired) lease by {@code newOwner}. */
  public Lease takenBy(String newOwner, long expiresAtMs) {
    return new Lease(newOwner, epoch + 1, expiresAtMs);
  }

  /**
   * Whether {@code owner} may take a group whose lease is {@code current} (null: none): no lease, an expired one,
   * its own (a renewal that landed after it gave up: nobody else can hold it), or one whose holder's node left the
   * cluster (the holder is dead or cut off, and a node cut off from the majority gives its groups up by itself).
   */
  public static boolean freeFor(Lease current, String owner, long nowMs, long skewMs,
      java.util.Collection<String> members) {
    return current == null || current.claimable(nowMs, skewMs) || current.owner().equals(owner)
        || !members.contains(current.node());
  }

  /** The previous holder of a claimed group, for the log: none, its owner, and why it was free. */
  public static String describe(Lease current, long nowMs, long skewMs, java.util.Collection<String> members) {
    if (current == null) {
      return "none";
    }
    return current.owner() + (current.claimable(nowMs, skewMs) ? ", expired"
        : members.contains(current.node()) ? "" : ", no longer a cluster member");
  }
}
