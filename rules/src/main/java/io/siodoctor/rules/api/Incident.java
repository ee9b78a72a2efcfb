package io.siodoctor.rules.api;

import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.capture.CaptureProfile;
import io.siodoctor.parsers.capture.MissingEvidence;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Instant;

/**
 * Everything one {@code analyze} call knows: the records of all inputs in time order, the sessions
 * they form, the WebSocket connections, and what became of each input. Immutable; rules only read,
 * each through its {@link #view}.
 */
public final class Incident {
  /** The incident every view is of: itself for the whole incident. */
  private final Incident base;
  /** What this view holds; {@link ReadSet#EVERYTHING} for the whole incident. */
  private final ReadSet reads;
  private final List<WebSocketConnection> webSockets;
  private final List<InputSummary> inputs;
  private final List<HttpExchange> exchanges;
  private final List<ClockOffset> clockOffsets;
  private final List<WsFrame> frames;
  private final List<HttpExchange> engineIoExchanges;
  private final Map<LogEvent, List<LogLine>> byEvent;
  private final Instant end;
  // a view's, filtered from the whole incident's on first use: most rules ask for few of them
  private List<Record> records;
  private List<LogLine> logLines;
  private List<Session> sessions;
  private Map<String, Session> bySid;
  /** The whole incident's: values derived once, views made once per declaration. */
  private final Map<DerivedKey<?>, Object> derived;
  private final Map<ReadSet, Incident> views;
  /** The server and proxy logs' own incident, when the capture's session ids are unknown; else null. */
  private final Incident logsAlone;

  public Incident(
      List<Record> records,
      List<Session> sessions,
      List<WebSocketConnection> webSockets,
      List<InputSummary> inputs) {
    this(records, sessions, webSockets, inputs, List.of());
  }

  public Incident(
      List<Record> records,
      List<Session> sessions,
      List<WebSocketConnection> webSockets,
      List<InputSummary> inputs,
      List<ClockOffset> clockOffsets) {
    this(records, null, sessions, webSockets, inputs, clockOffsets, null, null);
  }

  /**
   * The one way an incident is made.
   *
   * @param records in time order, records without a time last
   * @param linesByEvent when every record is a log line: each under its event, in the same order
   *     (as a builder collects a log's lines: no pass over them here; a batch scan makes one
   *     incident per chunk, and touching every line again was a visible share of it); else null
   * @param end the latest time of the inputs, when records left out of this incident were later
   *     than its records; null to take the latest of the records
   * @param logsAlone the incident of this one's log lines alone, for the rules that need to know
   *     which records make each session when a sanitizer left the capture's session ids unknown
   *     ({@link #logsAlone()}); null when there is none
   */
  public Incident(
      List<Record> records,
      Map<LogEvent, List<LogLine>> linesByEvent,
      List<Session> sessions,
      List<WebSocketConnection> webSockets,
      List<InputSummary> inputs,
      List<ClockOffset> clockOffsets,
      Instant end,
      Incident logsAlone) {
    this.base = this;
    this.logsAlone = logsAlone;
    this.reads = ReadSet.EVERYTHING;
    this.derived = new ConcurrentHashMap<>();
    this.views = new ConcurrentHashMap<>();
    this.clockOffsets = List.copyOf(clockOffsets);
    this.records = List.copyOf(records);
    this.sessions = List.copyOf(sessions);
    this.webSockets = List.copyOf(webSockets);
    this.inputs = List.copyOf(inputs);
    this.bySid = bySid(this.sessions);
    Map<LogEvent, List<LogLine>> events = new EnumMap<>(LogEvent.class);
    Instant latest = end;
    if (linesByEvent != null) {
      @SuppressWarnings("unchecked") // the caller's promise: log lines only
      List<LogLine> lines = (List<LogLine>) (List<?>) this.records;
      this.logLines = lines;
      this.exchanges = List.of();
      this.engineIoExchanges = List.of();
      this.frames = List.of();
      linesByEvent.forEach((e, l) -> events.put(e, List.copyOf(l)));
      // in time order: the last line with a time is the latest
      for (int i = lines.size() - 1; i >= 0; i--) {
        Instant t = lines.get(i).time();
        if (t != null) {
          latest = later(latest, t);
          break;
        }
      }
    } else {
      // one pass over the records for every by-kind list
      List<HttpExchange> xs = new ArrayList<>();
      List<HttpExchange> engineIo = new ArrayList<>();
      List<LogLine> lines = new ArrayList<>();
      List<WsFrame> fs = new ArrayList<>();
      for (Record r : this.records) {
        if (r instanceof LogLine l) {
          lines.add(l);
          events.computeIfAbsent(l.event(), e -> new ArrayList<>()).add(l);
        } else if (r instanceof HttpExchange x) {
          xs.add(x);
          if (x.isEngineIo()) {
            engineIo.add(x);
          }
        } else if (r instanceof WsFrame f) {
          fs.add(f);
        }
        latest = later(latest, r.time());
      }
      this.exchanges = Collections.unmodifiableList(xs);
      this.engineIoExchanges = Collections.unmodifiableList(engineIo);
      this.logLines = Collections.unmodifiableList(lines);
      this.frames = Collections.unmodifiableList(fs);
      events.replaceAll((e, l) -> Collections.unmodifiableList(l));
    }
    this.byEvent = events;
    this.end = latest;
  }

