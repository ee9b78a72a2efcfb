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
import io.siodoctor.rules.signals.Disconnects;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.signals.KnownTimeouts;
import io.siodoctor.rules.signals.Periodicity;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A proxy closes connections it thinks idle: nginx says so in its error log; otherwise disconnects
 * repeat at a period that is either shorter than {@code pingInterval} (the heartbeat cannot keep the
 * connection busy enough) or a known proxy default (and not the heartbeat window itself).
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
    events = {LogEvent.HANDSHAKE, LogEvent.CLOSED, LogEvent.HTTP_ACCESS, LogEvent.PROXY_UPGRADED_TIMEOUT})
public final class ProxyIdleTimeoutRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    EvidenceList evidence = new EvidenceList();
    Set<SourceLocation> cited = new HashSet<>();
    for (LogLine l : incident.logLines(LogEvent.PROXY_UPGRADED_TIMEOUT)) {
      evidence.add(l);
      cited.add(l.location());
    }
    List<Disconnect> drops = Disconnects.of(incident);
    Optional<Periodicity.Period> period = Disconnects.period(incident);
    // the handshake's timings only matter next to a period
    long pingInterval = period.isPresent() ? pingInterval(incident) : -1;
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
    boolean proxySaysSo = !incident.logLines(LogEvent.PROXY_UPGRADED_TIMEOUT).isEmpty();
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
        evidence.add(l, () -> "proxy: WebSocket lifetime " + l.access().durationMs() / 1000.0 + " s");
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    Set<String> sids = new LinkedHashSet<>();
    drops.stream().map(Disconnect::sid).filter(java.util.Objects::nonNull).forEach(sids::add);
    double confidence = !incident.logLines(LogEvent.PROXY_UPGRADED_TIMEOUT).isEmpty()
        ? (periodExplains ? 0.95 : 0.85) : 0.75;
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

  static long pingInterval(Incident incident) {
    return incident.sessions().stream().map(Session::handshake).flatMap(Optional::stream)
        .mapToLong(h -> h.pingInterval()).filter(v -> v > 0).findFirst().orElse(-1);
  }

  static long heartbeatWindow(Incident incident) {
    return incident.sessions().stream().map(Session::handshake).flatMap(Optional::stream)
        .mapToLong(h -> h.heartbeatWindowMillis()).filter(v -> v > 0).findFirst().orElse(-1);
  }
}
