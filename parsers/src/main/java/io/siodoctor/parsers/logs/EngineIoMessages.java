package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.record.ExhaustedResource;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;

/**
 * Recognises the debug messages of engine.io, socket.io, engine.io-client and socket.io-client
 * from their exact printf formats (domain notes §3.2); python-engineio's messages have their own
 * recogniser ({@link PythonEngineIoMessages}). It states what a message says (an event, its argument, the sid it
 * names), never why.
 *
 * <p>The hot path dispatches on the first character and then compares prefixes: no regex, and no
 * allocation unless the message names something.
 */
public final class EngineIoMessages {
  private EngineIoMessages() {}

  /** What a message says: its event, its fact ({@link LogFact#NONE} when none), the sid it names or null. */
  public record Recognition(LogEvent event, LogFact fact, String sid) {}

  /**
   * Mutable result of every producer's recogniser, reused per parser to keep the hot path
   * allocation-free.
   */
  static final class Result {
    LogEvent event = LogEvent.OTHER;
    LogFact fact = LogFact.NONE;
    String sid;

    void reset() {
      event = LogEvent.OTHER;
      fact = LogFact.NONE;
      sid = null;
    }

    Result set(LogEvent e, LogFact f, String s) {
      event = e;
      fact = f == null ? LogFact.NONE : f;
      sid = s;
      return this;
    }

    /** The event with the producer's words as its fact (shown, never compared). */
    Result set(LogEvent e, String detail, String s) {
      return set(e, LogFact.detail(detail), s);
    }
  }

  /**
   * The resource-exhaustion error a line names ({@code EMFILE}, {@code ENFILE}), or null: Node's
   * {@code Error: accept EMFILE}, {@code EMFILE: too many open files, open '...'}, and the C
   * library's {@code Too many open files} as other runtimes print it.
   */
  public static ExhaustedResource resourceExhausted(String text) {
    return resourceExhausted(MessageText.of(text), 3);
  }

  /** {@link #resourceExhausted(String)}, told which of 'y' (bit 1) and 'F' (bit 2) the text holds. */
  private static ExhaustedResource resourceExhausted(MessageText text, int yF) {
    if ((yF & 2) != 0 && text.contains("EMFILE", 2)) {
      return ExhaustedResource.EMFILE;
    }
    if ((yF & 2) != 0 && text.contains("ENFILE", 2)) {
      return ExhaustedResource.ENFILE;
    }
    if ((yF & 1) != 0 && text.contains("oo many open files", 6)) {
      return ExhaustedResource.EMFILE;
    }
    return null;
  }

  /** Recognises one debug message; {@code namespace} may be null (JSON or plain text logs). */
  public static Recognition recognise(String namespace, String message) {
    Result r = new Result();
    recognise(namespace, message, r);
    return new Recognition(r.event, r.fact, r.sid);
  }

  /**
   * Recognises one line of the {@code debug} module's output (the debug log parser's hot path):
   * {@link #recognise} plus what only that output shows: the open packet a server sends ({@code
   * sending packet "open" ({...})}), the framing of a written polling payload, and an application's
   * own line that looks like a debug namespace ({@code app Error: accept EMFILE}).
   */
  static void recogniseDebugLine(String ns, MessageText t, Result r) {
    recogniseDebugLine(ns, isLibrary(ns), t, r);
  }

  /** Whether a debug namespace is of the engine.io / socket.io families (which never print an errno). */
  static boolean isLibrary(String ns) {
    return ns.startsWith("engine") || ns.startsWith("socket.io");
  }

  /** {@link #recogniseDebugLine(String, MessageText, Result)}, told {@link #isLibrary} of the namespace. */
  static void recogniseDebugLine(String ns, boolean library, MessageText t, Result r) {
    recognise(ns, t, r);
    if (r.event == LogEvent.HTTP_REQUEST) {
      return;
    }
    char first = t.first();
    if (first == 's' && t.startsWith("sending packet \"open\" (") && t.endsWith(')')) {
      String m = t.string();
      r.set(LogEvent.OPEN_SENT, LogFact.HandshakeSent.of(m.substring(23, m.length() - 1)), r.sid);
    } else if (r.event == LogEvent.OTHER && first == 'w' && t.startsWith("writing \"") && ns.equals("engine:polling")) {
      ProtocolRevision framing = framingOf(t.string(), 9);
      r.set(LogEvent.PAYLOAD_WRITTEN, framing == null ? LogFact.NONE : new LogFact.PayloadWritten(framing), r.sid);
    } else if (r.event == LogEvent.OTHER && (first == 'w' || first == 'r') && ns.equals("engine:ws")) {
      connectPacket(t, r);
    } else if (r.event == LogEvent.OTHER && !library) {
      // the library's namespaces, the hot path, never print it
      ExhaustedResource exhausted = resourceExhausted(t, 3);
      if (exhausted != null) {
        r.set(LogEvent.RESOURCE_EXHAUSTED, new LogFact.ResourceExhausted(exhausted), r.sid);
        return;
      }
      LogEvent refused = ConnectionErrorLines.of(t);
      if (refused != null) {
        r.set(refused, LogFact.NONE, null);
      }
    }
  }

