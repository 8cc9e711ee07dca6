package dev.cordbus.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The secrets a bridge accepts: the shared secret and the per-client tokens, each kept only as its SHA-256 digest.
 * A presented value is hashed and compared with every digest in constant time ({@link MessageDigest#isEqual} on
 * 32 bytes, no early exit), so neither its content nor its length leaks through timing. Never printed.
 */
final class Credentials {

  /** What a presented secret matched. */
  enum Outcome {
    /** The shared secret or a client token. */
    MATCH,
    /** No secret header, or an empty one. */
    MISSING,
    /** A value that matches nothing. */
    MISMATCH
  }

  /** One accepted secret: who it belongs to and its digest. */
  private record Entry(String name, byte[] digest) {
  }

  private final List<Entry> entries;

  /** Credentials of the shared {@code secret} (may be null) and the client tokens by client name. */
  Credentials(String secret, Map<String, String> clientTokens) {
    List<Entry> all = new ArrayList<>();
    if (secret != null) {
      all.add(new Entry("shared secret", sha256(secret)));
    }
    clientTokens.forEach((name, token) -> all.add(new Entry(name, sha256(token))));
    this.entries = List.copyOf(all);
  }

  /** Whether any secret is configured. */
  boolean any() {
    return !entries.isEmpty();
  }

  /** Checks the header value {@code given} (anything a client put there). */
  Outcome check(Object given) {
    if (!(given instanceof String s) || s.isEmpty()) {
      return Outcome.MISSING;
    }
    byte[] digest = sha256(s);
    boolean matched = false;
    for (Entry e : entries) {
      matched |= MessageDigest.isEqual(e.digest, digest);
    }
    return matched ? Outcome.MATCH : Outcome.MISMATCH;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "Credentials{" + entries.size() + " secret(s)}";
  }
}
