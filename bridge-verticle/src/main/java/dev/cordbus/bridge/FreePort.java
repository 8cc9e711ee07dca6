package dev.cordbus.bridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a free TCP port on a host by binding port 0 and closing it, for a TCP bridge configured with port 0 (tests):
 * Vert.x's {@code TcpEventBusBridge} does not expose the port it bound. It binds a socket, so it runs off the event
 * loop ({@code executeBlocking}); arch-tests names this class as the bridge's one allowed blocking call.
 */
final class FreePort {

  private FreePort() {
  }

  /** A port that was free on {@code host} a moment ago. */
  static int on(String host) throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return s.getLocalPort();
    }
  }
}
