package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;

/**
 * Recognises the messages of python-engineio / python-socketio servers (and Flask-SocketIO, which
 * logs through them) with {@code logger=True, engineio_logger=True}: the text after any logging
 * prefix. Phrases from python-engineio 4.3 ({@code socket.py}, {@code server.py}, as recorded in
 * {@code sample-captures/*python*}) and from newer releases' sources (4.x {@code base_server.py},
 * {@code async_server.py}, {@code socket.py}), which kept them.
 *
 * <p>It states what a message says, never why; prefix tests only, no regex.
 */
final class PythonEngineIoMessages {
  /** python-engineio's check_ping_timeout close, in engine.io's words: the rules know them. */
  private static final LogFact PING_TIMEOUT = LogFact.SessionClosed.because(CloseReason.PING_TIMEOUT);
  /**
   * An Engine.IO CLOSE the server sent: python-engineio's {@code close()} without {@code abort}, the
   * server ending the session itself (its {@code disconnect(sid)}, a request it refused with an
   * EngineIOError, a long-poll left empty for a heartbeat window); engine.io's {@code forced close}.
   */
  private static final LogFact SERVER_CLOSE = LogFact.SessionClosed.because(CloseReason.FORCED_CLOSE);
  /** A Socket.IO DISCONNECT the server sent: engine.io's words for the same close. */
  private static final LogFact SERVER_DISCONNECT =
      LogFact.SessionClosed.because(CloseReason.SERVER_NAMESPACE_DISCONNECT);

  /**
   * A WebSocket whose end python-engineio did not log: it writes no line when the connection goes
   * away without a CLOSE packet (its receive loop just ends; the client, the network or its own abort
   * of an oversized frame), so only the HTTP server's access line marks it, without a reason.
   */
  private static final LogFact TRANSPORT_ENDED = LogFact.SessionClosed.because(CloseReason.UNEXPLAINED);
  /** The logger of aiohttp's access lines ({@code AccessLogger}), python-socketio's {@code async_mode='aiohttp'}. */
  static final String AIOHTTP_ACCESS = "aiohttp.access";

  private PythonEngineIoMessages() {}

  /** Whether it recognised the message; {@code r} then holds the event, fact and sid. */
  static boolean recognise(String m, EngineIoMessages.Result r) {
    r.reset();
    // "<sid>: Sending packet OPEN data {...}", "<sid>: Received packet PONG data ..."
    int colon = m.indexOf(": ");
    if (colon > 0 && colon <= 64 && isSid(m, 0, colon)) {
      String sid = m.substring(0, colon);
      return withSid(sid, m, colon + 2, r);
    }
    if (m.startsWith("Invalid session ")) {
      r.set(LogEvent.UNKNOWN_SID, LogFact.NONE, EngineIoMessages.word(m, 16));
      return true;
    }
    if (m.startsWith("Invalid transport for session ")) {
      // a request on another transport than the session's, without an Upgrade header
      r.set(LogEvent.TRANSPORT_MISMATCH, "invalid transport for session", EngineIoMessages.word(m, 30));
      return true;
    }
    if (m.startsWith("Invalid transport")) {
      r.set(LogEvent.UNKNOWN_TRANSPORT, LogFact.NONE, null);
      return true;
    }
    if (m.startsWith("Invalid websocket upgrade")) {
      // transport=websocket without "Upgrade: websocket": the header was lost on the way
      r.set(LogEvent.TRANSPORT_MISMATCH, "invalid websocket upgrade", null);
      return true;
    }
    if (m.startsWith("The client is using an unsupported version")) {
      r.set(LogEvent.UNSUPPORTED_PROTOCOL_VERSION, LogFact.NONE, null);
      return true;
    }
    if (m.startsWith("Application rejected connection")) {
      // the connect handler returned False at the Engine.IO level: 401 "Unauthorized"
      r.set(LogEvent.CONNECT_ERROR_SENT, "application rejected connection", null);
      return true;
    }
    if (m.startsWith("WebSocket transport not available")) {
      // no WebSocket library installed: the server offers polling only
      r.set(LogEvent.UPGRADE_UNAVAILABLE, LogFact.NONE, null);
      return true;
    }
    int origin = m.indexOf(" is not an accepted origin.");
    if (origin > 0) {
      r.set(LogEvent.ORIGIN_NOT_ACCEPTED, new LogFact.OriginRefused(m.substring(0, origin)), null);
      return true;
    }
    if (m.startsWith("Upgrade to websocket successful")) {
      r.set(LogEvent.UPGRADE_DONE, LogFact.NONE, null);
      return true;
    }
    if (m.startsWith("Client is gone, closing socket")) {
      // check_ping_timeout: no PONG within ping_timeout of the server's PING
      r.set(LogEvent.CLOSED, PING_TIMEOUT, null);
      return true;
    }
    return false;
  }

