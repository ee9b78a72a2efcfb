package io.siodoctor.analyzer.diff;

import io.siodoctor.analyzer.traffic.Traffic;
import io.siodoctor.analyzer.traffic.TrafficRow;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.SessionClose;
import io.siodoctor.rules.api.WebSocketConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Socket.IO facts of one capture, read from its incident (records grouped into sessions) and its
 * request list (which node answered): one {@link Fact} per {@link Aspect}. Values are phrased so
 * that two environments of the same app compare equal when they behave the same (an origin is
 * "cross-origin", not a port number; a session's length is a bucket, not milliseconds).
 */
final class CaptureFacts {
  private static final int EVIDENCE_PER_VALUE = 2;
  private final Map<Aspect, Map<String, List<DiffEvidence>>> facts = new EnumMap<>(Aspect.class);

  private CaptureFacts() {
    for (Aspect a : Aspect.values()) {
      facts.put(a, new TreeMap<>());
    }
  }

  static Map<Aspect, Fact> of(Incident incident, Traffic traffic) {
    CaptureFacts f = new CaptureFacts();
    f.requests(incident);
    f.sessions(incident);
    f.webSockets(incident);
    f.nodes(traffic);
    Map<Aspect, Fact> out = new EnumMap<>(Aspect.class);
    for (Map.Entry<Aspect, Map<String, List<DiffEvidence>>> e : f.facts.entrySet()) {
      out.put(e.getKey(), new Fact(e.getKey(), new ArrayList<>(e.getValue().keySet()), e.getValue()));
    }
    return out;
  }

  private void add(Aspect aspect, String value, Record where) {
    List<DiffEvidence> ev = facts.get(aspect).computeIfAbsent(value, k -> new ArrayList<>());
    if (where != null && ev.size() < EVIDENCE_PER_VALUE) {
      ev.add(DiffEvidence.of(where));
    }
  }

  private void add(Aspect aspect, String value, DiffEvidence where) {
    List<DiffEvidence> ev = facts.get(aspect).computeIfAbsent(value, k -> new ArrayList<>());
    if (where != null && ev.size() < EVIDENCE_PER_VALUE) {
      ev.add(where);
    }
  }

  private void requests(Incident incident) {
    List<HttpExchange> all = new ArrayList<>(incident.engineIoExchanges());
    for (WebSocketConnection ws : incident.webSockets()) {
      if (!all.contains(ws.request())) {
        all.add(ws.request());
      }
    }
    for (HttpExchange x : all) {
      if (x.engineIo() == null) {
        continue;
      }
      if (x.engineIo().eio() != null) {
        add(Aspect.CLIENT_REVISION, "EIO=" + x.engineIo().eio(), x);
      }
      if (x.engineIo().transport() != null) {
        add(Aspect.TRANSPORTS_TRIED, x.engineIo().transport(), x);
      }
      add(Aspect.PATH, x.engineIo().path() == null ? "(none)" : x.engineIo().path(), x);
      URI uri = uri(x.url());
      if (uri != null) {
        add(Aspect.HOST, uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()), x);
      }
      origin(x, uri);
      cookies(x);
      proxies(x);
      status(x);
      for (EngineIoPacket p : x.requestPayload().packets()) {
        namespace(p, x);
      }
      if (x.handshake() != null) {
        handshake(x.handshake(), x);
      }
    }
    for (WsFrame f : incident.frames()) {
      if (f.sent() && f.packet() != null) {
        namespace(f.packet(), f);
      }
    }
  }

  private void namespace(EngineIoPacket p, Record where) {
    if (p.socketIo() != null && p.socketIo().type() == SocketIoPacket.Type.CONNECT) {
      add(Aspect.NAMESPACE, p.socketIo().namespace(), where);
    }
  }

  private void handshake(Handshake h, Record where) {
    add(Aspect.HANDSHAKE, "upgrades=" + h.upgrades() + " pingInterval=" + h.pingInterval() + " pingTimeout="
        + h.pingTimeout() + (h.maxPayload() < 0 ? " maxPayload absent" : " maxPayload=" + h.maxPayload()), where);
  }

  /** Same-origin or cross-origin, as the browser decides it: the Origin header against the URL. */
  private void origin(HttpExchange x, URI uri) {
    if (x.isWebSocket()) {
      return; // browsers apply no CORS to WebSockets
    }
    Optional<String> origin = x.requestHeader("Origin");
    String o = origin.orElse("");
    boolean cross = !o.isEmpty() && uri != null && !o.equalsIgnoreCase(originOf(uri));
    add(Aspect.ORIGIN, cross ? "cross-origin" : "same-origin", x);
    if (x.status() == 0) {
      return;
    }
    Optional<String> allow = x.responseHeader("Access-Control-Allow-Origin");
    String value;
    if (!cross) {
      value = allow.isPresent() ? "Access-Control-Allow-Origin sent (same-origin, not needed)" : "not needed (same-origin)";
    } else if (allow.isEmpty()) {
      value = "Access-Control-Allow-Origin absent on a cross-origin response";
    } else if (allow.get().equals("*")) {
      value = "Access-Control-Allow-Origin: *";
    } else if (allow.get().equalsIgnoreCase(o)) {
      value = "Access-Control-Allow-Origin echoes the page origin";
    } else {
      value = "Access-Control-Allow-Origin names another origin";
    }
    boolean credentials = x.responseHeader("Access-Control-Allow-Credentials").map("true"::equalsIgnoreCase).orElse(false);
    add(Aspect.CORS, value + (cross && credentials ? ", with credentials" : ""), x);
  }

  private void cookies(HttpExchange x) {
    Optional<String> cookie = x.requestHeader("Cookie");
    if (cookie.isEmpty() || cookie.get().isBlank()) {
      add(Aspect.COOKIES, "(none)", x);
      return;
    }
    TreeSet<String> names = new TreeSet<>();
    for (String pair : cookie.get().split(";")) {
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    add(Aspect.COOKIES, String.join(", ", names), x);
  }

  private void proxies(HttpExchange x) {
    if (x.status() == 0) {
      return;
    }
    x.responseHeader("Server").ifPresent(s -> add(Aspect.PROXIES, "Server: " + s, x));
    x.responseHeader("Via").ifPresent(s -> add(Aspect.PROXIES, "Via: " + s, x));
  }

  private void status(HttpExchange x) {
    if (x.isWebSocket()) {
      return; // the upgrade aspect says what became of WebSockets
    }
    String value;
    if (x.failed()) {
      value = "failed: " + x.error();
    } else if (x.pending()) {
      return;
    } else if (x.engineIoError() != null) {
      value = x.status() + " engine.io error " + x.engineIoError().code() + " " + x.engineIoError().message();
    } else {
      value = Integer.toString(x.status());
    }
    add(Aspect.STATUSES, value, x);
  }

  private void webSockets(Incident incident) {
    for (WebSocketConnection ws : incident.webSockets()) {
      HttpExchange x = ws.request();
      String value;
      if (ws.refused()) {
        String why = x.status() != 0 ? "status " + x.status()
            : !ws.errors().isEmpty() ? ws.errors().get(0).data()
            : x.error() == null ? "no answer" : x.error();
        value = "refused: " + why;
      } else if (ws.opened()) {
        value = "opened (101 Switching Protocols)";
      } else {
        value = "no answer before the capture ended";
      }
      // Chrome keeps a refused handshake's status only in an error frame: that frame is the evidence
      add(Aspect.UPGRADE, value, x.status() == 0 && !ws.errors().isEmpty() ? ws.errors().get(0) : x);
    }
    if (incident.webSockets().isEmpty() && !incident.engineIoExchanges().isEmpty()) {
      add(Aspect.UPGRADE, "no WebSocket attempted", incident.engineIoExchanges().get(0));
    }
  }

  private void sessions(Incident incident) {
    for (Session s : incident.sessions()) {
      Record where = s.handshakeRecord().orElse(s.allRecords().isEmpty() ? null : s.allRecords().get(0));
      ProtocolRevision r = s.serverRevision();
      add(Aspect.SERVER_REVISION, r == ProtocolRevision.UNKNOWN ? "not proven" : "EIO=" + r.number() + " (" + r.releases() + ")",
          where);
      for (String t : s.transports()) {
        if (!"websocket".equals(t) || s.webSockets().stream().anyMatch(WebSocketConnection::opened)) {
          add(Aspect.TRANSPORTS_USED, t, where);
        }
      }
      Optional<SessionClose> close = s.close();
      Instant opened = s.opened();
      if (close.isPresent()) {
        SessionClose c = close.get();
        add(Aspect.DROPS, "closed " + bucket(opened, c.time()) + ": " + (c.reason() == null ? "no reason" : c.reason()),
            c.record() != null ? c.record() : where);
      } else {
        add(Aspect.DROPS, "open until the capture ended", where);
      }
    }
    boolean triedHandshake = incident.engineIoExchanges().stream().anyMatch(x -> x.engineIo() != null && x.engineIo().isHandshake());
    if (incident.sessions().isEmpty() && triedHandshake) {
      add(Aspect.SERVER_REVISION, "no session opened", incident.engineIoExchanges().get(0));
    }
  }

  /** Which node answered each session's requests: one, or several (the sticky-session signal). */
  private void nodes(Traffic traffic) {
    Map<String, TreeSet<String>> bySid = new LinkedHashMap<>();
    Map<String, DiffEvidence> firstOther = new LinkedHashMap<>();
    Map<String, DiffEvidence> first = new LinkedHashMap<>();
    for (TrafficRow r : traffic.rows()) {
      if (r.sid().isEmpty() || r.node().isEmpty() || !(r.kind().equals("request") || r.kind().equals("websocket"))) {
        continue;
      }
      TreeSet<String> nodes = bySid.computeIfAbsent(r.sid(), k -> new TreeSet<>());
      DiffEvidence ev = evidence(r);
      first.putIfAbsent(r.sid(), ev);
      if (!nodes.isEmpty() && !nodes.contains(r.node())) {
        firstOther.putIfAbsent(r.sid(), ev);
      }
      nodes.add(r.node());
    }
    for (Map.Entry<String, TreeSet<String>> e : bySid.entrySet()) {
      if (e.getValue().size() > 1) {
        add(Aspect.NODES, "a session's requests answered by different nodes (" + String.join(", ", e.getValue()) + ")",
            firstOther.get(e.getKey()));
      } else {
        add(Aspect.NODES, "each session answered by one node", first.get(e.getKey()));
      }
    }
  }

  private static DiffEvidence evidence(TrafficRow r) {
    String loc = r.location();
    int cut = loc.lastIndexOf(" entries[");
    if (cut < 0) {
      cut = loc.lastIndexOf(" line ");
    }
    String file = cut > 0 ? loc.substring(0, cut) : loc;
    String place = cut > 0 ? loc.substring(cut + 1) : "";
    String line = (r.method().isEmpty() ? "" : r.method() + " ") + r.target() + " -> " + r.status()
        + (r.node().isEmpty() ? "" : " (answered by " + r.node() + ")");
    return new DiffEvidence(file, place, r.time(), line);
  }

  private static String bucket(Instant from, Instant to) {
    if (from == null || to == null) {
      return "at an unknown time";
    }
    long ms = Duration.between(from, to).toMillis();
    if (ms < 1000) {
      return "within 1 s";
    } else if (ms < 10_000) {
      return "after 1-10 s";
    } else if (ms < 60_000) {
      return "after 10-60 s";
    }
    return "after more than a minute";
  }

  private static URI uri(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String originOf(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    scheme = scheme.equals("ws") ? "http" : scheme.equals("wss") ? "https" : scheme;
    return scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

}
