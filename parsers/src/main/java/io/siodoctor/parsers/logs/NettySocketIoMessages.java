package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;

/**
 * Recognises the log messages of netty-socketio servers (com.corundumstudio.socketio 1.7.x and
 * 2.0.x, through slf4j): the text after the logger name. Phrases from the 1.7.19 and 2.0.13 class
 * files (AuthorizeHandler, PollingTransport, WebSocketTransport, ClientHead, WrongUrlHandler,
 * InPacketHandler, SocketIOServer), recorded in {@code sample-captures/*netty*}, and the messages of
 * netty's own exceptions that netty-socketio's DefaultExceptionListener logs. Session ids are UUIDs.
 *
 * <p>It states what a message says, never why; prefix and indexOf tests only, no regex.
 */
final class NettySocketIoMessages {
  /** A Socket.IO DISCONNECT the server sent: engine.io's words for the same close. */
  static final LogFact SERVER_DISCONNECT = LogFact.SessionClosed.because(CloseReason.SERVER_NAMESPACE_DISCONNECT);

  private NettySocketIoMessages() {}

  /** Whether it recognised the message; {@code r} then holds the event, fact and sid. */
  static boolean recognise(String m, EngineIoMessages.Result r) {
    r.reset();
    if (m.startsWith("Handshake authorized for sessionId: ")) {
      r.set(LogEvent.HANDSHAKE, LogFact.NONE, uuidAt(m, 36));
      return true;
    }
    if (m.startsWith("Handshake unauthorized")) {
      // the AuthorizationListener said no: 401 to the handshake
      r.set(LogEvent.CONNECT_ERROR_SENT, "handshake unauthorized", null);
      return true;
    }
    if (m.startsWith("Unauthorized client with sessionId: ")) {
      // a WebSocket for a sid this node does not know
      r.set(LogEvent.UNKNOWN_SID, LogFact.NONE, uuidAt(m, 36));
      return true;
    }
    int notRegistered = m.indexOf(" is not registered. Closing connection");
    if (notRegistered > 0) {
      // a polling request for a sid this node does not know: answered 500
      r.set(LogEvent.UNKNOWN_SID, LogFact.NONE, uuidAt(m, 0));
      return true;
    }
    if (m.startsWith("Blocked wrong socket.io-context request! url: ")) {
      String url = EngineIoMessages.word(m, m.indexOf("url: ") + 5);
      r.set(LogEvent.WRONG_PATH, url == null ? LogFact.NONE : new LogFact.BlockedUrl(url), null);
      return true;
    }
    if (m.endsWith(" removed due to ping timeout")) {
      r.set(LogEvent.CLOSED, LogFact.SessionClosed.because(CloseReason.PING_TIMEOUT), uuidAt(m, 0));
      return true;
    }
    if (m.startsWith("Transport upgraded to: ")) {
      int f = m.indexOf(" for: ");
      r.set(LogEvent.UPGRADE_DONE, LogFact.NONE, f < 0 ? null : uuidAt(m, f + 6));
      return true;
    }
    if (m.startsWith("client did not complete upgrade")) {
      r.set(LogEvent.UPGRADE_INCOMPLETE, LogFact.UpgradeAbandoned.of(m.substring(m.indexOf('-') + 1).trim()), null);
      return true;
    }
    if (m.startsWith("Unknown transport for request") || m.startsWith("Unsupported transport for request")
        || m.startsWith("Got no transports for request") || m.endsWith(" transport not supported by configuration.")) {
      r.set(LogEvent.UNKNOWN_TRANSPORT, LogFact.NONE, null);
      return true;
    }
    if (m.startsWith("Can't find namespace for endpoint: ")) {
      int comma = m.indexOf(", sessionId: ", 35);
      r.set(LogEvent.NAMESPACE_DENIED, comma < 0 ? LogFact.NONE : new LogFact.NamespaceRefused(m.substring(35, comma)),
          comma < 0 ? null : uuidAt(m, comma + 13));
      return true;
    }
    // netty's own size limits, as DefaultExceptionListener.exceptionCaught logs the exception's
    // message at error (1.7.19 and 2.0.13 alike):
    // WebSocket08FrameDecoder refusing a frame above maxFramePayloadLength ("Max frame length of
    // 65536 has been exceeded.", netty 3 to 4.1), the frame aggregator a fragmented message above it
    // ("content length exceeded 65536 bytes.", MessageAggregator); the stack trace's own line
    // starts with the exception's class and is not read as a second one
    if (m.startsWith("Max frame length of ") && m.contains(" has been exceeded")) {
      r.set(LogEvent.PAYLOAD_TOO_LARGE, m.substring(0, m.indexOf(" has been exceeded")), null);
      return true;
    }
    if (m.startsWith("content length exceeded ")) {
      r.set(LogEvent.PAYLOAD_TOO_LARGE, m.endsWith(".") ? m.substring(0, m.length() - 1) : m, null);
      return true;
    }
    // an I/O exception on a channel, as DefaultExceptionListener logs its message at error: the
    // peer, or something on the way, reset the TCP connection (ECONNRESET)
    if (connectionReset(m)) {
      r.set(LogEvent.TRANSPORT_ERROR, new LogFact.Errno(LogFact.Errno.ECONNRESET, m), null);
      return true;
    }
    // EncoderHandler at trace: every packet sent, "Out message: 41 sessionId: <uuid>" on a
    // WebSocket, "Out message: <payload> - sessionId: <uuid>" over polling. A Socket.IO DISCONNECT
    // among them is the server closing the namespace (NettySocketIoLogParser sets aside the one
    // WebSocketTransport sends after the client's WebSocket is already gone)
    if (m.startsWith("Out message: ")) {
      int k = m.lastIndexOf("sessionId: ");
      String sid = k < 0 ? null : uuidAt(m, k + 11);
      int end = k < 0 ? m.length() : k;
      while (end > 13 && (m.charAt(end - 1) == ' ' || m.charAt(end - 1) == '-')) {
        end--;
      }
      boolean disconnect = carriesDisconnect(m, 13, end);
      r.set(disconnect ? LogEvent.CLOSED : LogEvent.OTHER, disconnect ? SERVER_DISCONNECT : LogFact.NONE, sid);
      return true;
    }
    // the server's own lifecycle (SocketIOServer.start()/stop(), both 1.7.x and 2.0.x)
    if (m.startsWith("SocketIO server started at port: ")) {
      r.set(LogEvent.SERVER_STARTED, LogFact.NONE, null);
      return true;
    }
    if (m.equals("SocketIO server stopped")) {
      r.set(LogEvent.SERVER_STOPPED, LogFact.NONE, null);
      return true;
    }
    // lines that only name a session: "Client with sessionId: <uuid> disconnected", "channel
    // inactive <uuid>", "Out message: ... sessionId: <uuid>", "binding channel ..."
    int k = m.indexOf("sessionId: ");
    String sid = k >= 0 ? uuidAt(m, k + 11) : null;
    if (sid == null && m.startsWith("channel inactive ")) {
      sid = uuidAt(m, 17);
    }
    if (sid != null) {
      r.set(LogEvent.OTHER, LogFact.NONE, sid);
      return true;
    }
    return false;
  }

