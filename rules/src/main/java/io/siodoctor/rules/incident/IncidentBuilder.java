package io.siodoctor.rules.incident;

import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.parsers.engineio.PacketDecoder;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.ClockOffset;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.PacketEvent;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.WebSocketConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the records of every input of one incident and groups them into sessions by Engine.IO
 * sid: query strings, open packets (polling bodies and WebSocket frames of WebSocket-only sessions),
 * and log lines.
 */
public final class IncidentBuilder {
  private final RetentionPolicy retention;
  private final List<InputSummary> inputs = new ArrayList<>();
  /**
   * The kept log lines by sid, in arrival order, grouped as they come (while still in cache): logs
   * alone need no other pass over their records to form sessions.
   */
  private final Map<String, List<LogLine>> linesBySid = new LinkedHashMap<>();
  /** The kept log lines by event, in arrival order: for logs alone, already the incident's index. */
  private final Map<LogEvent, List<LogLine>> linesByEvent = new java.util.EnumMap<>(LogEvent.class);
  private boolean onlyLogLines = true;

  /** A builder that keeps every record: what {@code analyze} uses, whose report shows them all. */
  public IncidentBuilder() {
    this(ReadSet.EVERYTHING);
  }

  /**
   * @param plan what the incident's readers read (for a batch scan, the rule engine's
   *     {@code plan()}): unless it reads the log lines no parser recognised, those that name no
   *     session (most of a debug log) are left out; a batch scan's chunks then hold about a fifth
   *     of a debug log's lines
   */
  public IncidentBuilder(ReadSet plan) {
    this.retention = new RetentionPolicy(plan);
  }

  /** A sink for the records of one input; pass the reader's summary to {@link #addInput} after. */
  public RecordSink sink() {
    return new RecordSink() {
      @Override
      public void accept(Record record) {
        offer(record);
      }

      @Override
      public void warn(String message) {
        // warnings travel in the InputSummary the reader returns
      }

      @Override
      public ReadSet plan() {
        return retention.plan();
      }

      @Override
      public void unrecognised(String file, Instant time) {
        retention.leaveOut(file, time);
      }
    };
  }

  public IncidentBuilder add(Record record) {
    offer(record);
    return this;
  }

  private void offer(Record record) {
    onlyLogLines &= record instanceof LogLine;
    if (retention.offer(record) && record instanceof LogLine l) {
      linesByEvent.computeIfAbsent(l.event(), e -> new ArrayList<>()).add(l);
      if (l.sessionId() != null && !l.sessionId().isEmpty()) {
        linesBySid.computeIfAbsent(l.sessionId(), sid -> new ArrayList<>()).add(l);
      }
    }
  }

  /**
   * How many records were offered, less the unrecognised lines left out: a scan cuts its chunks by
   * this, the measure of the incident's size and of the rules' work on it.
   */
  public long size() {
    return retention.considered();
  }

  /**
   * Whether {@code record} counts in {@link #size} of a builder with this plan: a scan that collects
   * a chunk's records before building its incident (on another thread) cuts where this builder would.
   */
  public static boolean counts(ReadSet plan, Record record) {
    return plan.readsUnrecognisedLines() || !RetentionPolicy.unrecognisedLine(record);
  }

  /**
   * A line the plan does not read that the parser did not even make (see {@code RecordSink.unrecognised}):
   * like the unrecognised lines this builder leaves out, only its time counts, for {@link Incident#end}.
   */
  public void leaveOut(String file, Instant time) {
    retention.leaveOut(file, time);
  }

  public IncidentBuilder addInput(InputSummary summary) {
    inputs.add(summary);
    return this;
  }