  /**
   * Whether {@code m}, written by python-engineio's logger, is its server starting or stopping;
   * {@code r} then holds the event. Asked only for lines whose logging prefix names the logger:
   * these are words an application could print too.
   */
  static boolean recogniseLifecycle(String m, EngineIoMessages.Result r) {
    r.reset();
    if (m.startsWith("Server initialized for ")) {
      // the Server's constructor ("Server initialized for aiohttp."): a process starting to serve
      r.set(LogEvent.SERVER_STARTED, LogFact.NONE, null);
      return true;
    }
    if (m.startsWith("service task canceled") || m.startsWith("event loop is closed, exiting service task")
        || m.startsWith("Socket.IO is shutting down")) {
      // the service task (ping-timeout checks) ends when the process shuts down: its event loop
      // cancels it, or stops (threading: SystemExit / KeyboardInterrupt); 4.9+'s shutdown() first
      r.set(LogEvent.SERVER_STOPPED, LogFact.NONE, null);
      return true;
    }
    return false;
  }

  /**
   * Whether {@code m}, a line of aiohttp's access logger ({@link #AIOHTTP_ACCESS}), is the access
   * line of an Engine.IO WebSocket ({@code "GET /socket.io/?EIO=4&transport=websocket&sid=… HTTP/1.1"
   * 101 …}); {@code r} then holds a CLOSED event with the sid of its URL (none for a WebSocket
   * opened without polling first). aiohttp writes a request's access line when its handler returns,
   * and python-engineio's WebSocket handler returns when the WebSocket has ended: the line's own
   * time is the end (the bracketed time in it is the request's start). Whether python-engineio
   * logged that end already is the caller's to know ({@link PythonSocketIoLogParser}).
   */
  static boolean recogniseWebSocketEnd(String m, EngineIoMessages.Result r) {
    r.reset();
    int open = m.indexOf('"');
    int close = open < 0 ? -1 : m.indexOf('"', open + 1);
    if (close < 0 || !m.startsWith(" 101 ", close + 1) && !(m.endsWith(" 101") && m.length() == close + 5)) {
      return false;
    }
    RequestLine request = RequestLine.of(m.substring(open + 1, close));
    io.siodoctor.parsers.engineio.EngineIoQuery q = LogUrls.query(request.url());
    if (!"GET".equals(request.method()) || q == null || !q.isWebSocket()) {
      return false;
    }
    r.set(LogEvent.CLOSED, TRANSPORT_ENDED, LogUrls.sidOf(q, request.url()));
    return true;
  }

  /**
   * Whether {@code m} is the client ending its session on purpose: an Engine.IO CLOSE it sent, or a
   * Socket.IO DISCONNECT of the main namespace ({@code <sid>: Received packet MESSAGE data 1}), after
   * which the client closes its transport.
   */
  static boolean clientEnds(String m) {
    int colon = m.indexOf(": Received packet ");
    if (colon <= 0 || !isSid(m, 0, colon)) {
      return false;
    }
    int type = colon + 18;
    return m.startsWith("CLOSE", type) || m.startsWith("MESSAGE data 1", type) && m.strip().length() == type + 14;
  }

