package io.siodoctor.rules.connect;

import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.CapacityRefusals;
import io.siodoctor.rules.signals.NetErrors;
import io.siodoctor.rules.signals.Origins;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server is there but cannot serve: requests that Engine.IO answers at once (a polling
 * handshake, a POST) answered seconds late, the connection closed with no answer ({@code
 * net::ERR_EMPTY_RESPONSE}) by a server that answered other requests, {@code 503} with {@code
 * Retry-After} (a load-shedding answer) from a server that answers others, the process out of file
 * descriptors ({@code EMFILE}), or the server closing many sessions for {@code ping timeout} in the
 * same instant — each session's heartbeat timer runs on its own schedule, so only a blocked event
 * loop, released at once, makes them fire together. A proxy refusing requests for a limit of its
 * own while the server is up (HAProxy's {@code sQ}: queued past {@code timeout queue} for servers
 * at their {@code maxconn}; nginx's {@code limit_conn} / {@code limit_req}), as its log says, or, in
 * the browser's capture alone, 503s that waited while the server answered other requests ({@link
 * CapacityRefusals}), is the site shedding load too. Nothing answering at all is {@code
 * server-unreachable}.
 */
@Cause(
    id = "server-overloaded",
    title = "The server accepts connections but cannot serve them in time",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/performance-tuning/",
    subsumes = {"server-unreachable", "heartbeat-timeout", "network-interruption", "reconnect-storm"})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.CLOSED, LogEvent.PING_RECEIVED, LogEvent.PING_SENT, LogEvent.RESOURCE_EXHAUSTED,
        LogEvent.PROXY_LIMIT_REFUSED})
public final class ServerOverloadedRule implements Rule {
  /** Engine.IO answers a handshake or a POST at once; seconds mean the process did not run. */
  static final long SLOW_MS = 3000;
  /** Heartbeat timeouts this close together fired from one release of a blocked event loop. */
  static final Duration TOGETHER = Duration.ofMillis(250);
  static final int MIN_TOGETHER = 3;
  /** A POST this large may be refused for its size (payload-too-large), not for load. */
  private static final long LARGE_BODY = 100_000;

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    List<String> seen = new ArrayList<>();
    double confidence = 0;
    int signals = 0;
    int proxyLimitSignals = 0;