  public Incident build() {
    List<Record> kept = retention.records();
    // logs alone (a scan's chunks) have no browser clock to align with: skip a pass over them
    List<ClockOffset> offsets = retention.sawExchanges() ? ClockAlignment.estimate(kept) : List.of();
    List<Record> records = ClockAlignment.apply(kept, offsets);
    // only a placeholder sid can leave a request untied: without one, no pass looks for them
    boolean redactedSids = retention.sawExchanges() && RedactedSidAttribution.needed(records);
    if (redactedSids) {
      // a sanitizer replaced sids with a placeholder: tie each such request to its session where provable
      Map<HttpExchange, String> openedBy = new java.util.IdentityHashMap<>();
      for (WebSocketConnection ws : webSocketConnections(records)) {
        if (ws.handshake() != null && ws.handshake().sid() != null) {
          openedBy.put(ws.request(), ws.handshake().sid());
        }
      }
      records = RedactedSidAttribution.attribute(records, openedBy);
    }
    List<Record> ordered = new ArrayList<>(records);
    // stable sort: records without a time keep their input order, at the end. A log's lines
    // usually arrive in time order already: the retention notes it as they come (still in cache),
    // else one pass checks before sorting.
    boolean moved = offsets.stream().anyMatch(ClockOffset::applied);
    if ((moved || !retention.inTimeOrder()) && !inTimeOrder(ordered)) {
      ordered.sort(BY_TIME);
    }

    List<WebSocketConnection> webSockets = retention.sawExchanges() ? webSocketConnections(records) : List.of();
    Map<String, SessionParts> parts = new LinkedHashMap<>();
    if (onlyLogLines && !moved) {
      // logs alone, as they came: the sessions are the lines grouped on arrival
      linesBySid.forEach((sid, lines) -> parts.computeIfAbsent(sid, SessionParts::new).logLines.addAll(lines));
    } else {
      groupBySid(records, parts);
    }
    for (WebSocketConnection ws : webSockets) {
      if (ws.sid() != null) {
        parts.computeIfAbsent(ws.sid(), SessionParts::new).addWebSocket(ws);
      }
    }
    List<Session> sessions = new ArrayList<>();
    for (SessionParts p : parts.values()) {
      sessions.add(p.toSession());
    }
    sessions.sort(Comparator.comparing(Session::opened, Comparator.nullsLast(Comparator.naturalOrder())));
    Instant leftOutEnd = leftOutEnd(retention.latestLeftOut(), offsets);
    // log lines alone, arrived in time order: grouped by event on arrival already
    Map<LogEvent, List<LogLine>> byEvent = onlyLogLines && !moved && retention.inTimeOrder() ? linesByEvent : null;
    Incident logsAlone = redactedSids ? logsAlone(ordered) : null;
    return new Incident(ordered, byEvent, sessions, webSockets, withRetentionNote(inputs), offsets, leftOutEnd,
        logsAlone);
  }

  /**
   * The log lines' own incident when some request of the capture names a session by a placeholder
   * no one could tie back ({@link Incident#logsAlone}), and the lines name sessions; else null.
   * Built from the lines as this incident holds them (clocks aligned), with the logs' summaries.
   */
  private Incident logsAlone(List<Record> ordered) {
    boolean unknown = false;
    boolean named = false;
    for (Record r : ordered) {
      if (r instanceof HttpExchange x) {
        unknown |= Incident.namesUnknownSession(x);
      } else if (r instanceof LogLine l) {
        named |= l.sessionId() != null && !l.sessionId().isEmpty();
      }
    }
    if (!unknown || !named) {
      return null;
    }
    IncidentBuilder logs = new IncidentBuilder(retention.plan());
    for (Record r : ordered) {
      if (r instanceof LogLine) {
        logs.add(r);
      }
    }
    for (InputSummary s : inputs) {
      if (!"har".equals(s.format())) {
        logs.addInput(s);
      }
    }
    return logs.build();
  }

  /** Exchanges and log lines into their sessions, in record order. */
  private static void groupBySid(List<Record> records, Map<String, SessionParts> parts) {
    for (Record r : records) {
      if (r instanceof HttpExchange x && !x.isWebSocket()) {
        x.sid().ifPresent(sid -> parts.computeIfAbsent(sid, SessionParts::new).addExchange(x));
      } else if (r instanceof LogLine l && l.sessionId() != null && !l.sessionId().isEmpty()) {
        // sessionId directly, not sid(): no Optional for each of a chunk's lines
        parts.computeIfAbsent(l.sessionId(), SessionParts::new).logLines.add(l);
      }
    }
  }

  /**
   * The latest time of the unrecognised lines left out (moved like their log's other lines when its
   * clock was moved), or null: the incident ends there when its records end earlier.
   */
  private static Instant leftOutEnd(Map<String, Instant> leftOut, List<ClockOffset> offsets) {
    Instant end = null;
    for (Map.Entry<String, Instant> e : leftOut.entrySet()) {
      Instant t = e.getValue();
      for (ClockOffset o : offsets) {
        if (o.applied() && o.file().equals(e.getKey())) {
          t = t.minusMillis(o.offsetMillis());
        }
      }
      end = later(end, t);
    }
    return end;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }

