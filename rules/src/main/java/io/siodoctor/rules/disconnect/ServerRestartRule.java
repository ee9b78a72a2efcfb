package io.siodoctor.rules.disconnect;

import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.NeedsSessionIdentity;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.Disconnect;
import io.siodoctor.rules.signals.Disconnects;
import io.siodoctor.rules.signals.HeldPolls;
import io.siodoctor.rules.signals.ServerHeartbeat;
import io.siodoctor.rules.signals.NetErrors;
import io.siodoctor.rules.signals.TimeWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A server process stopped: sessions closed with {@code server shutting down} ({@code io.close()}),
 * the browser saw a live session drop, nothing listening, then a new session; the server logged its
 * own stop and a later start with new handshakes (netty-socketio); or several sessions dropped within
 * the same two seconds (a kill or a redeploy writes no reason).
 */
@NeedsSessionIdentity
@Cause(
    id = "server-restart",
    title = "Many clients dropped at once because a server stopped or was redeployed",
    severity = Severity.WARNING,
    category = Category.GETS_DISCONNECTED,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/#problem-the-socket-gets-disconnected",
    subsumes = {"network-interruption", "reconnect-storm", "server-unreachable"})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HANDSHAKE, LogEvent.CLOSED, LogEvent.HTTP_ACCESS, LogEvent.CLIENT_CLOSE_PACKET,
        LogEvent.SERVER_STOPPED,
        LogEvent.SERVER_STARTED})
