package io.siodoctor.rules.verdict;

import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.capture.MissingEvidence;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.PacketEvent;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.WebSocketConnection;
import io.siodoctor.rules.signals.ClientPingTimeout;
import io.siodoctor.rules.signals.Disconnect;
import io.siodoctor.rules.signals.Disconnects;
import io.siodoctor.rules.signals.NetErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The failure symptoms an incident shows, each with its evidence: what keeps a report from being
 * {@code healthy}, and what an {@code inconclusive} report lists. Keyed on protocol and HTTP facts
 * (statuses, Engine.IO URLs, network errors by where they happened, packets, server-log events),
 * never on the wording of particular captures. Consequences that any failure produces (aborted
 * requests, polls still pending) are left out.
 */
public final class Symptoms {
  private Symptoms() {}

  /** Evidence items kept per symptom. */
  private static final int MAX_EVIDENCE = 5;
  /** A socket.io client tries its WebSocket right after the handshake; polling this long without one is a choice or a block. */
  private static final long NEVER_UPGRADED_MS = 3000;
  /** Longer than any healthy handshake takes, even across continents. */
  private static final long SLOW_HANDSHAKE_MS = 3000;
  /** A client that closes its own session this soon after opening it gave up on it. */
  private static final long CLOSED_EARLY_MS = 3000;
  /** engine.io's upgradeTimeout: a session still polling this long after its WebSocket opened did not upgrade. */
  private static final int UPGRADE_TIMEOUT_S = 10;

  /** Server and proxy log events that only a failure produces. */
  private static final Set<LogEvent> SERVER_FAILURES = Set.of(LogEvent.UNKNOWN_SID, LogEvent.UNKNOWN_TRANSPORT,
      LogEvent.UNSUPPORTED_PROTOCOL_VERSION, LogEvent.TRANSPORT_MISMATCH, LogEvent.BAD_REQUEST,
      LogEvent.BAD_HANDSHAKE_METHOD, LogEvent.REQUEST_FORBIDDEN,
      LogEvent.CONNECT_ERROR_SENT, LogEvent.NAMESPACE_DENIED, LogEvent.PAYLOAD_TOO_LARGE, LogEvent.TRANSPORT_ERROR,
      LogEvent.UPGRADE_INCOMPLETE, LogEvent.PROXY_UPSTREAM_UNAVAILABLE, LogEvent.PROXY_UPSTREAM_TIMEOUT,
      LogEvent.PROXY_UPGRADED_TIMEOUT);
  /** Browser-console events that are failures. */
  private static final Set<LogEvent> CONSOLE_FAILURES = Set.of(LogEvent.CORS_BLOCKED,
      LogEvent.MIXED_CONTENT_BLOCKED, LogEvent.WEBSOCKET_FAILED, LogEvent.NETWORK_ERROR,
      LogEvent.CLIENT_CONNECT_ERROR);

  public static List<Symptom> of(Incident incident) {
    List<Symptom> out = new ArrayList<>();
    unreadable(incident, out);
    boolean bodiesMissing = incident.inputs().stream().anyMatch(
        i -> i.capture() != null && i.capture().lacksAny(MissingEvidence.RESPONSE_BODIES));
    refused(incident, out, bodiesMissing);
    failed(incident, out);
    webSockets(incident, out);
    notSocketIo(incident, out);
    packets(incident, out);
    drops(incident, out);
    logs(incident, out);
    reconnects(incident, out);
    stalledUpgrades(incident, out);
    slowHandshakes(incident, out);
    neverUpgraded(incident, out);
    if (noSocketIoTraffic(incident)) {
      out.add(new Symptom("no-socketio-traffic", "no Socket.IO traffic in the inputs: no request to a Socket.IO "
          + "URL (EIO=, transport=) and no Engine.IO session in any log", List.of()));
    }
    return out;
  }

  static boolean noSocketIoTraffic(Incident incident) {
    return incident.engineIoExchanges().isEmpty() && incident.sessions().isEmpty()
        && incident.logLines().stream().noneMatch(l -> l.event() != LogEvent.OTHER);
  }

  private static void unreadable(Incident incident, List<Symptom> out) {
    for (InputSummary in : incident.inputs()) {
      if (!in.readable()) {
        out.add(new Symptom("unreadable-input", in.error() + " (what it holds is not in this report)", List.of()));
      }
    }
  }

