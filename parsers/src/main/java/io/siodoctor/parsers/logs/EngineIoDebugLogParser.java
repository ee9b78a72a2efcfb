package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.util.List;

/**
 * Output of the {@code debug} module from engine.io / socket.io servers and Node clients
 * ({@code DEBUG=engine*,socket.io*}), in all of its forms:
 *
 * <ul>
 *   <li>non-TTY: {@code 2021-05-15T15:17:22.687Z engine handshaking client "ssO51L53Emo8zXiyAAAA"};
 *   <li>old debug: {@code Wed, 30 Aug 2017 17:08:30 GMT engine.io-client:socket ...};
 *   <li>TTY: {@code "  \e[36;1mengine:socket \e[0mwriting ping packet ... \e[36m+25s\e[0m"}: colours
 *       are stripped and the trailing {@code +25s} dropped;
 *   <li>{@code DEBUG_HIDE_DATE}: {@code engine:socket ...}.
 * </ul>
 *
 * A docker-compose prefix ({@code node-a-1  | ...}) is removed and names the node; a {@code docker
 * logs -t} / {@code kubectl logs --timestamps} time before the debug time is skipped, and so is the
 * header of systemd's journal or syslog ({@link SyslogHeader}).
 *
 * <p>Times: non-TTY and old forms carry UTC times. TTY and hide-date lines have none, and their
 * time is left null: the {@code +25s} deltas are per namespace (time since that namespace's
 * previous line, not the previous line of the file) and humanised ({@code +1m} is anything from
 * 59.5 s to 1.5 min), so summing them would invent times.
 *
 * <p>Session ids: a line gets the sid it names ({@code handshaking client}, {@code unknown sid},
 * the URL of {@code handling "GET" http request}, the open packet, {@code incoming connection with
 * id}, any {@code sid=}). Server lines that name none get none: a server interleaves every
 * socket's lines in one event loop, and the lines carry no socket identity. On the client side
 * ({@code engine.io-client:*}), where a process normally drives one Engine.IO socket at a time,
 * the sid of the last received open packet is carried onto the following client lines until that
 * socket's {@code socket close with reason} line; if a second open packet arrives before the first
 * socket closed (several sockets in one process), carrying stops for the rest of the input.
 *
 * <p>Lines that are not debug lines (the application's own output, stack traces, wrapped JSON)
 * are kept as {@link LogEvent#OTHER} with the previous line's time.
 */
public final class EngineIoDebugLogParser extends LineLogParser {

  public EngineIoDebugLogParser() {
    super(LogFormat.ENGINE_IO_DEBUG);
  }

  // ---------------------------------------------------------------- sniffing

  /**
   * Detected with the parser's own line reader: a line counts when the reader finds a debug
   * namespace in it (after a debug time, in TTY form, or bare), and at least one of those is of
   * the engine / socket.io families; at least one line in five must be read, since applications
   * print their own output between the debug lines.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    List<String> lines = HeadLines.textLines(head, length, 200);
    DebugState reader = (DebugState) openForHead();
    int shaped = 0;
    int family = 0;
    for (String line : lines) {
      if (reads(reader, line)) {
        shaped++;
        if (reader.namespace.startsWith("engine") || reader.namespace.startsWith("socket.io")) {
          family++;
        }
      }
    }
    return family >= 1 && shaped * 5 >= lines.size() ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  /**
   * Whether a token, seen without a debug timestamp before it, is a debug namespace: shaped like
   * one and either {@code a:b} or of the engine / socket.io families. A file location such as
   * {@code socket.io.js:1216} is not.
   */
  static boolean isNamespace(String t) {
    if (!isLooseNamespace(t) && !(isShaped(t) && Character.isLetter(t.charAt(0)))) {
      return false;
    }
    return t.indexOf(':') > 0 || t.startsWith("engine") || t.startsWith("socket.io");
  }

