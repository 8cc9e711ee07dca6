package dev.cordbus.bridge;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLS of both bridges: a PEM private key and a PEM certificate chain ({@code {"keyPath": ..., "certPath": ...}}).
 * Absent means plain TCP and plain HTTP (the default, meant for loopback).
 */
public record TlsOptions(String keyPath, String certPath) {

  /** Parses the {@code tls} section (null when absent); both files must be readable. */
  static TlsOptions parse(Object section) {
    if (section == null || Boolean.FALSE.equals(section)) {
      return null;
    }
    if (!(section instanceof JsonObject j)) {
      throw config("tls: expected {\"keyPath\": ..., \"certPath\": ...} or false, got " + section);
    }
    return new TlsOptions(file(j, "keyPath"), file(j, "certPath"));
  }

  private static String file(JsonObject j, String key) {
    Object v = j.getValue(key);
    if (!(v instanceof String s) || s.isBlank()) {
      throw config("tls." + key + ": expected the path of a PEM file, got " + v);
    }
    if (!Files.isReadable(Path.of(s))) {
      throw config("tls." + key + ": cannot read " + s);
    }
    return s;
  }

  /** The key and certificate as Vert.x server options. */
  PemKeyCertOptions keyCert() {
    return new PemKeyCertOptions().setKeyPath(keyPath).setCertPath(certPath);
  }

  private static BridgeException config(String message) {
    return new BridgeException(BridgeException.Kind.CONFIG, message);
  }
}