  /** Engine.IO requests the server (or something in front of it) answered with an HTTP error. */
  private static void refused(Incident incident, List<Symptom> out, boolean bodiesMissing) {
    Map<Boolean, List<HttpExchange>> byKind = new LinkedHashMap<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.status() >= 400 && !(x.isWebSocket() && x.engineIo().isHandshake() && x.status() == 0)) {
        byKind.computeIfAbsent(x.engineIo().isHandshake(), k -> new ArrayList<>()).add(x);
      }
    }
    byKind.forEach((handshake, xs) -> {
      Set<Integer> statuses = new TreeSet<>();
      boolean noBody = false;
      for (HttpExchange x : xs) {
        statuses.add(x.status());
        noBody |= x.responseBody().isEmpty();
      }
      String what = handshake ? "Socket.IO handshake(s)" : "request(s) of established sessions";
      String summary = xs.size() + " " + what + " answered " + join(statuses)
          + (noBody && bodiesMissing ? "; response bodies not recorded, so the Engine.IO error code is unknown"
              : noBody ? "; no error body" : "");
      out.add(new Symptom(handshake ? "handshake-refused" : "request-refused", summary, evidence(xs, null)));
    });
  }

  /** Engine.IO requests that got no HTTP answer, grouped by where they failed. */
  private static void failed(Incident incident, List<Symptom> out) {
    Map<NetErrors.Place, List<HttpExchange>> byPlace = new EnumMap<>(NetErrors.Place.class);
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.failed()) {
        NetErrors.Place p = NetErrors.where(x.error());
        if (p != NetErrors.Place.GAVE_UP && !(x.isWebSocket() && p == NetErrors.Place.UNKNOWN)) {
          byPlace.computeIfAbsent(p, k -> new ArrayList<>()).add(x);
        }
      }
    }
    byPlace.forEach((place, xs) -> {
      Set<String> codes = new TreeSet<>();
      xs.forEach(x -> codes.add(NetErrors.code(x.error())));
      String summary = xs.size() + " Socket.IO request(s) failed " + place.description() + " ("
          + String.join(", ", codes) + ")"
          + (place.pointsTo().isEmpty() ? "" : "; this points to " + place.pointsTo());
      out.add(new Symptom("request-failed", summary, evidence(xs, place.description())));
    });
  }

  private static void webSockets(Incident incident, List<Symptom> out) {
    List<HttpExchange> refused = new ArrayList<>();
    for (WebSocketConnection ws : incident.webSockets()) {
      if (ws.request().engineIo() != null && ws.refused() && !(ws.request().failed()
          && NetErrors.where(ws.request().error()) != NetErrors.Place.UNKNOWN)) {
        refused.add(ws.request());
      }
    }
    if (!refused.isEmpty()) {
      out.add(new Symptom("websocket-refused", refused.size()
          + " Socket.IO WebSocket(s) did not open (no 101 Switching Protocols)", evidence(refused, null)));
    }
  }

  /** A 2xx answer to a handshake whose recorded body is not an Engine.IO open packet. */
  private static void notSocketIo(Incident incident, List<Symptom> out) {
    List<HttpExchange> xs = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.engineIo().isHandshake() && !x.isWebSocket() && x.status() >= 200 && x.status() < 300
          && x.handshake() == null && !x.responseBody().isEmpty()) {
        xs.add(x);
      }
    }
    if (!xs.isEmpty()) {
      out.add(new Symptom("not-an-open-packet", xs.size()
          + " handshake(s) answered 2xx with a body that is not an Engine.IO open packet", evidence(xs, null)));
    }
  }

  /** CONNECT_ERROR packets the server sent, and clients that closed their session right after opening it. */
  private static void packets(Incident incident, List<Symptom> out) {
    List<Evidence> ev = new ArrayList<>();
    List<Evidence> early = new ArrayList<>();
    for (Session s : incident.sessions()) {
      java.time.Instant opened = s.opened();
      for (PacketEvent p : s.packets()) {
        boolean clientClose = p.fromClient() && (p.is(io.siodoctor.parsers.engineio.EngineIoPacket.Type.CLOSE)
            || p.packet().carries(SocketIoPacket.Type.DISCONNECT));
        if (clientClose && opened != null && p.time() != null
            && p.time().isBefore(opened.plusMillis(CLOSED_EARLY_MS)) && early.size() < MAX_EVIDENCE
            && !closedByPingTimer(s, p)) {
          early.add(Evidence.of(p.source(), "the client closed the session it had just opened"));
        }
        if (p.fromServer() && p.packet().carries(SocketIoPacket.Type.CONNECT_ERROR) && ev.size() < MAX_EVIDENCE) {
          ev.add(Evidence.of(p.source(), "CONNECT_ERROR from the server"));
        }
      }
    }
    if (!ev.isEmpty()) {
      out.add(new Symptom("connect-error", "the server refused the Socket.IO connection (CONNECT_ERROR packet)", ev));
    }
    if (!early.isEmpty()) {
      out.add(new Symptom("closed-right-after-opening", early.size() + " session(s) closed by the client within "
          + CLOSED_EARLY_MS / 1000 + " s of opening (what a client does after its connection was refused, e.g. a "
          + "CONNECT_ERROR in a body or frame that is not recorded)", early));
    }
  }

  /**
   * The client's ping timer wrote this close (a heartbeat window shorter than {@link #CLOSED_EARLY_MS}):
   * it gave up on a server that fell silent, not on a refusal; the drop's own symptom says so.
   */
  private static boolean closedByPingTimer(Session s, PacketEvent close) {
    return ClientPingTimeout.of(s).filter(t -> t.close().equals(close)).isPresent();
  }

  private static void drops(Incident incident, List<Symptom> out) {
    if (incident.sessionIdsUnknown()) {
      // sessions known only by their handshakes: whether one ended before the next opened is unknown
      return;
    }
    List<Disconnect> drops = Disconnects.of(incident);
    if (drops.isEmpty()) {
      return;
    }
    List<Evidence> ev = new ArrayList<>();
    Set<String> reasons = new LinkedHashSet<>();
    for (Disconnect d : drops) {
      if (d.reason() != null) {
        reasons.add(d.reason());
      }
      for (Evidence e : d.toEvidence("session dropped")) {
        if (ev.size() < MAX_EVIDENCE) {
          ev.add(e);
        }
      }
    }
    out.add(new Symptom("session-dropped", drops.size() + " session(s) dropped and the client connected again"
        + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")"), ev));
  }

  private static void logs(Incident incident, List<Symptom> out) {
    Map<LogEvent, List<LogLine>> server = new EnumMap<>(LogEvent.class);
    Map<LogEvent, List<LogLine>> console = new EnumMap<>(LogEvent.class);
    for (LogLine l : incident.logLines()) {
      if (l.format() == LogFormat.BROWSER_CONSOLE) {
        boolean gaveUp = l.is(LogEvent.NETWORK_ERROR) && NetErrors.where(NetErrors.of(l)) == NetErrors.Place.GAVE_UP;
        if (CONSOLE_FAILURES.contains(l.event()) && !gaveUp) {
          console.computeIfAbsent(l.event(), e -> new ArrayList<>()).add(l);
        }
      } else if (SERVER_FAILURES.contains(l.event())
          || (l.is(LogEvent.HTTP_ACCESS) && l.access() != null && l.access().engineIo() != null
              && l.access().status() >= 400)) {
        server.computeIfAbsent(l.event(), e -> new ArrayList<>()).add(l);
      }
    }
    server.forEach((event, lines) -> out.add(new Symptom("server-log-error", lines.size() + " server/proxy log line(s) "
        + describe(event), lineEvidence(lines))));
    console.forEach((event, lines) -> out.add(new Symptom("console-error", lines.size() + " browser console line(s) "
        + describe(event), lineEvidence(lines))));
  }

  /**
   * The client connected again on the same page: a handshake more than a second after the previous
   * one (parallel sockets start together) with no page load between them. Something ended or
   * refused the earlier connection; bodies and frames are not needed to see it.
   */
  private static void reconnects(Incident incident, List<Symptom> out) {
    List<HttpExchange> handshakes = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.engineIo().isHandshake() && !x.pending() && x.time() != null) {
        handshakes.add(x);
      }
    }
    List<HttpExchange> again = new ArrayList<>();
    List<Instant> pageLoads = handshakes.size() < 2 ? List.of() : pageLoads(incident);
    for (int i = 1; i < handshakes.size(); i++) {
      HttpExchange prev = handshakes.get(i - 1);
      HttpExchange next = handshakes.get(i);
      if (next.time().isAfter(prev.time().plusSeconds(1)) && !pageLoadBetween(pageLoads, prev, next)) {
        if (again.isEmpty()) {
          again.add(prev);
        }
        again.add(next);
      }
    }
    if (!again.isEmpty()) {
      out.add(new Symptom("reconnected", "the client connected " + (again.size() - 1)
          + " more time(s) on the same page: an earlier connection ended or was refused", evidence(again, null)));
    }
  }

  /**
   * A session that polled for a while and never tried a WebSocket, in a capture with no WebSocket
   * at all: the WebSocket transport is disabled or blocked (server or client configuration, the
   * page's CSP). Not when the recorded handshake offers no upgrade: that is polling-only-config's.
   */
  private static void neverUpgraded(Incident incident, List<Symptom> out) {
    if (incident.engineIoExchanges().stream().anyMatch(x -> x.engineIo().isWebSocket())) {
      return;
    }
    for (Session s : incident.sessions()) {
      if (s.exchanges().size() < 3 || s.opened() == null || s.lastActivity() == null
          || s.handshake().map(h -> !h.offersWebSocket()).orElse(false)) {
        continue;
      }
      if (java.time.Duration.between(s.opened(), s.lastActivity()).toMillis() > NEVER_UPGRADED_MS) {
        long seconds = java.time.Duration.between(s.opened(), s.lastActivity()).toSeconds();
        // an export without WebSockets cannot show whether it was tried: only that polling went on
        out.add(new Symptom("never-upgraded", "session " + s.sid() + " polled for " + seconds
            + (incident.webSocketsLeftOut(s)
                ? " s without moving to WebSocket: its upgrade failed or was never tried (this HAR's exporter writes"
                    + " no WebSocket, so which is not seen)"
                : " s and never tried a WebSocket (disabled by configuration, or refused by the page's CSP)"),
            evidence(List.of(s.exchanges().get(0)), null)));
        return;
      }
    }
  }

  /**
   * Handshakes answered seconds late: a handshake is never held like a long-poll, so a server
   * that takes this long to answer one is starved (blocked event loop, overload) or something in
   * front of it is queueing.
   */
  private static void slowHandshakes(Incident incident, List<Symptom> out) {
    List<HttpExchange> slow = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.engineIo().isHandshake() && !x.isWebSocket() && x.status() > 0 && x.durationMs() > SLOW_HANDSHAKE_MS) {
        slow.add(x);
      }
    }
    if (!slow.isEmpty()) {
      out.add(new Symptom("slow-handshakes", slow.size() + " handshake(s) answered more than "
          + SLOW_HANDSHAKE_MS / 1000 + " s after they were sent (a handshake is answered at once by a server "
          + "that is not starved)", evidence(slow, null)));
    }
  }

  /** A page (HTML document) loaded between two handshakes: the page was reloaded or left, not a reconnect. */
  /** The start times of the capture's page loads (documents, or HTML GETs of an exporter that types none), sorted. */
  private static List<Instant> pageLoads(Incident incident) {
    List<Instant> loads = new ArrayList<>();
    for (HttpExchange x : incident.exchanges()) {
      if (x.time() == null || x.isEngineIo()) {
        continue;
      }
      if ("document".equals(x.resourceType()) || (x.resourceType().isEmpty() && "GET".equals(x.method())
          && x.responseMimeType().startsWith("text/html"))) {
        loads.add(x.time());
      }
    }
    loads.sort(null);
    return loads;
  }

  /** Whether a page load started strictly between two handshakes (a binary search: a long capture has thousands). */
  private static boolean pageLoadBetween(List<Instant> pageLoads, HttpExchange a, HttpExchange b) {
    int k = Collections.binarySearch(pageLoads, a.time());
    // the first load after a's time: past an equal one, or where a's time would go
    int at = k >= 0 ? k + 1 : -k - 1;
    while (at < pageLoads.size() && pageLoads.get(at).equals(a.time())) {
      at++;
    }
    return at < pageLoads.size() && pageLoads.get(at).isBefore(b.time());
  }


  /**
   * A session that opened a WebSocket (answered or not) but kept polling long after (engine.io gives an
   * upgrade 10 s): the upgrade did not complete. Seen from URLs and times alone.
   */
  private static void stalledUpgrades(Incident incident, List<Symptom> out) {
    List<HttpExchange> ev = new ArrayList<>();
    for (Session s : incident.sessions()) {
      for (WebSocketConnection ws : s.webSockets()) {
        if (!ws.isUpgrade() || ws.request().time() == null) {
          continue;
        }
        // an answered WebSocket may still be probing for upgradeTimeout; an unanswered one is simply not used
        java.time.Instant late = ws.request().status() == 101
            ? ws.request().time().plusSeconds(UPGRADE_TIMEOUT_S) : ws.request().time().plusSeconds(2);
        for (HttpExchange x : s.exchanges()) {
          // a poll started later, or one still held open after that time (a long-poll the server kept)
          java.time.Instant end = x.time() == null ? null
              : x.time().plusMillis((long) Math.max(0, x.durationMs()));
          if (x.engineIo() != null && x.engineIo().isPolling() && end != null && end.isAfter(late)) {
            ev.add(ws.request());
            ev.add(x);
            break;
          }
        }
      }
    }
    if (!ev.isEmpty()) {
      out.add(new Symptom("upgrade-stalled", (ev.size() / 2) + " session(s) kept polling after opening their "
          + "WebSocket (2 s after one never answered 101, " + UPGRADE_TIMEOUT_S + " s after one that was): the upgrade "
          + "did not complete",
          evidence(ev, null)));
    }
  }

  private static String describe(LogEvent e) {
    return switch (e) {
      case UNKNOWN_SID -> "about unknown session ids";
      case UNKNOWN_TRANSPORT -> "about an unknown transport";
      case UNSUPPORTED_PROTOCOL_VERSION -> "about an unsupported protocol version";
      case TRANSPORT_MISMATCH, BAD_REQUEST -> "rejecting a bad request";
      case BAD_HANDSHAKE_METHOD -> "rejecting a handshake that was not a GET";
      case REQUEST_FORBIDDEN -> "refusing a request in allowRequest";
      case CONNECT_ERROR_SENT, NAMESPACE_DENIED -> "refusing a Socket.IO connection";
      case PAYLOAD_TOO_LARGE -> "about a payload too large";
      case TRANSPORT_ERROR -> "about transport errors";
      case UPGRADE_INCOMPLETE -> "about an upgrade to WebSocket that did not complete";
      case PROXY_UPSTREAM_UNAVAILABLE -> "saying the proxy could not reach the server";
      case PROXY_UPSTREAM_TIMEOUT, PROXY_UPGRADED_TIMEOUT -> "saying the proxy timed out";
      case HTTP_ACCESS -> "with Socket.IO requests answered 4xx/5xx";
      case CORS_BLOCKED -> "saying a request was blocked by CORS";
      case MIXED_CONTENT_BLOCKED -> "saying a request was blocked as mixed content";
      case WEBSOCKET_FAILED -> "saying a WebSocket failed";
      case NETWORK_ERROR -> "with network errors (net::ERR_*)";
      case CLIENT_CONNECT_ERROR -> "with a client connection error";
      default -> "(" + e.name().toLowerCase(java.util.Locale.ROOT) + ")";
    };
  }

  private static List<Evidence> evidence(List<HttpExchange> xs, String note) {
    List<Evidence> ev = new ArrayList<>();
    for (HttpExchange x : xs) {
      if (ev.size() == MAX_EVIDENCE) {
        break;
      }
      ev.add(Evidence.of(x, note));
    }
    return ev;
  }

  private static List<Evidence> lineEvidence(List<LogLine> lines) {
    return lines.stream().limit(MAX_EVIDENCE).map(Evidence::of).toList();
  }

  private static String join(Set<Integer> statuses) {
    List<String> s = new ArrayList<>();
    statuses.forEach(i -> s.add(String.valueOf(i)));
    return String.join("/", s);
  }
}
