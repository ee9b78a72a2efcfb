package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.NeedsSessionIdentity;
import io.siodoctor.rules.api.PacketEvent;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.AccessLines;
import io.siodoctor.rules.signals.EngineIoErrors;
import io.siodoctor.rules.signals.ServerHeartbeat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Requests of a live session answered "Session ID unknown" (code 1): the sid was issued moments ago,
 * so a different node got the request. Server logs make it certain: one node logged {@code
 * handshaking client "<sid>"}, another {@code unknown sid "<sid>"}.
 */
@NeedsSessionIdentity
@Cause(
    id = "sticky-session-missing",
    title = "Requests of one session reach different servers",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/using-multiple-nodes/",
    subsumes = {"websocket-upgrade-blocked", "reconnect-storm", "network-interruption", "polling-only-config"},
    settings = {ProxySetting.STICKINESS})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HANDSHAKE, LogEvent.HTTP_ACCESS, LogEvent.UNKNOWN_SID})
public final class StickySessionMissingRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    int soonAfterHandshake = 0;
    for (HttpExchange x : EngineIoErrors.withCode(incident, EngineIoError.UNKNOWN_SID)) {
      String sid = x.sid().orElse(null);
      if (sid != null && incident.session(sid).map(s -> tornDown(s, x) || quietPastHeartbeat(incident, s, x)).orElse(false)) {
        // the session was already ending on purpose, or the server's own ping timeout had ended it:
        // a late request is expected to be unknown
        continue;
      }
      evidence.add(Evidence.of(x));
      if (sid != null) {
        sids.add(sid);
        Optional<Session> s = incident.session(sid);
        if (s.isPresent() && s.get().handshakeRecord().isPresent() && issuedRecently(s.get(), x)) {
          soonAfterHandshake++;
        }
      }
    }
    // netty-socketio answers a request for a session it does not know with a bare 500 (and its
    // session ids are UUIDs, which no other server issues): the same story without an error code
    for (HttpExchange x : incident.engineIoExchanges()) {
      String sid = x.sid().orElse(null);
      if (x.status() != 500 || sid == null || !isUuid(sid) || sids.contains(sid)) {
        continue;
      }
      Optional<Session> s = incident.session(sid);
      if (s.isPresent() && s.get().handshakeRecord().isPresent() && issuedRecently(s.get(), x)
          && !tornDown(s.get(), x) && !quietPastHeartbeat(incident, s.get(), x)) {
        evidence.add(Evidence.of(x, "netty-socketio answers 500 for a session it does not know"));
        sids.add(sid);
        soonAfterHandshake++;
      }
    }
    // server side: a sid one node issued and another did not know
    List<String> nodeStories = new ArrayList<>();
    List<Evidence> nodeEvidence = new ArrayList<>();
    Set<String> storySids = new LinkedHashSet<>();
    List<LogLine> rejected = incident.logLines(LogEvent.UNKNOWN_SID);
    Map<String, List<LogLine>> issuedBySid = new HashMap<>();
    // the index only serves the lines that rejected a sid: most chunks have none
    for (LogLine issued : rejected.isEmpty() ? List.<LogLine>of() : incident.logLines(LogEvent.HANDSHAKE)) {
      if (issued.sessionId() != null) {
        issuedBySid.computeIfAbsent(issued.sessionId(), k -> new ArrayList<>()).add(issued);
      }
    }
    for (LogLine unknown : rejected) {
      if (unknown.sessionId() == null) {
        continue;
      }
      for (LogLine issued : issuedBySid.getOrDefault(unknown.sessionId(), List.of())) {
        if (issued.node() != null && !issued.node().equals(unknown.node())) {
          if (storySids.add(unknown.sessionId() + "@" + unknown.node())) {
            nodeEvidence.add(Evidence.of(issued, "sid issued by " + issued.node()));
            nodeStories.add("sid " + unknown.sessionId() + " was issued by " + issued.node()
                + " and rejected by " + unknown.node());
          }
          nodeEvidence.add(Evidence.of(unknown, "rejected by " + unknown.node()));
          sids.add(unknown.sessionId());
          break;
        }
      }
    }
    // the most telling of each view first: both nodes' lines, the browser's answers, the proxy's
    List<Evidence> browser = new ArrayList<>(evidence);
    evidence.clear();
    evidence.addAll(nodeEvidence.subList(0, Math.min(6, nodeEvidence.size())));
    evidence.addAll(browser.subList(0, Math.min(6, browser.size())));
    evidence.addAll(proxyView(incident, sids));
    evidence.addAll(browser.subList(Math.min(6, browser.size()), browser.size()));
    if (evidence.isEmpty()) {
      return bodilessView(incident);
    }
    double confidence;
    if (!nodeStories.isEmpty()) {
      confidence = 0.97;
    } else if (soonAfterHandshake > 0) {
      confidence = 0.9;
    } else {
      // an old sid can also be unknown because the session expired or the server restarted
      confidence = 0.6;
    }
    String detail = !nodeStories.isEmpty() ? String.join("; ", nodeStories.subList(0, Math.min(3, nodeStories.size())))
        + (nodeStories.size() > 3 ? "; and " + (nodeStories.size() - 3) + " more" : "")
        : soonAfterHandshake + " request(s) of a session opened moments before were answered as an unknown session";
    if (!nodeStories.isEmpty() && soonAfterHandshake > 0) {
      detail += "; the browser saw " + soonAfterHandshake + " request(s) answered as an unknown session";
    }
    return Optional.of(Finding.of(confidence, evidence).withSessions(sids).withDetail(detail));
  }

  /** The proxy's access-log lines of the rejected requests: they name the upstream that answered. */
  private static List<Evidence> proxyView(Incident incident, Set<String> sids) {
    List<Evidence> evidence = new ArrayList<>();
    if (sids.isEmpty()) {
      return evidence; // nothing was rejected: no line to find
    }
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s == 400 || s == 500)) {
      if (l.sessionId() != null && sids.contains(l.sessionId())) {
        evidence.add(Evidence.of(l, l.access().upstream() == null ? "rejected" : "answered by upstream " + l.access().upstream()));
        if (evidence.size() >= 4) {
          break;
        }
      }
    }
    return evidence;
  }

  /**
   * The client was closing this session anyway: the server had refused its CONNECT or disconnected
   * it, or the client had sent the Engine.IO close packet before the rejected request.
   */
  private static boolean tornDown(Session s, HttpExchange rejected) {
    if (rejected.time() == null) {
      return false;
    }
    for (PacketEvent p : s.packets()) {
      if (p.time() == null) {
        continue;
      }
      boolean before = !p.time().isAfter(rejected.time());
      if (before && p.fromServer() && (p.packet().carries(SocketIoPacket.Type.CONNECT_ERROR)
          || p.packet().carries(SocketIoPacket.Type.DISCONNECT))) {
        return true;
      }
      if (before && p.fromClient() && p.is(EngineIoPacket.Type.CLOSE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Nothing the client sent reached the server for longer than the session's heartbeat window
   * (pingInterval + pingTimeout) before the rejected request ({@link Session#lastFromClient}): the
   * server's own ping timeout had closed the session (a page whose main thread was blocked, a
   * suspended tab), so its "Session ID unknown" says nothing of where requests were routed.
   */
  private static boolean quietPastHeartbeat(Incident incident, Session s, HttpExchange rejected) {
    long window = s.handshake().map(h -> h.heartbeatWindowMillis()).orElseGet(() -> ServerHeartbeat.window(incident, rejected.url()));
    if (rejected.time() == null || window <= 0) {
      return false;
    }
    return s.lastFromClient(rejected.time())
        .filter(last -> Duration.between(last, rejected.time()).toMillis() > window).isPresent();
  }

  /** netty-socketio's session ids: {@code UUID.randomUUID()}, 8-4-4-4-12 hex digits. */
  static boolean isUuid(String sid) {
    if (sid.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = sid.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash != (c == '-') || !dash && Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Within one heartbeat window of the handshake or of the session's previous request. */
  private static boolean issuedRecently(Session s, HttpExchange rejected) {
    if (rejected.time() == null || s.opened() == null) {
      return false;
    }
    long window = s.handshake().map(h -> h.heartbeatWindowMillis()).orElse(45_000L);
    if (window <= 0) {
      window = 45_000L;
    }
    return !rejected.time().isBefore(s.opened())
        && Duration.between(s.opened(), rejected.time()).toMillis() <= window;
  }

  /**
   * Response bodies not recorded (body-stripping exporters and sanitizers): the error code is gone,
   * but a 400 with no body on a request of a session whose other requests the server had just
   * accepted is what "Session ID unknown" from another node looks like. Reported at lower
   * confidence, saying the body is missing.
   */
  /** "Right after": the same session succeeding again this soon after a 400. */
  private static final Duration RECENT = Duration.ofSeconds(5);

  /**
   * A POST that carried the client's close packet (a server answers that "ok" for a session it is
   * ending: no sign it knew the session), or whose body is not recorded (a sanitizer's placeholder,
   * an export without request bodies), so it may have been that close.
   */
  private static boolean closesOrUnknown(HttpExchange o) {
    if (!"POST".equalsIgnoreCase(o.method())) {
      return false;
    }
    List<EngineIoPacket> sent = o.requestPayload().packets();
    return sent.isEmpty() || sent.stream().anyMatch(p -> p.is(EngineIoPacket.Type.CLOSE));
  }

  private static Optional<Finding> bodilessView(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      String sid = x.engineIo().sid();
      if (x.status() != 400 || sid == null || sid.isEmpty() || !x.responseBody().isEmpty() || x.responseBodySize() == 0) {
        continue;
      }
      Optional<Session> s = incident.session(sid);
      if (s.isEmpty() || x.time() == null) {
        continue;
      }
      // the same sid unknown here and known again right after: requests reach servers that do not share it
      Optional<HttpExchange> knownAfter = s.get().exchanges().stream().filter(o -> o != x
          && (o.status() >= 200 && o.status() < 300 || o.status() == 101) && o.time() != null
          && o.time().isAfter(x.time()) && Duration.between(x.time(), o.time()).compareTo(RECENT) <= 0
          && !closesOrUnknown(o)).findFirst();
      if (knownAfter.isPresent() && !tornDown(s.get(), x)) {
        evidence.add(Evidence.of(x, "400 on this session; body not recorded"));
        evidence.add(Evidence.of(knownAfter.get(), "the same session accepted again right after"));
        sids.add(sid);
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(0.5, evidence).withSessions(sids).withDetail(sids.size()
        + " session(s) got 400 on one request and success on the next: the sid is known to one server and not"
        + " to another; the response bodies are not recorded, so the \"Session ID unknown\" (code 1) that would"
        + " prove it is not visible"));
  }
}
