package io.siodoctor.rules.signals;

import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.rules.api.Incident;
import java.util.Optional;

/**
 * Which Socket.IO server implementation the inputs show, for fixes written in its own settings:
 * a fix in Node's words is the wrong first line for a Java or Python server.
 */
public final class ServerStacks {
  private ServerStacks() {}

  /**
   * Whether the Socket.IO server is netty-socketio: its answers name it in {@code Server}
   * ({@code netty-socketio/2.0.13}; EncoderHandler adds it next to the CORS headers), or an input
   * is its own log.
   */
  public static boolean nettySocketIo(Incident incident) {
    for (HttpExchange x : incident.engineIoExchanges()) {
      Optional<String> server = x.responseHeader("Server");
      if (server.isPresent() && server.get().regionMatches(true, 0, "netty-socketio", 0, 14)) {
        return true;
      }
    }
    return hasLog(incident, LogFormat.NETTY_SOCKETIO);
  }

  private static boolean hasLog(Incident incident, LogFormat format) {
    for (InputSummary in : incident.inputs()) {
      if (format.id().equals(in.format())) {
        return true;
      }
    }
    return false;
  }
}
