package io.siodoctor.analyzer.timeline;

import io.siodoctor.analyzer.timeline.TimelineMark.Kind;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.WebSocketConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns an incident into timeline lanes: one per session, plus one for the attempts that never got
 * a session (refused handshakes, plain WebSockets), because those are often the whole story.
 */
public final class TimelineBuilder {
  /** Bounds keep a report of a 300 MB HAR a page, not a 300 MB page. */
  static final int MAX_LANES = 40;
  static final int MAX_MARKS_PER_LANE = 600;

  private static final Set<LogEvent> LOG_ERRORS = EnumSet.of(LogEvent.UNKNOWN_SID, LogEvent.UNKNOWN_TRANSPORT,
      LogEvent.UNSUPPORTED_PROTOCOL_VERSION, LogEvent.TRANSPORT_MISMATCH, LogEvent.BAD_REQUEST,
      LogEvent.BAD_HANDSHAKE_METHOD, LogEvent.REQUEST_FORBIDDEN,
      LogEvent.TRANSPORT_ERROR, LogEvent.CONNECT_ERROR_SENT, LogEvent.NAMESPACE_DENIED, LogEvent.PAYLOAD_TOO_LARGE,
      LogEvent.PROXY_UPSTREAM_UNAVAILABLE, LogEvent.PROXY_UPSTREAM_TIMEOUT, LogEvent.PROXY_UPGRADED_TIMEOUT,
      LogEvent.CORS_BLOCKED, LogEvent.MIXED_CONTENT_BLOCKED, LogEvent.WEBSOCKET_FAILED, LogEvent.NETWORK_ERROR);

  private TimelineBuilder() {}

  public static Timeline of(Incident incident) {
    List<TimelineLane> lanes = new ArrayList<>();
    // identity, not equals: records are value records, and hashing every body of a big HAR is slow
    Set<Record> inSessions = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Session s : incident.sessions()) {
      // every session's records, also of sessions past the lane cap: they are not orphans
      inSessions.addAll(s.exchanges());
      s.webSockets().forEach(ws -> inSessions.add(ws.request()));
      inSessions.addAll(s.logLines());
    }
    for (Session s : incident.sessions()) {
      if (lanes.size() >= MAX_LANES) {
        break;
      }
      List<TimelineMark> marks = new ArrayList<>();
      Record handshake = s.handshakeRecord().orElse(null);
      for (HttpExchange x : s.exchanges()) {
        add(marks, x == handshake ? mark(x, Kind.HANDSHAKE) : exchange(x));
      }
      for (WebSocketConnection ws : s.webSockets()) {
        addWebSocket(marks, ws, ws.request() == handshake);
      }
      for (LogLine l : s.logLines()) {
        add(marks, logLine(l));
      }
      lanes.add(lane(s.sid(), marks));
    }
    List<TimelineMark> orphans = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (!inSessions.contains(x) && !x.isWebSocket()) {
        // no session: refused, blocked (mixed content exports as status 0 with no error), or erroring
        add(orphans, x.status() == 0 ? mark(x, Kind.ERROR) : exchange(x));
      }
    }
    for (LogLine l : incident.logLines()) {
      if (!inSessions.contains(l)) {
        add(orphans, logLine(l));
      }
    }
    for (WebSocketConnection ws : incident.webSockets()) {
      if (!inSessions.contains(ws.request())) {
        addWebSocket(orphans, ws, false);
      }
    }
    if (!orphans.isEmpty()) {
      lanes.add(0, lane("no session", orphans));
    }
    return new Timeline(lanes);
  }

  private static TimelineLane lane(String label, List<TimelineMark> marks) {
    marks.sort(Comparator.comparing(TimelineMark::time));
    int dropped = Math.max(0, marks.size() - MAX_MARKS_PER_LANE);
    return new TimelineLane(label, marks.subList(0, marks.size() - dropped), dropped);
  }

  private static void addWebSocket(List<TimelineMark> marks, WebSocketConnection ws, boolean isHandshake) {
    HttpExchange x = ws.request();
    add(marks, mark(x, ws.refused() ? Kind.ERROR : isHandshake ? Kind.HANDSHAKE : Kind.UPGRADE));
    for (WsFrame f : ws.frames()) {
      add(marks, frame(f));
    }
  }

  private static TimelineMark exchange(HttpExchange x) {
    if (x.failed() || x.status() >= 400 || x.engineIoError() != null) {
      return mark(x, Kind.ERROR);
    }
    if (x.handshake() != null) {
      return mark(x, Kind.HANDSHAKE);
    }
    boolean closes = x.requestPayload().packets().stream().anyMatch(p -> p.is(EngineIoPacket.Type.CLOSE))
        || x.responsePayload().packets().stream().anyMatch(p -> p.is(EngineIoPacket.Type.CLOSE));
    return mark(x, closes ? Kind.CLOSE : Kind.POLL);
  }

  private static TimelineMark frame(WsFrame f) {
    EngineIoPacket p = f.packet();
    Kind kind;
    if (f.direction() == WsFrame.Direction.ERROR) {
      kind = Kind.ERROR;
    } else if (p != null && p.isProbe()) {
      kind = Kind.UPGRADE;
    } else if (p != null && (p.is(EngineIoPacket.Type.PING) || p.is(EngineIoPacket.Type.PONG))) {
      kind = Kind.PING;
    } else if (p != null && (p.is(EngineIoPacket.Type.CLOSE) || p.carries(SocketIoPacket.Type.DISCONNECT))) {
      kind = Kind.CLOSE;
    } else if (p != null && p.carries(SocketIoPacket.Type.CONNECT_ERROR)) {
      kind = Kind.ERROR;
    } else {
      kind = f.sent() ? Kind.SENT : Kind.RECEIVED;
    }
    return mark(f, kind);
  }

  private static TimelineMark logLine(LogLine l) {
    if (l.is(LogEvent.CLOSED)) {
      return mark(l, Kind.CLOSE);
    }
    if (isError(l)) {
      return mark(l, Kind.ERROR);
    }
    return null; // ordinary server chatter would drown the browser's view
  }

  /** A log line that states a failure (unknown sid, refused transport, proxy timeout, ...). */
  public static boolean isError(LogLine l) {
    return LOG_ERRORS.contains(l.event());
  }

  private static TimelineMark mark(Record r, Kind kind) {
    if (r.time() == null) {
      return null;
    }
    double duration = r instanceof HttpExchange x && !x.isWebSocket() ? Math.max(0, x.durationMs()) : 0;
    return new TimelineMark(r.time(), duration, kind, r.excerpt(), r.location().toString());
  }

  private static void add(List<TimelineMark> marks, TimelineMark m) {
    if (m != null) {
      marks.add(m);
    }
  }
}
