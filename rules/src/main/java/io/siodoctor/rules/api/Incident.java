package io.siodoctor.rules.api;

import io.siodoctor.parsers.InputSummary;
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

/**
 * Everything one {@code analyze} call knows: the records of all inputs in time order, the sessions
 * they form, the WebSocket connections, and what became of each input. Immutable; rules only read.
 */
public final class Incident {
  private final List<Record> records;
  private final List<Session> sessions;
  private final List<WebSocketConnection> webSockets;
  private final List<InputSummary> inputs;
  private final Map<String, Session> bySid;
  private final List<HttpExchange> exchanges;
  private final List<LogLine> logLines;
  private final List<ClockOffset> clockOffsets;
  private final List<WsFrame> frames;
  private final List<HttpExchange> engineIoExchanges;
  private final Map<LogEvent, List<LogLine>> byEvent;
  private final java.time.Instant end;
  private final Map<String, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

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
    this(records, sessions, webSockets, inputs, clockOffsets, null);
  }

  /**
   * @param end the latest time of the inputs, when records left out of this incident were later than
   *     its records; null to take the latest of the records
   */
  public Incident(
      List<Record> records,
      List<Session> sessions,
      List<WebSocketConnection> webSockets,
      List<InputSummary> inputs,
      List<ClockOffset> clockOffsets,
      java.time.Instant end) {
    this.clockOffsets = List.copyOf(clockOffsets);
    this.records = List.copyOf(records);
    this.sessions = List.copyOf(sessions);
    this.webSockets = List.copyOf(webSockets);
    this.inputs = List.copyOf(inputs);
    Map<String, Session> sids = new HashMap<>();
    for (Session s : this.sessions) {
      sids.putIfAbsent(s.sid(), s);
    }
    this.bySid = Collections.unmodifiableMap(sids);
    // one pass over the records for every by-kind list: a scan builds an incident per chunk
    List<HttpExchange> xs = new ArrayList<>();
    List<HttpExchange> engineIo = new ArrayList<>();
    List<LogLine> lines = new ArrayList<>();
    List<WsFrame> fs = new ArrayList<>();
    Map<LogEvent, List<LogLine>> events = new EnumMap<>(LogEvent.class);
    java.time.Instant latest = end;
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
      java.time.Instant t = r.time();
      if (t != null && (latest == null || t.isAfter(latest))) {
        latest = t;
      }
    }
    this.exchanges = Collections.unmodifiableList(xs);
    this.engineIoExchanges = Collections.unmodifiableList(engineIo);
    this.logLines = Collections.unmodifiableList(lines);
    this.frames = Collections.unmodifiableList(fs);
    events.replaceAll((e, l) -> Collections.unmodifiableList(l));
    this.end = latest;
    this.byEvent = events;
  }

  /**
   * An incident of log lines only, already in time order and already grouped by event in that
   * order, as a builder collects a log's lines: no pass over them here (a batch scan makes one of
   * these per chunk, and touching every line again was a visible share of it).
   *
   * @param lines in time order, lines without a time last
   * @param byEvent every line under its event, in the same order
   * @param end the latest time of lines left out of it, or null
   */
  public static Incident ofLogLines(List<LogLine> lines, Map<LogEvent, List<LogLine>> byEvent,
      List<Session> sessions, List<InputSummary> inputs, java.time.Instant end) {
    return new Incident(lines, byEvent, sessions, inputs, end);
  }

  private Incident(List<LogLine> lines, Map<LogEvent, List<LogLine>> byEvent, List<Session> sessions,
      List<InputSummary> inputs, java.time.Instant end) {
    this.clockOffsets = List.of();
    this.records = List.copyOf(lines);
    this.sessions = List.copyOf(sessions);
    this.webSockets = List.of();
    this.inputs = List.copyOf(inputs);
    Map<String, Session> sids = new HashMap<>();
    for (Session s : this.sessions) {
      sids.putIfAbsent(s.sid(), s);
    }
    this.bySid = Collections.unmodifiableMap(sids);
    this.exchanges = List.of();
    this.engineIoExchanges = List.of();
    this.frames = List.of();
    this.logLines = List.copyOf(lines);
    Map<LogEvent, List<LogLine>> events = new EnumMap<>(LogEvent.class);
    byEvent.forEach((e, l) -> events.put(e, List.copyOf(l)));
    this.byEvent = events;
    // in time order: the last line with a time is the latest
    java.time.Instant latest = end;
    for (int i = lines.size() - 1; i >= 0; i--) {
      java.time.Instant t = lines.get(i).time();
      if (t != null) {
        latest = latest == null || t.isAfter(latest) ? t : latest;
        break;
      }
    }
    this.end = latest;
  }

  /** All records, ordered by time (records without a time keep their input order, last). */
  public List<Record> records() {
    return records;
  }

  public List<Session> sessions() {
    return sessions;
  }

  public Optional<Session> session(String sid) {
    return Optional.ofNullable(bySid.get(sid));
  }

  public List<WebSocketConnection> webSockets() {
    return webSockets;
  }

  public List<InputSummary> inputs() {
    return inputs;
  }

  /**
   * When the inputs end: the latest time of any record, also of lines no rule reads that were left
   * out of {@link #records()}; null when nothing has a time. A silence is measured up to here.
   */
  public java.time.Instant end() {
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
    return logLines;
  }

  public List<LogLine> logLines(LogEvent event) {
    return byEvent.getOrDefault(event, List.of());
  }

  /**
   * A value derived from this incident once and shared by the rules that need it (the disconnect
   * series, for one): {@code key} names it, {@code compute} makes it on first use.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(String key, java.util.function.Function<Incident, T> compute) {
    Object v = derived.get(key);
    if (v == null) {
      v = compute.apply(this);
      derived.putIfAbsent(key, v);
    }
    return (T) v;
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
