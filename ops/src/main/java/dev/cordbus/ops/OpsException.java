package dev.cordbus.ops;

/** A bad {@code ops} configuration value; the message names the field and what to do. */
public final class OpsException extends RuntimeException {

  public OpsException(String message) {
    super(message);
  }
}
