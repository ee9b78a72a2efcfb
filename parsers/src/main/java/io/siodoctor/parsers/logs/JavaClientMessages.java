package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;

/**
 * Recognises the log messages of the Java client (io.socket:socket.io-client 2.x and
 * io.socket:engine.io-client 2.x, {@code java.util.logging} at FINE): texts from the 2.1.1 / 2.1.0
 * class files. They resemble the JS client's debug messages with single quotes and without them
 * around the close reason. States what a message says; prefix tests only.
 */
final class JavaClientMessages {
  /** socket.io-client-java's connect_error text for a v2 server (a v3+ client cannot talk to it). */
  static final String V2_SERVER = "It seems you are trying to reach a Socket.IO server in v2.x";

  private JavaClientMessages() {}

  static boolean recognise(String m, EngineIoMessages.Result r) {
    r.reset();
    if (m.startsWith("socket close with reason: ")) {
      r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(m.substring(26).trim()), null);
      return true;
    }
    if (m.startsWith("socket received: type '")) {
      if (m.startsWith("ping'", 23)) {
        r.set(LogEvent.PING_RECEIVED, LogFact.NONE, null);
      } else if (m.startsWith("pong'", 23)) {
        r.set(LogEvent.PONG_RECEIVED, LogFact.NONE, null);
      } else {
        r.set(LogEvent.OTHER, LogFact.NONE, m.startsWith("open'", 23) ? LogUrls.sidInOpenPacket(m) : null);
      }
      return true;
    }
    if (m.startsWith("probe transport ") && m.contains(" failed")) {
      r.set(LogEvent.UPGRADE_INCOMPLETE, new LogFact.UpgradeAbandoned(false, m), null);
      return true;
    }
    if (m.equals("xhr poll error") || m.equals("xhr post error") || m.equals("websocket error")
        || m.startsWith("socket error ")) {
      r.set(LogEvent.TRANSPORT_ERROR, m, null);
      return true;
    }
    if (m.startsWith("connect attempt timed out after ")) {
      r.set(LogEvent.CLIENT_CONNECT_ERROR, LogFact.ConnectFailed.TIMED_OUT, null);
      return true;
    }
    if (m.equals("reconnect attempt error") || m.equals("reconnect failed")) {
      r.set(LogEvent.CLIENT_CONNECT_ERROR, LogFact.NONE, null);
      return true;
    }
    if (m.startsWith("close (") && m.endsWith(")")) {
      r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(m.substring(7, m.length() - 1)), null);
      return true;
    }
    if (m.startsWith("server disconnect (")) {
      r.set(LogEvent.CLOSED, LogFact.SessionClosed.because(CloseReason.IO_SERVER_DISCONNECT), null);
      return true;
    }
    int v2 = m.indexOf(V2_SERVER);
    if (v2 >= 0) {
      r.set(LogEvent.CLIENT_CONNECT_ERROR, LogFact.ConnectFailed.SERVER_IS_V2, null);
      return true;
    }
    return false;
  }
}
