package dev.cordbus.api.ops;

/**
 * Event-bus addresses of the operations layer (metrics, health, live console). Outside the {@code discord.} prefix,
 * so the bridges never expose them.
 */
public final class OpsAddresses {

  /**
   * Prefix of each node's status address, {@code cordbus.ops.status.<node id>} (request-reply, empty body): every node
   * that runs a cordbus verticle answers with its status ({@code node}, {@code sections} per verticle, {@code
   * errors}); a console gathers the whole cluster by asking each member.
   */
  public static final String STATUS_PREFIX = "cordbus.ops.status.";

  private OpsAddresses() {
  }

  /** The status address of node {@code nodeId}. */
  public static String status(String nodeId) {
    return STATUS_PREFIX + nodeId;
  }
}