  /**
   * engine.io's {@code engine:ws writing "40…"} / {@code received "40…"}: a Socket.IO CONNECT packet
   * (Engine.IO message {@code 4}, Socket.IO CONNECT {@code 0}) on a WebSocket, kept as its Socket.IO
   * packet. Every other frame stays {@link LogEvent#OTHER}: a WebSocket session writes thousands.
   */
  private static void connectPacket(MessageText t, Result r) {
    int from;
    LogEvent event;
    if (t.startsWith("writing \"40")) {
      from = 10;
      event = LogEvent.CONNECT_PACKET_WRITTEN;
    } else if (t.startsWith("received \"40")) {
      from = 11;
      event = LogEvent.CONNECT_PACKET_RECEIVED;
    } else {
      return;
    }
    if (!t.endsWith('"')) {
      return;
    }
    String m = t.string();
    r.set(event, new LogFact.ConnectPacket(m.substring(from, m.length() - 1)), r.sid);
  }

  /**
   * Recognises a line of a debug log that is no debug line (the application's own output, a stack
   * trace): ws's {@code Max payload size exceeded}, a resource-exhaustion error, or engine.io's
   * {@code connection_error} as the application printed it ({@link ConnectionErrorLines}).
   */
  static void recogniseOutput(MessageText text, Result r) {
    r.reset();
    LogEvent refused = ConnectionErrorLines.of(text);
    if (refused != null) {
      r.set(refused, LogFact.NONE, null);
      return;
    }
    // each of the four texts holds a 'y' or an 'F' (one pass: most lines hold neither)
    int yF = text.occurring('y', 'F');
    if (yF == 0) {
      return;
    }
    if ((yF & 1) != 0 && text.contains("Max payload size exceeded", 6)) {
      r.set(LogEvent.PAYLOAD_TOO_LARGE, "Max payload size exceeded", null);
      return;
    }
    ExhaustedResource exhausted = resourceExhausted(text, yF);
    if (exhausted != null) {
      r.set(LogEvent.RESOURCE_EXHAUSTED, new LogFact.ResourceExhausted(exhausted), null);
    }
  }

  /**
   * The revision a written polling payload's framing proves, from its first bytes only (every
   * poll is logged, so no full decode here): {@code <digits>:} is a revision-3 length prefix, a
   * record separator is revision 4; null when it proves none.
   */
  static ProtocolRevision framingOf(String msg, int from) {
    int i = from;
    while (i < msg.length() && i - from < 10 && Character.isDigit(msg.charAt(i))) {
      i++;
    }
    if (i > from && i < msg.length() && msg.charAt(i) == ':') {
      return ProtocolRevision.EIO3;
    }
    return msg.indexOf('\u001e', from) >= 0 ? ProtocolRevision.EIO4 : null;
  }

  static void recognise(String ns, String m, Result r) {
    recognise(ns, MessageText.of(m), r);
  }