  /** A view of {@code whole} holding only what {@code reads} declares. */
  private Incident(Incident whole, ReadSet reads) {
    this.base = whole;
    this.logsAlone = whole.logsAlone;
    this.reads = reads;
    this.derived = whole.derived;
    this.views = whole.views;
    this.clockOffsets = whole.clockOffsets;
    this.inputs = whole.inputs;
    this.end = whole.end;
    boolean xs = reads.reads(HttpExchange.class);
    boolean fs = reads.reads(WsFrame.class);
    this.exchanges = xs ? whole.exchanges : List.of();
    this.engineIoExchanges = xs ? whole.engineIoExchanges : List.of();
    this.frames = fs ? whole.frames : List.of();
    this.webSockets = xs && fs ? whole.webSockets : List.of();
    if (xs && fs && reads.reads(LogLine.class)) {
      // every kind: the sessions are the whole incident's (a scan makes views per chunk and rule)
      this.sessions = whole.sessions;
      this.bySid = whole.bySid;
    }
    if (reads.reads(LogLine.class) && reads.readsAllEvents()) {
      this.byEvent = whole.byEvent;
      this.logLines = whole.logLines;
    } else {
      Map<LogEvent, List<LogLine>> events = new EnumMap<>(LogEvent.class);
      whole.byEvent.forEach((e, l) -> {
        if (reads.reads(e)) {
          events.put(e, l);
        }
      });
      this.byEvent = events;
    }
  }

  /**
   * This incident as a reader of {@code what} sees it: records of the declared kinds, the sessions
   * built from them, the incident's log lines of the declared events, and the derived values whose
   * own declaration it covers. What the engine hands each rule; nothing else can be read through it.
   *
   * @throws IllegalArgumentException when {@code what} asks for more than this view holds
   */
  public Incident view(ReadSet what) {
    if (!reads.covers(what)) {
      throw new IllegalArgumentException("a view that " + reads + " cannot give one that " + what);
    }
    if (what.readsEveryRecord()) {
      // a view holds records; the bodies a HAR parser skipped are not there in the first place
      return base;
    }
    return views.computeIfAbsent(what, w -> new Incident(base, w));
  }

  /** What this incident (a view) holds: {@link ReadSet#EVERYTHING} for the whole incident. */
  public ReadSet reads() {
    return reads;
  }

  private static Map<String, Session> bySid(List<Session> sessions) {
    Map<String, Session> sids = new HashMap<>();
    for (Session s : sessions) {
      sids.putIfAbsent(s.sid(), s);
    }
    return Collections.unmodifiableMap(sids);
  }