    Set<String> answeringOrigins = new HashSet<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.status() > 0) {
        Origins.of(x.url()).ifPresent(answeringOrigins::add);
      }
    }
    // closed without an answer by a server that answers
    List<HttpExchange> empty = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.failed() && NetErrors.code(x.error()).equals("ERR_EMPTY_RESPONSE") && x.requestBodySize() < LARGE_BODY
          && Origins.of(x.url()).map(answeringOrigins::contains).orElse(false) && !wentAwayAfter(incident, x)) {
        empty.add(x);
      }
    }
    if (!empty.isEmpty()) {
      cite(evidence, sids, empty, "closed with no answer by a server that answered other requests");
      seen.add(empty.size() + " request(s) closed with no answer (net::ERR_EMPTY_RESPONSE) while the server answered others");
      confidence = Math.max(confidence, 0.8);
      signals++;
    }
    // shedding load: 503 with Retry-After (RFC 9110 §15.6.4: "temporary overload") from a server
    // that answered other Socket.IO requests
    List<HttpExchange> shed = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.status() == 503 && x.responseHeader("Retry-After").isPresent()
          && Origins.of(x.url()).map(answeringOrigins::contains).orElse(false) && answeredOthers(incident, x)) {
        shed.add(x);
      }
    }
    if (!shed.isEmpty()) {
      cite(evidence, sids, shed, "503 with Retry-After: the server sheds load");
      seen.add(shed.size() + " request(s) answered 503 with Retry-After by a server that answered others");
      confidence = Math.max(confidence, 0.7);
      signals++;
    }
    // a proxy refusing for a limit of its own (HAProxy's queue timeout, nginx's limit_conn /
    // limit_req), as its log says; the browser's 503s of those requests with them
    List<LogLine> limited = CapacityRefusals.logged(incident);
    if (!limited.isEmpty()) {
      for (LogLine l : limited.subList(0, Math.min(4, limited.size()))) {
        evidence.add(Evidence.of(l, "the proxy refused it for a limit of its own (" + l.fact().text() + "), not for a down server"));
        l.sid().ifPresent(sids::add);
      }
      List<HttpExchange> answered = new ArrayList<>();
      for (HttpExchange x : incident.engineIoExchanges()) {
        if (x.status() == 503 && CapacityRefusals.loggedAs(incident, x).isPresent()) {
          answered.add(x);
        }
      }
      cite(evidence, sids, answered, "the 503 the proxy's log says was its limit's");
      seen.add(limited.size() + " request(s) the proxy refused itself because a limit it enforces was reached "
          + "(servers at their connection limit, a connection or request rate limit), with the server up");
      confidence = Math.max(confidence, 0.85);
      signals++;
      proxyLimitSignals++;
    }
    // in the browser's capture alone: 503s while the server answered other requests
    List<HttpExchange> busy = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.status() == 503 && !shed.contains(x) && CapacityRefusals.loggedAs(incident, x).isEmpty()
          && CapacityRefusals.refusedForCapacity(incident, x)) {
        busy.add(x);
      }
    }
    if (!busy.isEmpty()) {
      cite(evidence, sids, busy, "503 after waiting while the server answered other requests: refused for want of capacity, not for a down server");
      seen.add(busy.size() + " request(s) answered 503 after waiting (up to " + Math.round(slowestOf(busy) / 100) / 10.0
          + " s) while the same server answered other Socket.IO requests");
      confidence = Math.max(confidence, 0.65);
      signals++;
      proxyLimitSignals++;
    }
    // immediate answers that came seconds late
    List<HttpExchange> slow = new ArrayList<>();
    double slowest = 0;
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.status() == 200 && !x.isWebSocket() && x.durationMs() >= SLOW_MS
          && ((x.engineIo().isHandshake() && answeredHandshake(x)) || "POST".equals(x.method()))) {
        slow.add(x);
        slowest = Math.max(slowest, x.durationMs());
      }
    }
    if (slow.size() >= 2) {
      cite(evidence, sids, slow, "answered late");
      seen.add(slow.size() + " handshake(s) or POST(s), which Engine.IO answers at once, took " + SLOW_MS / 1000
          + " s or more (up to " + Math.round(slowest / 100) / 10.0 + " s)");
      confidence = Math.max(confidence, 0.75);
      signals++;
    }
    // the process ran out of file descriptors
    List<LogLine> exhausted = incident.logLines(LogEvent.RESOURCE_EXHAUSTED);
    if (!exhausted.isEmpty()) {
      for (LogLine l : exhausted.subList(0, Math.min(4, exhausted.size()))) {
        evidence.add(Evidence.of(l, "out of " + (l.fact() instanceof LogFact.ResourceExhausted r ? r.resource().name() : "resources")));
      }
      seen.add(exhausted.size() + " log line(s) about running out of file descriptors");
      confidence = Math.max(confidence, 0.85);
      signals++;
    }
    // many heartbeats failing in one instant
    List<LogLine> burst = simultaneousPingTimeouts(incident);
    if (!burst.isEmpty()) {
      for (LogLine l : burst.subList(0, Math.min(8, burst.size()))) {
        evidence.add(Evidence.of(l, "ping timeout at the same instant as " + (burst.size() - 1) + " other session(s)"));
      }
      for (LogLine l : burst) {
        if (l.sessionId() != null) {
          sids.add(l.sessionId());
        }
      }
      seen.add(burst.size() + " sessions closed for ping timeout within " + TOGETHER.toMillis()
          + " ms: the heartbeat stopped for all of them at once, as it does while the server's event loop is blocked");
      confidence = Math.max(confidence, 0.8);
      signals++;
    }
    // a busy server's heartbeats stopped for longer than their interval, then the sessions closed at once
    List<LogLine> stall = heartbeatStallThenBurst(incident);
    if (!stall.isEmpty()) {
      LogLine before = stall.get(0);
      LogLine after = stall.get(1);
      double seconds = Duration.between(before.time(), after.time()).toMillis() / 1000.0;
      evidence.add(Evidence.of(before, "last heartbeat line before " + seconds + " s without any"));
      evidence.add(Evidence.of(after, "heartbeats again"));
      for (LogLine l : stall.subList(2, Math.min(8, stall.size()))) {
        evidence.add(Evidence.of(l, "closed in the same instant as " + (stall.size() - 3) + " other session(s)"));
      }
      seen.add("the server wrote no heartbeat for " + seconds + " s while sessions were open (longer than pingInterval), "
          + "then " + (stall.size() - 2) + " sessions closed in the same instant: its event loop did not run");
      confidence = Math.max(confidence, 0.8);
      signals++;
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    if (signals >= 2) {
      confidence = Math.min(0.95, confidence + 0.1);
    }
    Finding finding = Finding.of(confidence, evidence).withSessions(sids).withDetail(String.join("; ", seen));
    // refused by a limit in front of a server that was up: the fix is that limit, not the event loop
    return Optional.of(proxyLimitSignals == signals ? finding.withFix(PROXY_LIMIT_FIX) : finding);
  }

  /** The fix when only a limit in front of the server refused (the catalog's fix is the server's own load). */
  static final String PROXY_LIMIT_FIX = String.join("\n",
      "A limit in front of the server refused requests while the server was up. A Socket.IO client",
      "holds a connection for its whole session (a WebSocket, or a long-poll that waits up to",
      "`pingInterval`), and a polling client makes several requests a second while it sends, so limits",
      "sized for short page requests run out:",
      "- HAProxy (termination state `sQ` in its log: the request waited `timeout queue` for servers at",
      "  their `maxconn`): raise the server's `maxconn` to the connections it should hold (every",
      "  WebSocket tunnel and every held poll takes a slot), add servers, or raise `timeout queue`;",
      "  `balance leastconn` spreads long-lived connections. `show stat` on the admin socket gives the",
      "  queue (`qcur`) and the slots in use (`scur` against `slim`).",
      "- nginx `limit_conn` (`limiting connections by zone` in its error log): raise the number for",
      "  `/socket.io/`, which every open session counts against. `limit_req`",
      "  (`limiting requests, excess: … by zone`): give `/socket.io/` a `burst=` with `nodelay` that a",
      "  polling session's requests fit, or leave it out of the rate limit.",
      "- Refuse with `429 Too Many Requests` (`limit_req_status 429;` / `limit_conn_status 429;`, HAProxy",
      "  `http-request deny deny_status 429`) so a refusal is not taken for a down backend, and keep the",
      "  client's reconnection delays (`reconnectionDelay`, `randomizationFactor`) so refused clients do",
      "  not retry together.",
      "- If the server itself is at capacity, run more processes (the Node.js `cluster` module with",
      "  `@socket.io/sticky`, or several instances with sticky sessions and `@socket.io/redis-adapter`).",
      "",
      "See https://docs.haproxy.org/2.6/configuration.html#8.5,",
      "https://nginx.org/en/docs/http/ngx_http_limit_conn_module.html and",
      "https://nginx.org/en/docs/http/ngx_http_limit_req_module.html");

  private static double slowestOf(List<HttpExchange> xs) {
    double slowest = 0;
    for (HttpExchange x : xs) {
      slowest = Math.max(slowest, x.durationMs());
    }
    return slowest;
  }

  /**
   * Whether the first Engine.IO request to the same origin after {@code cut} ended found nothing
   * listening (refused): the process went away (a restart, a crash), and its open connections were
   * closed with it. That is a stop, which server-restart and server-unreachable judge, not load.
   */
  private static boolean wentAwayAfter(Incident incident, HttpExchange cut) {
    Optional<String> origin = Origins.of(cut.url());
    Instant end = cut.ended();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x != cut && end != null && x.time() != null && !x.time().isBefore(end)
          && Origins.of(x.url()).equals(origin)) {
        return x.failed() && NetErrors.unreachable(x.error());
      }
    }
    return false;
  }

  private static boolean answeredOthers(Incident incident, HttpExchange shed) {
    Optional<String> origin = Origins.of(shed.url());
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x != shed && x.status() >= 200 && x.status() < 500 && Origins.of(x.url()).equals(origin)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A polling handshake that got its open packet, or a 200 whose body the export left out (a
   * handshake answer always has one: only the export can have dropped it).
   */
  private static boolean answeredHandshake(HttpExchange x) {
    return x.handshake() != null || (x.responseBody().isEmpty() && x.engineIoError() == null);
  }

  private static void cite(List<Evidence> evidence, Set<String> sids, List<HttpExchange> xs, String note) {
    int n = 0;
    for (HttpExchange x : xs) {
      x.sid().ifPresent(sids::add);
      if (n++ < 6) {
        evidence.add(Evidence.of(x, note + (x.status() == 200 ? " (" + Math.round(x.durationMs()) + " ms)" : "")));
      }
    }
  }

  /**
   * A server log whose heartbeat lines (v4 servers write a PING per session every pingInterval, v3
   * servers log each client PING) stop for more than 1.5 pingInterval although several were written
   * in the interval before, followed within 2 s of their return by {@link #MIN_TOGETHER} or more
   * closes in one instant. Each open session has a heartbeat due every pingInterval, so such a
   * silence means the process did not run; a restart or a network cut does not stop them first.
   *
   * @return the last heartbeat line before the silence, the first after it, then the closes; or
   *     empty
   */
  private static List<LogLine> heartbeatStallThenBurst(Incident incident) {
    long interval = 0;
    for (io.siodoctor.rules.api.Session s : incident.sessions()) {
      long i = s.handshake().map(h -> h.pingInterval()).orElse(-1L);
      interval = Math.max(interval, i);
    }
    if (interval <= 0) {
      interval = 25_000;
    }
    java.util.Map<String, List<LogLine>> beats = new java.util.LinkedHashMap<>();
    for (LogEvent e : List.of(LogEvent.PING_SENT, LogEvent.PING_RECEIVED)) {
      for (LogLine l : incident.logLines(e)) {
        if (l.time() != null) {
          beats.computeIfAbsent(String.valueOf(l.node()), k -> new ArrayList<>()).add(l);
        }
      }
    }
    List<LogLine> closes = new ArrayList<>();
    for (LogLine l : incident.logLines(LogEvent.CLOSED)) {
      if (l.time() != null) {
        closes.add(l);
      }
    }
    if (closes.size() < MIN_TOGETHER) {
      return List.of();
    }
    closes.sort((a, b) -> a.time().compareTo(b.time()));
    for (List<LogLine> node : beats.values()) {
      node.sort((a, b) -> a.time().compareTo(b.time()));
      for (int i = 0; i + 1 < node.size(); i++) {
        LogLine before = node.get(i);
        LogLine after = node.get(i + 1);
        long gap = Duration.between(before.time(), after.time()).toMillis();
        if (gap <= interval * 3 / 2 || busyBefore(node, i, interval) < MIN_TOGETHER) {
          continue;
        }
        List<LogLine> burst = burstAfter(closes, before.node(), after.time());
        if (!burst.isEmpty()) {
          List<LogLine> out = new ArrayList<>();
          out.add(before);
          out.add(after);
          out.addAll(burst);
          return out;
        }
      }
    }
    return List.of();
  }

  /** Heartbeat lines in the interval that ends at {@code node.get(i)}. */
  private static int busyBefore(List<LogLine> node, int i, long interval) {
    int n = 0;
    for (int k = i; k >= 0
        && Duration.between(node.get(k).time(), node.get(i).time()).toMillis() <= interval; k--) {
      n++;
    }
    return n;
  }

  /** The closes of one logger on that node within {@link #TOGETHER}, starting up to 2 s after {@code from}. */
  private static List<LogLine> burstAfter(List<LogLine> closes, String node, java.time.Instant from) {
    java.util.Map<String, List<LogLine>> bySource = new java.util.LinkedHashMap<>();
    for (LogLine l : closes) {
      long d = Duration.between(from, l.time()).toMillis();
      if (d >= -TOGETHER.toMillis() && d <= 2000 && java.util.Objects.equals(l.node(), node)) {
        bySource.computeIfAbsent(String.valueOf(l.source()), k -> new ArrayList<>()).add(l);
      }
    }
    for (List<LogLine> group : bySource.values()) {
      List<LogLine> together = new ArrayList<>();
      for (LogLine l : group) {
        if (Duration.between(group.get(0).time(), l.time()).compareTo(TOGETHER) <= 0) {
          together.add(l);
        }
      }
      if (together.size() >= MIN_TOGETHER) {
        return together;
      }
    }
    return List.of();
  }

  /**
   * The largest group of ping timeouts of distinct sessions within {@link #TOGETHER}, if big enough.
   * A server's debug lines name no sid, but each session writes a given close line once: lines of
   * one logger on one node are distinct sessions; lines that do name a sid count once per sid.
   */
  private static List<LogLine> simultaneousPingTimeouts(Incident incident) {
    java.util.Map<String, List<LogLine>> bySource = new java.util.LinkedHashMap<>();
    for (LogLine l : incident.logLines(LogEvent.CLOSED)) {
      if (l.time() != null && l.closedFor(CloseReason.PING_TIMEOUT)) {
        bySource.computeIfAbsent(l.node() + " " + l.source(), k -> new ArrayList<>()).add(l);
      }
    }
    List<LogLine> best = List.of();
    for (List<LogLine> timeouts : bySource.values()) {
      timeouts.sort((a, b) -> a.time().compareTo(b.time()));
      int start = 0;
      for (int end = 0; end < timeouts.size(); end++) {
        while (Duration.between(timeouts.get(start).time(), timeouts.get(end).time()).compareTo(TOGETHER) > 0) {
          start++;
        }
        List<LogLine> window = timeouts.subList(start, end + 1);
        if (window.size() <= best.size()) {
          continue; // cannot beat the best group: no need to count it
        }
        Set<String> distinct = new HashSet<>();
        List<LogLine> one = new ArrayList<>();
        for (LogLine l : window) {
          if (l.sessionId() == null || distinct.add(l.sessionId())) {
            one.add(l);
          }
        }
        if (one.size() > best.size()) {
          best = one;
        }
      }
    }
    return best.size() >= MIN_TOGETHER ? best : List.of();
  }
}
