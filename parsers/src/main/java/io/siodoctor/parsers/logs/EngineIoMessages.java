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
    if (text.indexOf("EMFILE") >= 0) {
      return ExhaustedResource.EMFILE;
    }
    if (text.indexOf("ENFILE") >= 0) {
      return ExhaustedResource.ENFILE;
    }
    if (text.indexOf("oo many open files") >= 0) {
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
  static void recogniseDebugLine(String ns, String m, Result r) {
    recognise(ns, m, r);
    if (r.event == LogEvent.HTTP_REQUEST) {
      return;
    }
    if (m.startsWith("sending packet \"open\" (") && m.endsWith(")")) {
      r.set(LogEvent.OPEN_SENT, LogFact.HandshakeSent.of(m.substring(23, m.length() - 1)), r.sid);
    } else if (r.event == LogEvent.OTHER && m.startsWith("writing \"") && ns.equals("engine:polling")) {
      ProtocolRevision framing = framingOf(m, 9);
      r.set(LogEvent.PAYLOAD_WRITTEN, framing == null ? LogFact.NONE : new LogFact.PayloadWritten(framing), r.sid);
    } else if (r.event == LogEvent.OTHER && !ns.startsWith("engine") && !ns.startsWith("socket.io")) {
      // the library's namespaces, the hot path, never print it
      ExhaustedResource exhausted = resourceExhausted(m);
      if (exhausted != null) {
        r.set(LogEvent.RESOURCE_EXHAUSTED, new LogFact.ResourceExhausted(exhausted), r.sid);
      }
    }
  }

  /**
   * Recognises a line of a debug log that is no debug line (the application's own output, a stack
   * trace): ws's {@code Max payload size exceeded}, or a resource-exhaustion error.
   */
  static void recogniseOutput(String text, Result r) {
    r.reset();
    if (text.indexOf("Max payload size exceeded") >= 0) {
      r.set(LogEvent.PAYLOAD_TOO_LARGE, "Max payload size exceeded", null);
      return;
    }
    ExhaustedResource exhausted = resourceExhausted(text);
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
    r.reset();
    int n = m.length();
    if (n == 0) {
      return;
    }
    switch (m.charAt(0)) {
      case 'h':
        if (m.startsWith("handshaking client \"")) {
          r.set(LogEvent.HANDSHAKE, LogFact.NONE, quoted(m, 19));
          return;
        }
        if (m.startsWith("handling \"")) {
          // handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=..&sid=.."
          String method = quoted(m, 9);
          int u = m.indexOf(" http request \"");
          String url = u < 0 ? null : quoted(m, u + 14);
          r.set(LogEvent.HTTP_REQUEST, method, LogUrls.sidOfUrl(url));
          return;
        }
        break;
      case 'u':
        if (m.startsWith("unknown sid \"")) {
          r.set(LogEvent.UNKNOWN_SID, LogFact.NONE, quoted(m, 12));
          return;
        }
        if (m.startsWith("unknown transport \"")) {
          r.set(LogEvent.UNKNOWN_TRANSPORT, quoted(m, 18), null);
          return;
        }
        if (m.startsWith("unsupported protocol version")) {
          r.set(LogEvent.UNSUPPORTED_PROTOCOL_VERSION, LogFact.NONE, null);
          return;
        }
        break;
      case 'b':
        if (m.startsWith("bad request: ")) {
          if (m.startsWith("unexpected transport without upgrade", 13)) {
            r.set(LogEvent.TRANSPORT_MISMATCH, LogFact.NONE, null);
          } else {
            r.set(LogEvent.BAD_REQUEST, m.substring(13), null);
          }
          return;
        }
        break;
      case 'i':
        if (m.startsWith("invalid transport upgrade")) {
          // a WebSocket request without Upgrade header and without sid: the header was lost on the way
          r.set(LogEvent.TRANSPORT_MISMATCH, "invalid transport upgrade", null);
          return;
        }
        if (m.startsWith("incoming connection with id ")) {
          r.set(LogEvent.OTHER, LogFact.NONE, word(m, 28));
          return;
        }
        break;
      case 'o':
        if (m.startsWith("origin header invalid")) {
          r.set(LogEvent.BAD_REQUEST, "origin header invalid", null);
          return;
        }
        break;
      case 'e':
        if (m.startsWith("error while generating an id")) {
          r.set(LogEvent.BAD_REQUEST, "error while generating an id", null);
          return;
        }
        if (m.startsWith("error handshaking to transport \"")) {
          r.set(LogEvent.BAD_REQUEST, "error handshaking to transport " + quoted(m, 31), null);
          return;
        }
        break;
      case 'm':
        if (m.startsWith("might upgrade socket transport from \"")) {
          // might upgrade socket transport from "polling" to "websocket"
          int to = m.indexOf(" to \"", 36);
          r.set(LogEvent.UPGRADE_STARTED, to < 0 ? null : quoted(m, to + 4), null);
          return;
        }
        if (m.startsWith("middleware error, sending CONNECT_ERROR")) {
          r.set(LogEvent.CONNECT_ERROR_SENT, LogFact.NONE, null);
          return;
        }
        break;
      case 'g':
        if (m.startsWith("got ")) {
          if (m.startsWith("got upgrade packet - upgrading", 0)) {
            r.set(LogEvent.UPGRADE_DONE, LogFact.NONE, null);
            return;
          }
          if (n == 8 && m.startsWith("ping", 4)) {
            r.set(LogEvent.PING_RECEIVED, LogFact.NONE, null);
            return;
          }
          if (n == 8 && m.startsWith("pong", 4)) {
            r.set(LogEvent.PONG_RECEIVED, LogFact.NONE, null);
            return;
          }
        }
        break;
      case 'c':
        if (m.startsWith("client close with reason ")) {
          r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(m.substring(25)), null);
          return;
        }
        if (m.startsWith("closing socket - reason ")) {
          r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(m.substring(24)), null);
          return;
        }
        if (m.startsWith("client did not complete upgrade - ")) {
          r.set(LogEvent.UPGRADE_INCOMPLETE, LogFact.UpgradeAbandoned.of(m.substring(34)), null);
          return;
        }
        if (m.startsWith("creation of namespace ")) {
          int w = m.lastIndexOf(" was denied");
          r.set(LogEvent.NAMESPACE_DENIED, new LogFact.NamespaceRefused(w > 22 ? m.substring(22, w) : m.substring(22)), null);
          return;
        }
        if (m.startsWith("connection state recovered for sid ")) {
          r.set(LogEvent.OTHER, LogFact.NONE, word(m, 35));
          return;
        }
        if (isClient(ns)) {
          if (m.startsWith("closed due to ")) {
            // socket.io-client:manager onclose
            r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(m.substring(14)), null);
            return;
          }
          if (m.startsWith("close (") && m.endsWith(")")) {
            // socket.io-client:socket onclose
            r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(m.substring(7, n - 1)), null);
            return;
          }
          if (m.startsWith("connect attempt timed out after ")) {
            r.set(LogEvent.CLIENT_CONNECT_ERROR, LogFact.ConnectFailed.TIMED_OUT, null);
            return;
          }
          if (m.equals("connect_error")) {
            r.set(LogEvent.CLIENT_CONNECT_ERROR, LogFact.NONE, null);
            return;
          }
        }
        break;
      case 'w':
        if (m.startsWith("writing ping packet - expecting pong within ")) {
          int e = 44;
          while (e < n && Character.isDigit(m.charAt(e))) {
            e++;
          }
          r.set(LogEvent.PING_SENT, e > 44 ? m.substring(44, e) : null, null);
          return;
        }
        break;
      case 't':
        if (m.startsWith("transport error")
            && (n == 15 || m.charAt(15) == ' ' || m.charAt(15) == ':')) {
          r.set(LogEvent.TRANSPORT_ERROR, n > 16 ? m.substring(16).trim() : null, null);
          return;
        }
        break;
      case 's':
        if (m.startsWith("socket close with reason: \"")) {
          // engine.io-client:socket onClose
          r.set(LogEvent.CLOSED, LogFact.SessionClosed.of(quoted(m, 26)), null);
          return;
        }
        if (m.startsWith("sending packet \"open\" (")) {
          r.set(LogEvent.OTHER, LogFact.NONE, LogUrls.sidInOpenPacket(m));
          return;
        }
        if (m.startsWith("socket receive: type \"")) {
          // engine.io-client: socket receive: type "open", data "{"sid":...}"
          if (m.startsWith("open\"", 22)) {
            r.set(LogEvent.OTHER, LogFact.NONE, LogUrls.sidInOpenPacket(m));
            return;
          }
          if (m.startsWith("ping\"", 22)) {
            r.set(LogEvent.PING_RECEIVED, LogFact.NONE, null);
            return;
          }
          if (m.startsWith("pong\"", 22)) {
            r.set(LogEvent.PONG_RECEIVED, LogFact.NONE, null);
            return;
          }
        }
        break;
      case 'r':
        if (m.startsWith("reconnect attempt error") && isClient(ns)) {
          r.set(LogEvent.CLIENT_CONNECT_ERROR, LogFact.NONE, null);
          return;
        }
        break;
      default:
        break;
    }
    // anything else: facts that can sit anywhere in the text (a one-character test first: debug
    // messages are lower case and rarely hold '=')
    if (m.indexOf('M') >= 0 && m.indexOf("Max payload size exceeded") >= 0) {
      r.set(LogEvent.PAYLOAD_TOO_LARGE, "Max payload size exceeded", null);
      return;
    }
    if (m.indexOf('=') >= 0) {
      r.sid = LogUrls.sidInText(m);
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
