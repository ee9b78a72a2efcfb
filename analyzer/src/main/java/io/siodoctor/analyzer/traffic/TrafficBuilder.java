package io.siodoctor.analyzer.traffic;

import io.siodoctor.analyzer.timeline.TimelineBuilder;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.WebSocketConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the report's request list from an incident: every Engine.IO request, WebSocket and frame,
 * and the log lines that name a session or state a Socket.IO event (ordinary server chatter stays
 * out). Sessions come from the incident's grouping, nodes from {@link NodeAttribution}.
 */
public final class TrafficBuilder {
  /** A report of a 300 MB HAR stays a page: the first rows by time, the count of the rest. */
  static final int MAX_ROWS = 1500;

  private TrafficBuilder() {}

  public static Traffic of(Incident incident) {
    Map<Record, String> sidOf = new IdentityHashMap<>();
    for (Session s : incident.sessions()) {
      s.exchanges().forEach(x -> sidOf.put(x, s.sid()));
      s.webSockets().forEach(ws -> sidOf.put(ws.request(), s.sid()));
      s.logLines().forEach(l -> sidOf.put(l, s.sid()));
    }
    NodeAttribution nodes = new NodeAttribution(incident);
    List<Pending> pending = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (!x.isWebSocket()) {
        pending.add(new Pending(x.time(), exchange(x, sid(sidOf, x), nodes)));
      }
    }
    for (WebSocketConnection ws : incident.webSockets()) {
      String sid = ws.sid() != null ? ws.sid() : sid(sidOf, ws.request());
      pending.add(new Pending(ws.request().time(), webSocket(ws, sid, nodes)));
      for (WsFrame f : ws.frames()) {
        pending.add(new Pending(f.time(), frame(f, sid)));
      }
    }
    for (LogLine l : incident.logLines()) {
      if (socketIoRelated(l)) {
        pending.add(new Pending(l.time(), log(l, sid(sidOf, l), nodes)));
      }
    }
    pending.sort(Comparator.comparing(Pending::time, Comparator.nullsLast(Comparator.naturalOrder())));
    int dropped = Math.max(0, pending.size() - MAX_ROWS);
    List<TrafficRow> rows = new ArrayList<>(Math.min(pending.size(), MAX_ROWS));
    for (Pending p : pending.subList(0, pending.size() - dropped)) {
      TrafficRow r = p.row();
      rows.add(new TrafficRow("r" + rows.size(), r.kind(), r.time(), r.sid(), r.transport(), r.method(), r.target(),
          r.status(), r.error(), r.node(), r.text(), r.location(), r.packets()));
    }
    return new Traffic(rows, dropped);
  }

  private record Pending(Instant time, TrafficRow row) {}

  private static String sid(Map<Record, String> sidOf, Record r) {
    String s = sidOf.get(r);
    return s != null ? s : r.sid().orElse("");
  }

  private static boolean socketIoRelated(LogLine l) {
    if (l.access() != null) {
      return l.access().engineIo() != null;
    }
    return l.sessionId() != null || (!l.is(LogEvent.OTHER) && !l.is(LogEvent.HTTP_REQUEST));
  }

  private static TrafficRow exchange(HttpExchange x, String sid, NodeAttribution nodes) {
    List<String> packets = new ArrayList<>();
    for (EngineIoPacket p : x.requestPayload().packets()) {
      packets.add("→ " + PacketText.describe(p));
    }
    for (EngineIoPacket p : x.responsePayload().packets()) {
      packets.add("← " + PacketText.describe(p));
    }
    if (x.engineIoError() != null) {
      packets.add("← engine.io error " + x.engineIoError().code() + " " + x.engineIoError().message());
    }
    boolean error = x.failed() || x.status() >= 400 || x.engineIoError() != null;
    return new TrafficRow("", "request", iso(x.time()), sid, transport(x), x.method(),
        NodeAttribution.pathAndQuery(x.url()), status(x), error, nodes.answered(x),
        x.responseBody().isEmpty() ? "" : io.siodoctor.parsers.record.Excerpts.oneLine(x.responseBody(), 300),
        x.location().toString(), packets);
  }

  private static TrafficRow webSocket(WebSocketConnection ws, String sid, NodeAttribution nodes) {
    HttpExchange x = ws.request();
    String status;
    if (x.status() != 0) {
      status = Integer.toString(x.status());
    } else if (ws.refused()) {
      status = ws.errors().isEmpty() ? "refused" : "refused: " + ws.errors().get(0).data();
    } else {
      status = ws.opened() ? "opened" : status(x);
    }
    return new TrafficRow("", "websocket", iso(x.time()), sid, "websocket", x.method(),
        NodeAttribution.pathAndQuery(x.url()), status, ws.refused(), nodes.answered(x), "",
        x.location().toString(), List.of());
  }

  private static TrafficRow frame(WsFrame f, String sid) {
    String status = f.direction().name().toLowerCase(Locale.ROOT);
    boolean error = f.direction() == WsFrame.Direction.ERROR;
    List<String> packets = f.packet() == null ? List.of()
        : List.of((f.sent() ? "→ " : "← ") + PacketText.describe(f.packet()));
    if (f.packet() != null && f.packet().socketIo() != null
        && f.packet().socketIo().type() == io.siodoctor.parsers.engineio.SocketIoPacket.Type.CONNECT_ERROR) {
      error = true;
    }
    // the record's own excerpt: it marks binary data as such, which the secret masker relies on
    return new TrafficRow("", "frame", iso(f.time()), sid, "websocket", "", "", status, error, "",
        f.excerpt(), f.location().toString(), packets);
  }

  private static TrafficRow log(LogLine l, String sid, NodeAttribution nodes) {
    String method = "";
    String target = "";
    String status = l.event().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String node = l.node() == null ? "" : l.node();
    String transport = "";
    boolean error = TimelineBuilder.isError(l);
    if (l.access() != null) {
      method = l.access().method() == null ? "" : l.access().method();
      target = l.access().url() == null ? "" : l.access().url();
      // a server's own request line (debug log) has no status: its event says what it is
      status = l.access().status() > 0 ? Integer.toString(l.access().status()) : status;
      error = l.access().status() >= 400 || TimelineBuilder.isError(l);
      node = nodes.nodeOf(l.access().upstream());
      transport = l.access().engineIo() == null || l.access().engineIo().transport() == null ? ""
          : l.access().engineIo().transport();
    } else if (l.fact().text() != null && !l.fact().text().isEmpty()) {
      status = status + ": " + l.fact().text();
    }
    return new TrafficRow("", "log", iso(l.time()), sid, transport, method, target, status, error, node,
        l.excerpt(), l.location().toString(), List.of());
  }

  private static String transport(HttpExchange x) {
    return x.engineIo() == null || x.engineIo().transport() == null ? "" : x.engineIo().transport();
  }

  private static String status(HttpExchange x) {
    if (x.status() != 0) {
      return Integer.toString(x.status());
    }
    return x.failed() ? "failed: " + x.error() : "pending";
  }

  private static String iso(Instant t) {
    return t == null ? "" : t.toString();
  }

}