  private static boolean withSid(String sid, String m, int at, EngineIoMessages.Result r) {
    if (m.startsWith("Sending packet ", at)) {
      int type = at + 15;
      if (m.startsWith("OPEN", type)) {
        // "OPEN data {'sid': '…', 'upgrades': ['websocket'], …}": the open packet, as JSON
        int brace = m.indexOf('{', type);
        r.set(LogEvent.HANDSHAKE, LogFact.HandshakeSent.of(brace < 0 ? null : pythonDictAsJson(m, brace)), sid);
      } else if (m.startsWith("PING", type)) {
        r.set(LogEvent.PING_SENT, LogFact.NONE, sid);
      } else if (m.startsWith("CLOSE", type)) {
        r.set(LogEvent.CLOSED, SERVER_CLOSE, sid);
      } else if (m.startsWith("MESSAGE data 4", type)) {
        // a Socket.IO CONNECT_ERROR inside the Engine.IO message: the connect handler said no
        // ("4{"message":"Connection rejected by server"}") or the namespace has no handlers
        // ("4/admin,"Unable to connect""); "44..." when the Engine.IO type is logged too
        int packet = m.startsWith("MESSAGE data 44", type) ? type + 14 : type + 13;
        r.set(LogEvent.CONNECT_ERROR_SENT, new LogFact.ConnectErrorSent(m.substring(packet)), sid);
      } else if (m.startsWith("MESSAGE data 1", type) && isDisconnect(m, type + 13)) {
        // a Socket.IO DISCONNECT to the client ("1", "1/admin,"): the application called
        // sio.disconnect(sid), engine.io's "server namespace disconnect"
        r.set(LogEvent.CLOSED, SERVER_DISCONNECT, sid);
      } else {
        r.set(LogEvent.OTHER, LogFact.NONE, sid);
      }
      return true;
    }
    if (m.startsWith("Received packet ", at)) {
      int type = at + 16;
      if (m.startsWith("PONG", type)) {
        r.set(LogEvent.PONG_RECEIVED, LogFact.NONE, sid);
      } else if (m.startsWith("PING", type)) {
        r.set(LogEvent.PING_RECEIVED, LogFact.NONE, sid);
      } else {
        r.set(LogEvent.OTHER, LogFact.NONE, sid);
      }
      return true;
    }
    if (m.startsWith("Upgrade to websocket successful", at)) {
      r.set(LogEvent.UPGRADE_DONE, LogFact.NONE, sid);
    } else if (m.startsWith("Client is gone, closing socket", at)) {
      // python-engineio's check_ping_timeout (socket.py / asyncio_socket.py): no PONG came within
      // ping_timeout of its PING, the same fact as engine.io's "ping timeout"
      r.set(LogEvent.CLOSED, PING_TIMEOUT, sid);
    } else if (m.startsWith("Failed websocket upgrade", at)) {
      r.set(LogEvent.UPGRADE_INCOMPLETE, new LogFact.UpgradeAbandoned(false, m.substring(at)), sid);
    } else if (m.startsWith("Received request to upgrade to ", at)) {
      r.set(LogEvent.UPGRADE_STARTED, m.substring(at + 31).trim(), sid);
    } else if (m.startsWith("Unexpected error", at)) {
      r.set(LogEvent.TRANSPORT_ERROR, m.substring(at), sid);
    } else {
      return false;
    }
    return true;
  }

  /**
   * The JSON of a python dict's repr of strings, numbers, lists and booleans ({@code {'sid': 'x',
   * 'upgrades': [], 'pingTimeout': 20000}}), from {@code from} to its closing brace; null when it
   * holds anything else (a double quote, nesting deeper than lists) or does not close.
   */
  static String pythonDictAsJson(String m, int from) {
    StringBuilder sb = new StringBuilder(m.length() - from);
    boolean inString = false;
    int depth = 0;
    for (int i = from; i < m.length(); i++) {
      char c = m.charAt(i);
      if (c == '"' || c == '\\') {
        return null;
      }
      if (c == '\'') {
        inString = !inString;
        sb.append('"');
        continue;
      }
      if (!inString) {
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
        } else if (m.startsWith("True", i) || m.startsWith("None", i)) {
          sb.append(m.startsWith("True", i) ? "true" : "null");
          i += 3;
          continue;
        } else if (m.startsWith("False", i)) {
          sb.append("false");
          i += 4;
          continue;
        }
      }
      sb.append(c);
      if (depth == 0) {
        return sb.toString();
      }
    }
    return null;
  }

  /**
   * Whether {@code m} from {@code at} is a Socket.IO DISCONNECT without payload: {@code 1}, or
   * {@code 1/nsp,} (a DISCONNECT with data is python-socketio's {@code always_connect} refusal).
   */
  private static boolean isDisconnect(String m, int at) {
    int end = m.length();
    while (end > at && m.charAt(end - 1) == ' ') {
      end--;
    }
    return end == at + 1 || (m.charAt(at + 1) == '/' && m.indexOf(',', at) == end - 1);
  }

  /** Whether {@code s[from..to)} looks like a session id (base64id, hex or uuid characters). */
  static boolean isSid(String s, int from, int to) {
    if (to - from < 8) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