  /**
   * Whether a token that follows a debug timestamp is a namespace: starts with a lower-case
   * letter, namespace characters only, and does not end like a file location ({@code :1216}).
   */
  static boolean isLooseNamespace(String t) {
    return isShaped(t) && t.charAt(0) >= 'a' && t.charAt(0) <= 'z';
  }

  private static boolean isShaped(String t) {
    int n = t.length();
    if (n == 0 || n > 80 || t.charAt(n - 1) == ':') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if (c > 127 || !nsChar((byte) c)) {
        return false;
      }
    }
    int colon = t.lastIndexOf(':');
    if (colon >= 0) {
      boolean digits = true;
      for (int i = colon + 1; i < n; i++) {
        if (t.charAt(i) < '0' || t.charAt(i) > '9') {
          digits = false;
          break;
        }
      }
      if (digits) {
        return false;
      }
    }
    return true;
  }

  private static final boolean[] NS_CHARS = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      NS_CHARS[c] =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == ':'
              || c == '.'
              || c == '-'
              || c == '_'
              || c == '*'
              || c == '@'
              || c == '$';
    }
  }

  static boolean nsChar(byte c) {
    return NS_CHARS[c & 0xff];
  }

  /**
   * Drops debug's trailing {@code " +25ms"} delta (and trailing white space) from {@code
   * b[s..e)}; returns the new end. Debug ends every line of its TTY form with it; the browser
   * console reads the client's debug output with it too.
   */
  static int stripDelta(byte[] b, int s, int e) {
    e = Ascii.trimEnd(b, s, e);
    int i = e - 1;
    // unit letters
    while (i >= s && Ascii.isLower(b[i])) {
      i--;
    }
    if (i == e - 1 || e - 1 - i > 2) {
      return e;
    }
    int d = i;
    while (i >= s && Ascii.isDigit(b[i])) {
      i--;
    }
    if (i == d || i < s + 1 || b[i] != '+' || b[i - 1] != ' ') {
      return e;
    }
    return i - 1;
  }

  // ---------------------------------------------------------------- parsing

  @Override
  public boolean splittable() {
    return true;
  }

  /** A line that starts with its own ISO date sets the time the lines after it may take. */
  @Override
  protected boolean readsAlone(byte[] b, int start, int end) {
    return end - start > 24 && Ascii.isDigit(b[start]) && Ascii.isDigit(b[start + 3]) && b[start + 4] == '-'
        && b[start + 10] == 'T';
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new DebugState(file, sink);
  }

  private static final class DebugState extends ParseState {
    private final TimeReader times = new TimeReader();
    private final StringCache names = new StringCache();
    /** Namespaces accepted after a timestamp or in TTY form, and those accepted on bare lines. */
    private final StringCache framedNames = new StringCache();
    private final StringCache bareNames = new StringCache();
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();
    /** The message of the line being read, as bytes of the line until something needs its String. */
    private final MessageText.Bytes message = new MessageText.Bytes();
    /** The last namespace read, and whether it is of the library's families, and the client's. */
    private String memoNs;
    private boolean memoLibrary;
    private boolean memoClient;
    private byte[] scratch = new byte[4096];

    private final byte[] lastIso = new byte[24];
    private boolean lastIsoValid;
    private Instant lastIsoTime;
    /** The namespace of the last debug line read (detection asks it). */
    private String namespace;

    private String clientSid;
    private boolean clientCarryOff;
    /** The last handshake request seen: the next open packet answers it (its transport matters). */
    private HttpAccess handshakeRequest;

    // what this session's lines set, and read before setting, of the state carried from line to
    // line: a session started in the middle of a file (LineRanges) is checked against these
    private boolean timeSet;
    private boolean readStartTime;
    private boolean handshakeSet;
    private boolean readStartHandshake;
    private boolean clientTouched;

    DebugState(String file, RecordSink sink) {
      super(file, sink, LogFormat.ENGINE_IO_DEBUG);
    }

    @Override
    protected void line(byte[] buf, int start, int end, long n) {
      byte[] b = buf;
      int s = start;
      int e = end;
      if (s == e) {
        keptAsText();
        return;
      }
      String node = fileNode;
      if (Ascii.isLetter(b[s])) {
        // systemd's journal or syslog in front: "Dec 07 14:06:41 host node[812]: <the debug line>"
        int h = SyslogHeader.end(b, s, e, false);
        if (h > s && h < e) {
          s = h;
        }
      }
      if (Ascii.isLetter(b[s])) {
        int bar = composeBar(b, s, e);
        if (bar > 0) {
          node = names.get(b, s, Ascii.trimEnd(b, s, bar));
          s = bar + 1;
          if (s < e && b[s] == ' ') {
            s++;
          }
          if (s == e) {
            keptAsText();
            return;
          }
        }
      }
      boolean tty = false;
      if (b[s] == 0x1b || (b[s] == ' ' && hasEscapeNear(b, s, e))) {
        e = stripAnsi(b, s, e);
        b = scratch;
        s = 0;
        tty = true;
        if (e == 0) {
          keptAsText();
          return;
        }
      }
      Instant time = null;
      int p = s;
      byte c = b[p];
      if (Ascii.isDigit(c)) {
        int q;
        if (lastIsoValid && e - p > 24 && Ascii.equals(b, p, lastIso, 0, 24)) {
          // the same millisecond as the line before (debug's toISOString is always 24 chars)
          q = p + 24;
          time = lastIsoTime;
        } else {
          q = times.readIso(b, p, e);
          if (q == p + 24 && b[p + 23] == 'Z') {
            System.arraycopy(b, p, lastIso, 0, 24);
            lastIsoTime = times.instant();
            lastIsoValid = true;
          }
          if (q > 0) {
            time = times.instant();
          }
        }
        if (q > 0 && q < e && b[q] == ' ') {
          boolean debugsOwnTime = q - p == 24 && b[p + 23] == 'Z';
          p = q + 1;
          // "journalctl -o short-iso" and RFC 3339 syslog: their time, then "host node[812]: ". Not
          // after debug's own toISOString time, which a namespace follows (a word read per line: 5 %
          // of a 1 GB scan), and which no collector writes (short-iso has "+0000", rsyslog microseconds)
          if (!debugsOwnTime && p < e && Ascii.isLetter(b[p])) {
            int h = SyslogHeader.end(b, p, e, true);
            if (h > p && h < e && Ascii.isDigit(b[h])) {
              p = h;
            }
          }
          // "docker logs -t" / "kubectl logs --timestamps" put their own time first
          if (p < e && Ascii.isDigit(b[p])) {
            int q2 = times.readIso(b, p, e);
            if (q2 > 0 && q2 < e && b[q2] == ' ') {
              time = times.instant();
              p = q2 + 1;
            }
          }
        } else {
          time = null;
        }
      } else if (Ascii.isLetter(c) && e - p > 30 && b[p + 3] == ',') {
        int q = times.readRfc1123(b, p, e);
        if (q > 0 && q < e && b[q] == ' ') {
          time = times.instant();
          p = q + 1;
        }
      } else if (c == ' ' && e - p > 3 && b[p + 1] == ' ' && Ascii.isLetter(b[p + 2])
          && stripDelta(b, p, e) < Ascii.trimEnd(b, p, e)) {
        // TTY form whose colours were already removed: "  engine:socket msg +3ms" (debug always
        // ends a TTY line with its delta; an indented line of prose or code does not)
        tty = true;
        p += 2;
      }
      if (tty) {
        p = Ascii.skipSpaces(b, p, e);
      }
      // the namespace: a word seen before is looked up; a new word is checked, then remembered
      String ns = null;
      int q = p;
      if (q < e && Ascii.isLetter(b[q])) {
        int lim = Math.min(e, p + 81);
        q = Ascii.indexOf(b, p, lim, (byte) ' '); // eight bytes at a time: was 10 % as a byte loop
        if (q < 0) {
          q = lim;
        }
        if (q < e && b[q] == ' ') {
          boolean framed = time != null || tty;
          ns = framed ? framedNames.find(b, p, q) : bareNames.find(b, p, q);
          if (ns == null && namespaceChars(b, p, q) && namespace(b, p, q, framed)) {
            ns = framed ? framedNames.put(b, p, q) : bareNames.put(b, p, q);
          }
        }
      }
      namespace = ns;
      if (ns == null) {
        // not a debug line: application output, continuation of a multi-line message
        keptAsText();
        MessageText text = message.set(b, time != null ? p : s, e);
        if (time != null) {
          lastTime = time;
          timeSet = true;
        } else if (!timeSet) {
          readStartTime = true;
        }
        EngineIoMessages.recogniseOutput(text, result);
        if (leavesOut(result.event, null, null)) {
          leaveOut(lastTime);
          return;
        }
        emit(n, lastTime, node, null, null, null, text.string(), result.event, result.fact, null);
        return;
      }
      int ms = q + 1;
      int me = e;
      if (tty) {
        me = stripDelta(b, ms, me);
      }
      // the message is made a String only when it names something (or the plan reads every line)
      MessageText text = message.set(b, ms, me);
      EngineIoMessages.Result r = result;
      if (ns != memoNs) {
        // the namespace is the cached String of the line before, mostly: its tests are made once
        memoNs = ns;
        memoLibrary = EngineIoMessages.isLibrary(ns);
        memoClient = ns.startsWith("engine.io-client");
      }
      EngineIoMessages.recogniseDebugLine(ns, memoLibrary, text, r);
      String sid = r.sid;
      if (memoClient) {
        sid = carryClientSid(text.string(), sid, r.event);
      }
      if (time != null) {
        lastTime = time;
        timeSet = true;
      }
      // the parse state only links requests to the open packets answering them
      HttpAccess access = null;
      if (r.event == LogEvent.HTTP_REQUEST) {
        access = requestOf(r.fact.text(), text.string());
        if (access != null && access.engineIo() != null && access.engineIo().isHandshake()) {
          handshakeRequest = access;
          handshakeSet = true;
        }
      } else if (r.event == LogEvent.OPEN_SENT) {
        readStartHandshake |= !handshakeSet;
        access = handshakeRequest;
        handshakeRequest = null;
        handshakeSet = true;
      }
      if (leavesOut(r.event, sid, access)) {
        leaveOut(time);
        return;
      }
      emit(n, time, node, null, ns, sid, text.string(), r.event, r.fact, access);
    }

    /** The request of an engine {@code handling "GET" http request "/socket.io/?..."} line. */
    private static HttpAccess requestOf(String method, String msg) {
      int u = msg.indexOf(" http request \"");
      if (u < 0) {
        return null;
      }
      int start = u + 15;
      int end = msg.lastIndexOf('"');
      if (end <= start) {
        return null;
      }
      String url = msg.substring(start, end);
      return new HttpAccess(null, method, url, -1, -1, -1, null, null, null, LogUrls.query(url));
    }

    @Override
    protected boolean continues(ParseState previous) {
      DebugState p = (DebugState) previous;
      if ((readStartTime && p.lastTime != null)
          || (readStartHandshake && p.handshakeRequest != null)
          || (clientTouched && (p.clientSid != null || p.clientCarryOff))) {
        return false;
      }
      if (!timeSet) {
        lastTime = p.lastTime;
      }
      if (!handshakeSet) {
        handshakeRequest = p.handshakeRequest;
      }
      if (!clientTouched) {
        clientSid = p.clientSid;
        clientCarryOff = p.clientCarryOff;
      }
      return true;
    }

    private String carryClientSid(String msg, String sid, LogEvent event) {
      clientTouched = true;
      if (clientCarryOff) {
        return sid;
      }
      if (sid != null && msg.startsWith("socket receive: type \"open\"")) {
        if (clientSid != null && !clientSid.equals(sid)) {
          clientCarryOff = true;
          clientSid = null;
          warnOnce(
              "client-carry",
              "several Engine.IO client sockets were open at once; client lines that name no"
                  + " session id are no longer attributed to one");
          return sid;
        }
        clientSid = sid;
        return sid;
      }
      String out = sid != null ? sid : clientSid;
      if (event == LogEvent.CLOSED && msg.startsWith("socket close with reason")) {
        clientSid = null;
      }
      return out;
    }

    private static boolean namespaceChars(byte[] b, int p, int q) {
      for (int i = p; i < q; i++) {
        if (!EngineIoDebugLogParser.nsChar(b[i])) {
          return false;
        }
      }
      return true;
    }

    /**
     * Whether b[p..q) (namespace characters only) is a debug namespace. After a debug timestamp
     * or in TTY form any lower-case name is; otherwise only {@code a:b} names and the engine /
     * socket.io families. Never a file location ({@code file.js:12}).
     */
    private static boolean namespace(byte[] b, int p, int q, boolean framed) {
      if (!Ascii.isLetter(b[p]) || b[q - 1] == ':') {
        return false;
      }
      int colon = -1;
      for (int i = q - 1; i > p; i--) {
        if (b[i] == ':') {
          colon = i;
          break;
        }
      }
      if (colon > 0) {
        boolean digits = true;
        for (int i = colon + 1; i < q; i++) {
          if (!Ascii.isDigit(b[i])) {
            digits = false;
            break;
          }
        }
        if (digits) {
          return false;
        }
      }
      if (framed) {
        return Ascii.isLower(b[p]);
      }
      return colon > 0
          || Ascii.startsWith(b, p, q, "engine")
          || Ascii.startsWith(b, p, q, "socket.io");
    }

    private static boolean hasEscapeNear(byte[] b, int s, int e) {
      int lim = Math.min(e, s + 8);
      for (int i = s; i < lim; i++) {
        if (b[i] == 0x1b) {
          return true;
        }
        if (b[i] != ' ') {
          return false;
        }
      }
      return false;
    }

    /** Copies b[s..e) into scratch without ANSI escape sequences; returns the new length. */
    private int stripAnsi(byte[] b, int s, int e) {
      if (scratch.length < e - s) {
        scratch = new byte[Math.max(e - s, scratch.length * 2)];
      }
      byte[] out = scratch;
      int o = 0;
      int i = s;
      while (i < e) {
        byte c = b[i];
        if (c == 0x1b) {
          i++;
          if (i < e && b[i] == '[') {
            i++;
            while (i < e && !(b[i] >= 0x40 && b[i] <= 0x7e)) {
              i++;
            }
            i++; // the final byte
          } else if (i < e) {
            i++; // two-character escape
          }
          continue;
        }
        out[o++] = c;
        i++;
      }
      return o;
    }

    /** The index of the '|' of a docker-compose prefix "name   | ", or -1. */
    private static int composeBar(byte[] b, int s, int e) {
      int i = s;
      int lim = Math.min(e, s + 64);
      while (i < lim) {
        byte c = b[i];
        if (Ascii.isLetter(c) || Ascii.isDigit(c) || c == '-' || c == '_' || c == '.') {
          i++;
        } else {
          break;
        }
      }
      if (i == s || i >= e || b[i] != ' ') {
        return -1;
      }
      int j = i;
      while (j < e && b[j] == ' ') {
        j++;
      }
      if (j < e && b[j] == '|' && (j + 1 == e || b[j + 1] == ' ')) {
        return j;
      }
      return -1;
    }
  }
}