  private static Instant later(Instant a, Instant b) {
    return b != null && (a == null || b.isAfter(a)) ? b : a;
  }

  /** All records, ordered by time (records without a time keep their input order, last). */
  public List<Record> records() {
    List<Record> rs = records;
    if (rs == null) {
      rs = base.records.stream().filter(reads::reads).toList();
      records = rs;
    }
    return rs;
  }

  /** The sessions, each holding only the records of the kinds this incident (a view) holds. */
  public List<Session> sessions() {
    List<Session> ss = sessions;
    if (ss == null) {
      List<Session> built = new ArrayList<>();
      for (Session s : base.sessions) {
        Session seen = s.restrictedTo(reads);
        if (seen != null) {
          built.add(seen);
        }
      }
      ss = Collections.unmodifiableList(built);
      sessions = ss;
    }
    return ss;
  }

  public Optional<Session> session(String sid) {
    Map<String, Session> m = bySid;
    if (m == null) {
      m = bySid(sessions());
      bySid = m;
    }
    return Optional.ofNullable(m.get(sid));
  }

  public List<WebSocketConnection> webSockets() {
    return webSockets;
  }

  public List<InputSummary> inputs() {
    return inputs;
  }

  /** What the HAR that {@code r} was read from holds and lacks; empty for a log line or a non-HAR input. */
  public Optional<CaptureProfile> captureOf(Record r) {
    for (InputSummary in : inputs) {
      if (in.capture() != null && r.location() != null && in.file().equals(r.location().file())) {
        return Optional.of(in.capture());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code r} comes from a HAR whose exporter writes only requests that completed (Safari's
   * Web Inspector, mitmproxy, chrome-har): the requests that failed or were still waiting around it
   * are not there, so what it holds cannot show how a session ended, nor that it went on working.
   */
  public boolean failuresLeftOut(Record r) {
    return captureOf(r).map(c -> c.lacks(MissingEvidence.FAILED_REQUESTS)).orElse(false);
  }

  /**
   * Whether {@code s} was seen (its requests) only in HARs that write no WebSocket at all (npm
   * chrome-har): a session that polled and then stops may have upgraded, or had its upgrade refused,
   * and "never tried a WebSocket" cannot be told. False when the session has no HAR request.
   */
  public boolean webSocketsLeftOut(Session s) {
    return !s.exchanges().isEmpty() && s.webSockets().isEmpty()
        && s.exchanges().stream().allMatch(x -> captureOf(x).map(c -> c.lacks(MissingEvidence.WEBSOCKETS)).orElse(false));
  }

  /**
   * When the inputs end: the latest time of any record, also of lines no rule reads that were left
   * out of {@link #records()}; null when nothing has a time. A silence is measured up to here.
   */
  public Instant end() {
    return end;
  }

  /** Each server log's clock offset from the browser's, where shared sessions tell it. */
  public List<ClockOffset> clockOffsets() {
    return clockOffsets;
  }

  /** Every HTTP exchange (HAR entries, WebSocket handshakes included). */
  public List<HttpExchange> exchanges() {
    return exchanges;
  }

  /** The exchanges whose URL is an Engine.IO URL ({@code EIO=} / {@code transport=}). */
  public List<HttpExchange> engineIoExchanges() {
    return engineIoExchanges;
  }

  public List<WsFrame> frames() {
    return frames;
  }

  public List<LogLine> logLines() {
    List<LogLine> ls = logLines;
    if (ls == null) {
      ls = readsEveryEventOf(base) ? base.logLines : linesOfReadEvents();
      logLines = ls;
    }
    return ls;
  }

  /**
   * Whether this view reads the events of every line {@code whole} holds: then its lines are the
   * whole incident's (a scan's chunk holds few events; most views read all of those).
   */
  private boolean readsEveryEventOf(Incident whole) {
    if (!reads.reads(LogLine.class)) {
      return whole.logLines.isEmpty();
    }
    if (reads.readsAllEvents()) {
      return true;
    }
    for (Map.Entry<LogEvent, List<LogLine>> e : whole.byEvent.entrySet()) {
      if (!e.getValue().isEmpty() && !reads.reads(e.getKey())) {
        return false;
      }
    }
    return true;
  }

  /** The whole incident's lines of the events this view reads, in order: one pass, one test per line. */
  private List<LogLine> linesOfReadEvents() {
    boolean[] read = new boolean[LogEvent.values().length];
    for (LogEvent e : base.byEvent.keySet()) {
      read[e.ordinal()] = reads.reads(e);
    }
    List<LogLine> out = new ArrayList<>(base.logLines.size());
    for (LogLine l : base.logLines) {
      if (read[l.event().ordinal()]) {
        out.add(l);
      }
    }
    return Collections.unmodifiableList(out);
  }

  public List<LogLine> logLines(LogEvent event) {
    return byEvent.getOrDefault(event, List.of());
  }

  /**
   * The value {@code key} derives from this incident, made on first use from a view holding what
   * the key declares, and shared by every view.
   *
   * @throws IllegalStateException when the key reads more than this incident (a view) holds: a
   *     rule asks only for the values its declaration covers
   */
  public <T> T derived(DerivedKey<T> key) {
    if (!reads.covers(key.reads())) {
      throw new IllegalStateException(key + " reads more than a view that " + reads);
    }
    Object v = derived.get(key);
    if (v == null) {
      // not computeIfAbsent: a value may derive from another one (the disconnects from the sessions)
      v = key.compute(base.view(key.reads()));
      Object first = derived.putIfAbsent(key, v);
      v = first == null ? v : first;
    }
    @SuppressWarnings("unchecked") // the key made it: a DerivedKey<T> is stored with its T only
    T value = (T) v;
    return value;
  }

  /**
   * Whether some Engine.IO request named a session whose id a sanitizer replaced with a placeholder,
   * and the capture could not prove which session it was: then which requests make each session is
   * unknown, and rules marked {@link NeedsSessionIdentity} do not run.
   */
  public boolean sessionIdsUnknown() {
    for (HttpExchange x : engineIoExchanges) {
      if (namesUnknownSession(x)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code x} is an Engine.IO request whose session id is a placeholder no one could tie back. */
  public static boolean namesUnknownSession(HttpExchange x) {
    return x.engineIo() != null && x.engineIo().sidRedacted() && x.engineIo().sid() == null;
  }

  /**
   * When {@link #sessionIdsUnknown}: the incident of the server and proxy logs given with the capture,
   * alone, when they name sessions of their own (their ids are the servers' and were not sanitized).
   * The rules marked {@link NeedsSessionIdentity} run on it instead of not at all: what the logs
   * show of each session stands on its own lines, as it does when the logs are analysed alone.
   */
  public Optional<Incident> logsAlone() {
    return Optional.ofNullable(logsAlone);
  }

  /** Whether any input is a HAR (some absences only mean something when the browser side is seen). */
  public boolean hasBrowserCapture() {
    return !exchanges.isEmpty();
  }

  /**
   * Engine.IO handshake attempts that never got a session: no sid in the URL and no open packet in
   * the answer (refused, blocked, erroring, or answered by something that is not Socket.IO).
   */
  public List<HttpExchange> failedHandshakes() {
    return exchanges.stream()
        .filter(x -> x.engineIo() != null && x.engineIo().isHandshake())
        .filter(x -> x.handshake() == null)
        .filter(x -> !x.pending())
        .filter(x -> !(x.isWebSocket() && webSocketOf(x).map(ws -> ws.handshake() != null).orElse(false)))
        .toList();
  }

  public Optional<WebSocketConnection> webSocketOf(HttpExchange request) {
    return webSockets.stream().filter(ws -> ws.request() == request).findFirst();
  }
}