  /** Time order, records without a time last; a plain comparator (no boxing key extractors): it runs millions of times in a scan. */
  private static final Comparator<Record> BY_TIME = (a, b) -> {
    Instant x = a.time();
    Instant y = b.time();
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : 1) : -1;
    }
    return x.compareTo(y);
  };

  private static boolean inTimeOrder(List<Record> records) {
    for (int i = 1; i < records.size(); i++) {
      if (BY_TIME.compare(records.get(i - 1), records.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Tells the user, on the HAR input (else the first readable one), what was counted but not kept. */
  private List<InputSummary> withRetentionNote(List<InputSummary> in) {
    String note = retention.note();
    List<InputSummary> out = new ArrayList<>(in);
    if (note == null) {
      return out;
    }
    int target = -1;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).readable() && (target < 0 || "har".equals(out.get(i).format()))) {
        target = i;
      }
    }
    if (target >= 0) {
      InputSummary s = out.get(target);
      List<String> warnings = new ArrayList<>(s.warnings());
      warnings.add(note);
      out.set(target, new InputSummary(s.file(), s.format(), s.records(), warnings, s.error(), s.capture()));
    }
    return out;
  }

  /** Frames follow their WebSocket entry in a HAR; join them by file and entry index. */
  private static List<WebSocketConnection> webSocketConnections(List<Record> records) {
    Map<String, HttpExchange> requests = new LinkedHashMap<>();
    Map<String, List<WsFrame>> frames = new LinkedHashMap<>();
    for (Record r : records) {
      if (r instanceof HttpExchange x && x.isWebSocket()) {
        requests.put(key(x.location().file(), x.entryIndex()), x);
      } else if (r instanceof WsFrame f) {
        frames.computeIfAbsent(key(f.location().file(), f.entryIndex()), k -> new ArrayList<>()).add(f);
      }
    }
    List<WebSocketConnection> result = new ArrayList<>();
    for (Map.Entry<String, HttpExchange> e : requests.entrySet()) {
      HttpExchange request = e.getValue();
      List<WsFrame> fs = frames.getOrDefault(e.getKey(), List.of());
      Handshake open = null;
      for (WsFrame f : fs) {
        if (f.received() && f.packet() != null && f.packet().is(EngineIoPacket.Type.OPEN)) {
          open = PacketDecoder.parseHandshake(f.packet());
          break;
        }
      }
      String sid = request.sid().orElse(open == null ? null : open.sid());
      result.add(new WebSocketConnection(request, fs, sid, open));
    }
    return result;
  }

  private static String key(String file, int entry) {
    return file + "#" + entry;
  }

  /** The pieces of one session while they are being collected. */
  private static final class SessionParts {
    final String sid;
    final List<HttpExchange> exchanges = new ArrayList<>();
    final List<WebSocketConnection> webSockets = new ArrayList<>();
    final List<LogLine> logLines = new ArrayList<>();
    final List<PacketEvent> packets = new ArrayList<>();
    Handshake handshake;
    Record handshakeRecord;

    SessionParts(String sid) {
      this.sid = sid;
    }

    void addExchange(HttpExchange x) {
      exchanges.add(x);
      if (handshake == null && x.handshake() != null && sid.equals(x.handshake().sid())) {
        handshake = x.handshake();
        handshakeRecord = x;
      }
      for (EngineIoPacket p : x.requestPayload().packets()) {
        packets.add(new PacketEvent(x.time(), true, p, x));
      }
      Instant answered = x.ended();
      for (EngineIoPacket p : x.responsePayload().packets()) {
        packets.add(new PacketEvent(answered, false, p, x));
      }
    }

    void addWebSocket(WebSocketConnection ws) {
      webSockets.add(ws);
      if (handshake == null && ws.handshake() != null) {
        handshake = ws.handshake();
        handshakeRecord = ws.frames().stream()
            .filter(f -> f.packet() != null && f.packet().is(EngineIoPacket.Type.OPEN))
            .findFirst().map(Record.class::cast).orElse(ws.request());
      }
      for (WsFrame f : ws.frames()) {
        if (f.packet() != null) {
          packets.add(new PacketEvent(f.time(), f.sent(), f.packet(), f));
        }
      }
    }

    Session toSession() {
      if (handshake == null) {
        // a server log's open packet: what the server announced, when no HAR showed it
        for (LogLine l : logLines) {
          // python-engineio logs the sid and the open packet on one line: a HANDSHAKE with the JSON
          if ((l.is(LogEvent.OPEN_SENT) || l.is(LogEvent.HANDSHAKE))
              && l.fact() instanceof LogFact.HandshakeSent sent && sent.handshake() != null) {
            handshake = sent.handshake();
            handshakeRecord = l;
            break;
          }
        }
      }
      if (handshakeRecord == null) {
        // a server log can be the only witness of the handshake
        for (LogLine l : logLines) {
          if (l.is(LogEvent.HANDSHAKE)) {
            handshakeRecord = l;
            break;
          }
        }
      }
      exchanges.sort(Comparator.comparing(HttpExchange::time, Comparator.nullsLast(Comparator.naturalOrder())));
      return new Session(sid, handshake, handshakeRecord, exchanges, webSockets, packets, logLines);
    }
  }
}
