package io.siodoctor.rules.connect;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.AccessLines;
import io.siodoctor.rules.signals.CapacityRefusals;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.signals.HeldPolls;
import io.siodoctor.rules.signals.ServerHeartbeat;
import io.siodoctor.rules.signals.NetErrors;
import io.siodoctor.rules.signals.Sessions;
import java.util.Optional;

/**
 * Engine.IO requests that got no answer (refused, unresolvable, timed out) or a 502/503/504 from a
 * proxy whose backend is down; proxy error logs that could not reach the upstream. A 503 the proxy
 * gave for a limit of its own, with the backend up ({@link CapacityRefusals}), is not one.
 */
@Cause(
    id = "server-unreachable",
    title = "Nothing answers at the Socket.IO URL",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/#the-server-is-not-reachable",
    subsumes = {"websocket-only-no-fallback", "reconnect-storm", "network-interruption"})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HTTP_ACCESS, LogEvent.NETWORK_ERROR, LogEvent.PROXY_UPSTREAM_TIMEOUT,
        LogEvent.PROXY_UPSTREAM_UNAVAILABLE, LogEvent.PROXY_LIMIT_REFUSED})
public final class ServerUnreachableRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    EvidenceList evidence = new EvidenceList();
    // a long-poll the proxy gave up on before the heartbeat was due was being held by a live server
    long pingInterval = ServerHeartbeat.pingInterval(incident);
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.failed() && NetErrors.unreachable(x.error())) {
        evidence.add(x);
      } else if ((x.status() == 502 || x.status() == 503 || x.status() == 504)
          && !HeldPolls.cutByProxy(x, pingInterval) && !CapacityRefusals.notADownBackend(incident, x)) {
        // a 503 given for want of a free slot (the proxy's log says so, or the server answered
        // others meanwhile) is server-overloaded's, and nginx's own 503 is a limit or a configured
        // refusal: the backend was up
        evidence.add(x, "the proxy answered for a backend that is down");
      }
    }
    incident.logLines(LogEvent.PROXY_UPSTREAM_UNAVAILABLE).forEach(evidence::add);
    for (LogLine l : incident.logLines(LogEvent.PROXY_UPSTREAM_TIMEOUT)) {
      // a read timeout on a request of an open session: the server had accepted the connection and
      // issued that session, and was holding the request (a long-poll waits up to pingInterval)
      if (l.sid().isEmpty()) {
        evidence.add(l);
      }
    }
    for (LogLine l : incident.logLines(LogEvent.NETWORK_ERROR)) {
      if (NetErrors.unreachable(NetErrors.of(l))) {
        evidence.add(l);
      }
    }
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s == 502 || s == 503 || s == 504)) {
      if (l.access().engineIo() != null && !HeldPolls.cutByProxy(l.access(), pingInterval)
          && !CapacityRefusals.refusedForCapacity(incident, l.access())) {
        evidence.add(l);
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    // if sessions did get established, the outage was partial: still the cause of the failures seen,
    // but less likely to be the whole story
    boolean anySession = Sessions.anyServed(incident) || servedInAccessLog(incident);
    double confidence = anySession ? 0.6 : 0.92;
    return Optional.of(evidence.finding(confidence)
        .withDetail(evidence.size() + " request(s) got no answer from a Socket.IO server"
            + (anySession ? "; other requests did reach it" : "; no Engine.IO handshake succeeded")));
  }

  /**
   * A proxy's access log shows a request carrying a sid answered 2xx or 101: only a server that
   * issued that sid answers so, so a Socket.IO server was up for some of the time.
   */
  private static boolean servedInAccessLog(Incident incident) {
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s == 101 || (s >= 200 && s < 300))) {
      String sid = l.access().engineIo() == null ? null : l.access().engineIo().sid();
      if (sid != null && !sid.isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
