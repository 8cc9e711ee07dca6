package dev.cordbus.gateway.heartbeat;

/**
 * Zombie detection (GATEWAY.md §4.3): when the next heartbeat is due and no ACK arrived since the previous one, the
 * connection is dead and must be closed with a non-1000 code and resumed. Pure.
 */
public final class Zombie {

  private Zombie() {
  }

  /**
   * Whether a heartbeat tick finds a zombied connection.
   *
   * @param heartbeatsSent heartbeats sent on this connection so far (the first tick never finds a zombie)
   * @param ackedSinceLastBeat whether an op 11 arrived after the previous heartbeat
   */
  public static boolean isZombie(long heartbeatsSent, boolean ackedSinceLastBeat) {
    return heartbeatsSent > 0 && !ackedSinceLastBeat;
  }
}