  /**
   * {@link #recognise(String, String, Result)} of a message held as text or as a line's bytes: the
   * dispatch (first character, prefixes) reads {@code t} as it is, and only a message that names
   * something is made a String ({@code m}) to take that from.
   */
  static void recognise(String ns, MessageText t, Result r) {
    r.reset();
    if (t.isEmpty()) {
      return;
    }
    String m;
    switch (t.first()) {
      case 'h':
        if (t.startsWith("handshaking client \"")) {
          r.set(LogEvent.HANDSHAKE, LogFact.NONE, quoted(t.string(), 19));
          return;
        }
        if (t.startsWith("handling \"")) {
          // handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=..&sid=.."
          m = t.string();
          String method = quoted(m, 9);
          int u = m.indexOf(" http request \"");
          String url = u < 0 ? null : quoted(m, u + 14);
          r.set(LogEvent.HTTP_REQUEST, method, LogUrls.sidOfUrl(url));
          return;
        }
        break;
      case 'u':
        if (t.startsWith("unknown sid \"")) {
          r.set(LogEvent.UNKNOWN_SID, LogFact.NONE, quoted(t.string(), 12));
          return;
        }
        if (t.startsWith("unknown transport \"")) {
          r.set(LogEvent.UNKNOWN_TRANSPORT, quoted(t.string(), 18), null);
          return;
        }
        if (t.startsWith("unsupported protocol version")) {
          r.set(LogEvent.UNSUPPORTED_PROTOCOL_VERSION, LogFact.NONE, null);
          return;
        }
        break;
      case 'b':
        if (t.startsWith("bad request: ")) {
          if (t.startsWith("unexpected transport without upgrade", 13)) {
            r.set(LogEvent.TRANSPORT_MISMATCH, LogFact.NONE, null);
          } else {
            r.set(LogEvent.BAD_REQUEST, t.string().substring(13), null);
          }
          return;
        }
        break;
      case 'i':
        if (t.startsWith("invalid transport upgrade")) {
          // a WebSocket request without Upgrade header and without sid: the header was lost on the way
          r.set(LogEvent.TRANSPORT_MISMATCH, "invalid transport upgrade", null);
          return;
        }
        if (t.startsWith("incoming connection with id ")) {
          r.set(LogEvent.OTHER, LogFact.NONE, word(t.string(), 28));
          return;
        }
        break;
      case 'o':
        if (t.startsWith("origin header invalid")) {
          r.set(LogEvent.BAD_REQUEST, "origin header invalid", null);
          return;
        }
        break;
      case 'e':
        if (t.startsWith("error while generating an id")) {
          r.set(LogEvent.BAD_REQUEST, "error while generating an id", null);
          return;
        }
        if (t.startsWith("error handshaking to transport \"")) {
          r.set(LogEvent.BAD_REQUEST, "error handshaking to transport " + quoted(t.string(), 31), null);
          return;
        }
        break;
      case 'm':
        if (t.startsWith("might upgrade socket transport from \"")) {
          // might upgrade socket transport from "polling" to "websocket"
          m = t.string();
          int to = m.indexOf(" to \"", 36);
          r.set(LogEvent.UPGRADE_STARTED, to < 0 ? null : quoted(m, to + 4), null);
          return;
        }
        if (t.startsWith("middleware error, sending CONNECT_ERROR")) {
          r.set(LogEvent.CONNECT_ERROR_SENT, LogFact.NONE, null);
          return;
        }
        break;
      case 'g':
        if (t.startsWith("got ")) {
          if (t.startsWith("got upgrade packet - upgrading", 0)) {
            r.set(LogEvent.UPGRADE_DONE, LogFact.NONE, null);
            return;
          }
          // exactly "got ping" / "got pong" (ASCII: as many bytes as characters)
          if (t.is("got ping")) {
            r.set(LogEvent.PING_RECEIVED, LogFact.NONE, null);
            return;
          }
          if (t.is("got pong")) {
            r.set(LogEvent.PONG_RECEIVED, LogFact.NONE, null);
            return;
          }
          if (t.is("got xhr close packet")) {
            r.set(LogEvent.CLIENT_CLOSE_PACKET, LogFact.NONE, null);
            return;
          }
        }
        break;
      case 'c':
        if (t.is("closing") && "engine:ws".equals(ns)) {
          r.set(LogEvent.WEBSOCKET_TRANSPORT_CLOSING, LogFact.NONE, null);
          return;
        }
        if (t.startsWith("client close with reason ")) {
          r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(t.string().substring(25)), null);
          return;
        }
        if (t.startsWith("closing socket - reason ")) {
          r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(t.string().substring(24)), null);
          return;
        }
        if (t.startsWith("client did not complete upgrade - ")) {
          r.set(LogEvent.UPGRADE_INCOMPLETE, LogFact.UpgradeAbandoned.of(t.string().substring(34)), null);
          return;
        }
        if (t.startsWith("creation of namespace ")) {
          m = t.string();
          int w = m.lastIndexOf(" was denied");
          r.set(LogEvent.NAMESPACE_DENIED, new LogFact.NamespaceRefused(w > 22 ? m.substring(22, w) : m.substring(22)), null);
          return;
        }
        if (t.startsWith("connection state recovered for sid ")) {
          r.set(LogEvent.OTHER, LogFact.NONE, word(t.string(), 35));
          return;
        }
        if (isClient(ns)) {
          if (t.startsWith("closed due to ")) {
            // socket.io-client:manager onclose
            r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(t.string().substring(14)), null);
            return;
          }
          if (t.startsWith("close (") && t.endsWith(')')) {
            // socket.io-client:socket onclose
            m = t.string();
            r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(m.substring(7, m.length() - 1)), null);
            return;
          }
          if (t.startsWith("connect attempt timed out after ")) {
            r.set(LogEvent.CLIENT_CONNECT_ERROR, LogFact.ConnectFailed.TIMED_OUT, null);
            return;
          }
          if (t.is("connect_error")) {
            r.set(LogEvent.CLIENT_CONNECT_ERROR, LogFact.NONE, null);
            return;
          }
        }
        break;
      case 'w':
        if (t.startsWith("writing ping packet - expecting pong within ")) {
          m = t.string();
          int n = m.length();
          int e = 44;
          while (e < n && Character.isDigit(m.charAt(e))) {
            e++;
          }
          r.set(LogEvent.PING_SENT, e > 44 ? m.substring(44, e) : null, null);
          return;
        }
        break;
      case 't':
        if (t.startsWith("transport error")) {
          m = t.string();
          int n = m.length();
          if (n == 15 || m.charAt(15) == ' ' || m.charAt(15) == ':') {
            r.set(LogEvent.TRANSPORT_ERROR, n > 16 ? m.substring(16).trim() : null, null);
            return;
          }
        }
        break;
      case 's':
        if (t.startsWith("socket close with reason: \"")) {
          // engine.io-client:socket onClose
          r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(quoted(t.string(), 26)), null);
          return;
        }
        if (t.startsWith("sending packet \"open\" (")) {
          r.set(LogEvent.OTHER, LogFact.NONE, LogUrls.sidInOpenPacket(t.string()));
          return;
        }
        if (t.startsWith("socket receive: type \"")) {
          // engine.io-client: socket receive: type "open", data "{"sid":...}"
          if (t.startsWith("open\"", 22)) {
            r.set(LogEvent.OTHER, LogFact.NONE, LogUrls.sidInOpenPacket(t.string()));
            return;
          }
          if (t.startsWith("ping\"", 22)) {
            r.set(LogEvent.PING_RECEIVED, LogFact.NONE, null);
            return;
          }
          if (t.startsWith("pong\"", 22)) {
            r.set(LogEvent.PONG_RECEIVED, LogFact.NONE, null);
            return;
          }
        }
        break;
      case 'r':
        if (t.startsWith("reconnect attempt error") && isClient(ns)) {
          r.set(LogEvent.CLIENT_CONNECT_ERROR, LogFact.NONE, null);
          return;
        }
        break;
      default:
        break;
    }
    // anything else: facts that can sit anywhere in the text (a one-pass test for two characters
    // first: debug messages are lower case and rarely hold '=')
    int marks = t.occurring('M', '=');
    if ((marks & 1) != 0 && t.contains("Max payload size exceeded", 6)) {
      r.set(LogEvent.PAYLOAD_TOO_LARGE, "Max payload size exceeded", null);
      return;
    }
    if ((marks & 2) != 0) {
      r.sid = LogUrls.sidInText(t.string());
    }
  }

  private static boolean isClient(String ns) {
    return ns == null || ns.startsWith("socket.io-client") || ns.startsWith("engine.io-client");
  }

  /** The text between the double quote at {@code at} and the next double quote. */
  static String quoted(String m, int at) {
    if (at >= m.length() || m.charAt(at) != '"') {
      return null;
    }
    int close = m.indexOf('"', at + 1);
    return close < 0 ? m.substring(at + 1) : m.substring(at + 1, close);
  }

  /** The run of non-space characters at {@code at}. */
  static String word(String m, int at) {
    int e = at;
    while (e < m.length() && m.charAt(e) != ' ' && m.charAt(e) != ',' && m.charAt(e) != ')') {
      e++;
    }
    return e > at ? m.substring(at, e) : null;
  }
}