public final class ServerRestartRule implements Rule {
  /** Drops closer together than this are "at once". */
  private static final Duration TOGETHER = Duration.ofSeconds(2);
  /** A fleet-wide drop, not the churn of a few flapping sessions. */
  private static final int MIN_SIMULTANEOUS = 5;
  /**
   * New handshakes this soon after a process started are clients that were waiting for it: the
   * client's reconnection delay grows to {@code reconnectionDelayMax} (5 s by default), randomised
   * by half, and a new process takes a few seconds more to answer.
   */
  private static final Duration RETURN = Duration.ofSeconds(30);
  /** netty-socketio's stop: shutdownGracefully's 15 s timeout between closing the channels and logging it. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    for (LogLine l : incident.logLines(LogEvent.CLOSED)) {
      if (l.closedFor(CloseReason.SERVER_SHUTTING_DOWN)) {
        evidence.add(Evidence.of(l));
        if (l.sessionId() != null) {
          sids.add(l.sessionId());
        }
      }
    }
    double confidence = 0.9;
    String detail = sids.size() + " session(s) closed with reason \"server shutting down\"";
    Optional<List<Evidence>> outage = dropOutageReturn(incident);
    if (outage.isPresent()) {
      String browserView = "a live session dropped, the server refused connections for a while, then accepted a new session";
      if (evidence.isEmpty()) {
        confidence = 0.8;
        detail = browserView;
      } else {
        detail += "; the browser saw it too: " + browserView;
      }
      evidence.addAll(outage.get());
    }
    Optional<LoggedRestart> logged = loggedRestart(incident);
    if (logged.isPresent()) {
      if (evidence.isEmpty()) {
        confidence = 0.7;
        detail = logged.get().detail();
      } else {
        detail += "; the server logged it too: " + logged.get().detail();
      }
      evidence.addAll(logged.get().evidence());
    }
    if (evidence.isEmpty()) {
      // only server-logged closes have precise times; the browser's inferred ends do not bunch reliably
      List<Disconnect> burst = largestBurst(Disconnects.of(incident).stream().filter(Disconnect::logged).toList());
      if (burst.size() < MIN_SIMULTANEOUS) {
        return Optional.empty();
      }
      for (Disconnect d : burst) {
        evidence.addAll(d.toEvidence("dropped"));
        if (d.sid() != null) {
          sids.add(d.sid());
        }
      }
      confidence = 0.7;
      // concatenated, not String.format: the same text (integers, no grouping) without parsing a format per chunk
      detail = burst.size() + " sessions dropped within " + TOGETHER.toSeconds() + " s";
    }
    return Optional.of(Finding.of(confidence, evidence).withSessions(sids).withDetail(detail));
  }

  /**
   * The browser's view of a restart: a session that was alive drops, the reconnection attempts find
   * nothing listening (refused, or a proxy's 502/503/504), and then a handshake succeeds again.
   */
  private static Optional<List<Evidence>> dropOutageReturn(Incident incident) {
    if (incident.engineIoExchanges().isEmpty()) {
      return Optional.empty(); // only the browser sees the outage: a server log alone has no exchange
    }
    long pingInterval = ServerHeartbeat.pingInterval(incident);
    if (Disconnects.of(incident).isEmpty()) {
      return statusOnlyOutage(incident, pingInterval);
    }
    for (Disconnect d : Disconnects.of(incident)) {
      if (d.time() == null) {
        continue;
      }
      List<HttpExchange> refused = new ArrayList<>();
      for (HttpExchange x : incident.engineIoExchanges()) {
        if (x.time() == null || !x.time().isAfter(d.time())) {
          continue;
        }
        if (nothingAnswered(x, pingInterval)) {
          refused.add(x);
        } else if (x.handshake() != null && !refused.isEmpty()) {
          List<Evidence> evidence = new ArrayList<>();
          incident.session(d.sid()).ifPresent(s -> s.webSockets().forEach(
              ws -> evidence.add(Evidence.of(ws.request(), "connection of the session that dropped"))));
          d.toEvidence("last sign of session " + d.sid()).stream()
              .filter(e -> evidence.stream().noneMatch(y -> y.location().equals(e.location())))
              .forEach(evidence::add);
          // the session's last sign may itself be its first refused request (a polling client's POST)
          refused.stream().filter(r -> evidence.stream().noneMatch(y -> y.location().equals(r.location())))
              .forEach(r -> evidence.add(Evidence.of(r, "nothing answered while the server was down")));
          evidence.add(Evidence.of(x, "the server is back: new session"));
          return Optional.of(evidence);
        } else if (x.handshake() != null) {
          break; // reconnected at once: no outage
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Refused or unreachable, or a proxy's 502/503/504 for the backend; not a 504 that ended a held
   * long-poll before the heartbeat was due ({@link HeldPolls}): the server was holding it.
   */
  private static boolean nothingAnswered(HttpExchange x, long pingInterval) {
    return (x.failed() && NetErrors.unreachable(x.error()))
        || ((x.status() == 502 || x.status() == 503 || x.status() == 504)
            && !HeldPolls.cutByProxy(x, pingInterval));
  }

  /**
   * The same story told by statuses and sids alone (response bodies not recorded, so no session's
   * open packet is seen): requests of a live session answered, then requests that found nothing
   * listening, then a new session answered.
   */
  private static Optional<List<Evidence>> statusOnlyOutage(Incident incident, long pingInterval) {
    HttpExchange alive = null;
    List<HttpExchange> refused = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      String sid = x.engineIo().sid();
      boolean answered = x.status() == 101 || (x.status() >= 200 && x.status() < 300);
      boolean down = nothingAnswered(x, pingInterval);
      if (down && alive != null) {
        refused.add(x);
      } else if (answered && !refused.isEmpty()
          && (x.engineIo().isHandshake() || (sid != null && !sid.equals(alive.engineIo().sid())))) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of(alive, "last answer to the session that dropped"));
        refused.forEach(r -> evidence.add(Evidence.of(r, "nothing answered while the server was down")));
        evidence.add(Evidence.of(x, "the server is back: a new session answered"));
        return Optional.of(evidence);
      } else if (answered && sid != null && !sid.isEmpty() && refused.isEmpty()) {
        alive = x;
      }
    }
    return Optional.empty();
  }

  /** A restart the server's own log tells: its stop, the start after it, and the sessions on both sides. */
  private record LoggedRestart(List<Evidence> evidence, String detail) {}

  /**
   * The server's own lifecycle lines: a process logged its stop shortly after its last sessions
   * ended together ({@link #endedBy}), a process logged its start after that, and new sessions
   * handshook with it soon after (the clients coming back). A stop with no start after it is the end
   * of a log (the service shut down, a test's last step), not a restart: a client that closed its
   * page just before looks the same in the server's log.
   */
  private static Optional<LoggedRestart> loggedRestart(Incident incident) {
    List<LogLine> starts = incident.logLines(LogEvent.SERVER_STARTED);
    List<LogLine> handshakes = incident.logLines(LogEvent.HANDSHAKE);
    for (LogLine stop : incident.logLines(LogEvent.SERVER_STOPPED)) {
      if (stop.time() == null) {
        continue;
      }
      LogLine start = starts.stream().filter(l -> l.time() != null && l.time().isAfter(stop.time()))
          .findFirst().orElse(null);
      if (start == null) {
        continue;
      }
      List<Session> ended = endedBy(incident, stop);
      List<LogLine> back = new ArrayList<>();
      for (LogLine h : handshakes) {
        if (h.time() != null && h.time().isAfter(start.time()) && !h.time().isAfter(start.time().plus(RETURN))
            && h.location().file().equals(start.location().file())) {
          back.add(h);
        }
      }
      if (ended.isEmpty() || back.isEmpty()) {
        continue; // nobody connected when it stopped, or nobody came back: a restart no client noticed
      }
      List<Evidence> evidence = new ArrayList<>();
      for (Session s : ended) {
        s.logLines().stream().filter(l -> l.time() != null && l.location().file().equals(stop.location().file()))
            .reduce((a, b) -> b)
            .ifPresent(l -> evidence.add(Evidence.of(l, "last line of session " + s.sid() + " before the stop")));
      }
      evidence.add(Evidence.of(stop, "the server process stopped: every session still open ended with it"));
      evidence.add(Evidence.of(start, "a server process started again"));
      evidence.add(Evidence.of(back.get(0), "the clients come back: new session"));
      Instant first = ended.get(0).lastActivity();
      Instant last = ended.get(ended.size() - 1).lastActivity();
      String detail = ended.size() + " session(s) ended within " + Duration.between(first, last).toMillis()
          + " ms of each other, " + Duration.between(last, stop.time()).toMillis()
          + " ms before the server logged its stop; a process started again "
          + Duration.between(stop.time(), start.time()).toMillis() + " ms later and " + back.size()
          + " new session(s) handshook within " + RETURN.toSeconds() + " s";
      return Optional.of(new LoggedRestart(evidence, detail));
    }
    return Optional.empty();
  }

  /**
   * The sessions {@code stop} ended: served by the stopped process (a line in its log, opened
   * before the stop) and active until shortly before it, in time order. A stopping netty-socketio
   * closes every channel first and logs its stop once its event loops have shut down (2 s of quiet
   * period, {@link #STOP_GRACE} at most); the sessions that went quiet together last are the ones
   * it ended, and clients that had left earlier are not among them. Empty when nobody was
   * connected when it stopped.
   */
  private static List<Session> endedBy(Incident incident, LogLine stop) {
    String file = stop.location().file();
    Instant latest = stop.time().plus(TOGETHER);
    List<Session> served = new ArrayList<>();
    for (Session s : incident.sessions()) {
      Instant last = s.lastActivity();
      if (s.opened() != null && s.opened().isBefore(stop.time()) && last != null && !last.isAfter(latest)
          && s.logLines().stream().anyMatch(l -> l.location().file().equals(file))) {
        served.add(s);
      }
    }
    Instant lastEnd = served.stream().map(Session::lastActivity).max(Comparator.naturalOrder()).orElse(null);
    if (lastEnd == null || lastEnd.isBefore(stop.time().minus(STOP_GRACE))) {
      return List.of();
    }
    return served.stream().filter(s -> !s.lastActivity().isBefore(lastEnd.minus(TOGETHER)))
        .sorted(Comparator.comparing(Session::lastActivity)).toList();
  }

  private static List<Disconnect> largestBurst(List<Disconnect> drops) {
    return TimeWindows.densest(drops, Disconnect::time, TOGETHER);
  }

}
