package io.siodoctor.rules.disconnect;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.NeedsSessionIdentity;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.Disconnect;
import io.siodoctor.rules.signals.AccessLines;
import io.siodoctor.rules.signals.Disconnects;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.signals.HeldPolls;
import io.siodoctor.rules.signals.ServerHeartbeat;
import io.siodoctor.rules.signals.KnownTimeouts;
import io.siodoctor.rules.signals.Periodicity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A proxy closes connections it thinks idle: nginx says so in its error log, HAProxy and Envoy on the
 * 101's access line, and a proxy answers a held long-poll 504 before the heartbeat is due ({@link
 * HeldPolls}); otherwise disconnects repeat at a period that is either shorter than {@code
 * pingInterval} (the heartbeat cannot keep the connection busy enough) or a known proxy default (and
 * not the heartbeat window itself).
 */
@NeedsSessionIdentity
@Cause(
    id = "proxy-idle-timeout",
    title = "A proxy or load balancer closes connections it considers idle",
    severity = Severity.ERROR,
    category = Category.GETS_DISCONNECTED,
    docs = "https://socket.io/docs/v4/reverse-proxy/",
    subsumes = {"fixed-interval-disconnect", "network-interruption", "reconnect-storm"},
    settings = {ProxySetting.IDLE_TIMEOUT})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HANDSHAKE, LogEvent.CLOSED, LogEvent.HTTP_ACCESS, LogEvent.CLIENT_CLOSE_PACKET,
        LogEvent.PROXY_UPGRADED_TIMEOUT, LogEvent.SERVER_STOPPED})
public final class ProxyIdleTimeoutRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    EvidenceList evidence = new EvidenceList();
    Set<SourceLocation> cited = new HashSet<>();
    for (LogLine l : incident.logLines(LogEvent.PROXY_UPGRADED_TIMEOUT)) {
      if (l.access() != null && l.access().durationMs() > 0) {
        // an access line (HAProxy, Envoy): the lifetime of the tunnel it cut
        evidence.add(l, () -> "proxy: WebSocket closed by its timeout after " + l.access().durationMs() / 1000.0
            + " s" + (l.fact().text() != null ? " (" + l.fact().text() + ")" : ""));
      } else {
        evidence.add(l);
      }
      cited.add(l.location());
    }
    long announced = ServerHeartbeat.pingInterval(incident);
    // long-polls the proxy answered 504 before the server's heartbeat was due (its read timeout), as
    // the browser and as the proxy's log saw them
    List<Double> browserPolls = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (HeldPolls.cutByProxy(x, announced)) {
        evidence.add(x, () -> "proxy: held poll answered 504 after " + seconds(x.durationMs()) + " s");
        cited.add(x.location());
        browserPolls.add(x.durationMs() / 1000.0);
      }
    }
    List<Double> loggedPolls = new ArrayList<>();
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s == 504)) {
      if (HeldPolls.cutByProxy(l.access(), announced)) {
        evidence.add(l, () -> "proxy: held poll answered 504 after " + seconds(l.access().durationMs()) + " s");
        cited.add(l.location());
        loggedPolls.add(l.access().durationMs() / 1000.0);
      }
    }
    boolean proxySaysSo = !evidence.isEmpty();
    List<Disconnect> drops = Disconnects.of(incident);
    // what the proxy cut shows its timer itself, without the reconnection delay the spacing of drops
    // adds, and also where no session's end is in the inputs (a proxy log alone); the browser's and
    // the log's views of the same polls are one series, not two
    Optional<Periodicity.Period> timer = Periodicity.find(timeoutLifetimes(incident))
        .or(() -> Periodicity.find(loggedPolls.isEmpty() ? browserPolls : loggedPolls));
    Optional<Periodicity.Period> period = timer.isPresent() ? timer : Disconnects.period(incident);
    // the handshake's timings only matter next to a period
    long pingInterval = period.isPresent() ? announced : -1;
    String culprit = null;
    boolean periodExplains = false;
    if (period.isPresent()) {
      double p = period.get().seconds();
      long window = heartbeatWindow(incident);
      boolean isHeartbeatWindow = window > 0 && period.get().near(window / 1000.0);
      culprit = KnownTimeouts.proxyFor(period.get()).orElse(null);
      periodExplains = !isHeartbeatWindow
          && ((pingInterval > 0 && p * 1000 < pingInterval * 0.95) || culprit != null);
    }
    if (periodExplains || proxySaysSo) {
      for (Disconnect d : drops) {
        // nginx's timeout line is often the last record of the session it cut: cite it once
        for (Record r : d.evidence()) {
          if (cited.add(r.location())) {
            evidence.add(r, d.note(r, "disconnect"));
          }
        }
      }
      for (LogLine l : Disconnects.proxyWebSocketLines(incident)) {
        // a proxy that logs why a tunnel ended (HAProxy's termination state) said this one was not its
        // timeout: the browser or the server closed it
        if (l.access().terminationState() == null) {
          evidence.add(l, () -> "proxy: WebSocket lifetime " + l.access().durationMs() / 1000.0 + " s");
        }
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    Set<String> sids = new LinkedHashSet<>();
    drops.stream().map(Disconnect::sid).filter(java.util.Objects::nonNull).forEach(sids::add);
    double confidence = proxySaysSo ? (periodExplains ? 0.95 : 0.85) : 0.75;
    StringBuilder detail = new StringBuilder();
    if (period.isPresent()) {
      detail.append(period.get().describe("disconnects"));
      if (culprit != null) {
        detail.append(", matching ").append(culprit);
      }
      if (pingInterval > 0) {
        detail.append("; pingInterval is ").append(pingInterval / 1000.0).append(" s");
      }
    } else {
      detail.append("the proxy logged idle WebSocket timeouts");
    }
    String idle = period.map(p -> String.valueOf(Math.round(p.seconds()))).orElse("60");
    String fix = "Make the proxy's idle timeout longer than the heartbeat (`pingInterval` + `pingTimeout`,"
        + " 45 s by default), or shorten `pingInterval` below the proxy's idle timeout (" + idle + " s here)."
        + " nginx: `proxy_read_timeout 3600s; proxy_send_timeout 3600s;` in the Socket.IO location;"
        + " AWS ALB: raise the idle timeout attribute; Cloudflare/Heroku: keep `pingInterval` under their"
        + " 100 s / 55 s windows.";
    return Optional.of(evidence.finding(confidence).withSessions(sids)
        .withDetail(detail.toString()).withFix(fix));
  }

  /**
   * Lifetimes of the proxied WebSockets whose access line says the proxy closed them for a timeout
   * (HAProxy's {@code cD}/{@code sD}, Envoy's {@code SI}); nginx's timeout lines carry no lifetime.
   */
  private static List<Double> timeoutLifetimes(Incident incident) {
    List<Double> lifetimes = new ArrayList<>();
    for (LogLine l : incident.logLines(LogEvent.PROXY_UPGRADED_TIMEOUT)) {
      if (l.access() != null && l.access().status() == 101 && l.access().durationMs() > 0) {
        lifetimes.add(l.access().durationMs() / 1000.0);
      }
    }
    return lifetimes;
  }

  /** Milliseconds as seconds to the millisecond (exporters write fractions of a microsecond). */
  private static double seconds(double ms) {
    return Math.round(ms) / 1000.0;
  }

  static long heartbeatWindow(Incident incident) {
    return incident.sessions().stream().map(Session::handshake).flatMap(Optional::stream)
        .mapToLong(h -> h.heartbeatWindowMillis()).filter(v -> v > 0).findFirst().orElse(-1);
  }
}