  /**
   * Whether the message is a connection reset as netty reports it: {@code Connection reset} (the
   * JDK's NIO transport), {@code recvAddress(..) failed: Connection reset by peer} (netty's native
   * epoll transport). The stack trace's first line names the exception's class before its message
   * ({@code java.net.SocketException: Connection reset}) and is not one.
   */
  static boolean connectionReset(String m) {
    if (m.startsWith("Connection reset")) {
      return true;
    }
    int failed = m.indexOf("(..) failed: Connection reset");
    return failed > 0 && m.indexOf(':') > failed;
  }

  /**
   * Whether the payload {@code m[from..to)} holds a Socket.IO DISCONNECT without data ({@code 41},
   * {@code 41/nsp,}): one packet, or several separated by revision 4's record separator, each
   * perhaps with revision 3's {@code <length>:} prefix.
   */
  static boolean carriesDisconnect(String m, int from, int to) {
    int start = from;
    while (start <= to) {
      int sep = m.indexOf('\u001e', start);
      int end = sep < 0 || sep > to ? to : sep;
      int p = start;
      while (p < end && Ascii.isDigit((byte) m.charAt(p))) {
        p++;
      }
      p = p > start && p < end && m.charAt(p) == ':' ? p + 1 : start;
      if (m.startsWith("41", p) && (end - p == 2 || (m.charAt(p + 2) == '/' && m.charAt(end - 1) == ','
          && m.indexOf(',', p) == end - 1))) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  /** The UUID at {@code at} (8-4-4-4-12 hex digits), or null. */
  static String uuidAt(String m, int at) {
    if (at < 0 || at + 36 > m.length()) {
      return null;
    }
    for (int i = 0; i < 36; i++) {
      char c = m.charAt(at + i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return null;
      }
    }
    return m.substring(at, at + 36);
  }
}
