package io.siodoctor.rules.disconnect;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.NeedsSessionIdentity;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.Disconnect;
import io.siodoctor.rules.signals.Disconnects;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.signals.Periodicity;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Three or more disconnects at a regular spacing. More specific causes (a proxy idle timeout, the
 * v2 heartbeat sum of a version mismatch, a heartbeat failure) subsume it when they explain the
 * period; what remains is reported with the period and its jitter.
 */
@NeedsSessionIdentity
@Cause(
    id = "fixed-interval-disconnect",
    title = "Disconnects repeat at a fixed interval",
    severity = Severity.WARNING,
    category = Category.GETS_DISCONNECTED,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/#problem-the-socket-gets-disconnected",
    subsumes = {"network-interruption", "reconnect-storm"},
    settings = {ProxySetting.IDLE_TIMEOUT})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HANDSHAKE, LogEvent.CLOSED, LogEvent.HTTP_ACCESS, LogEvent.CLIENT_CLOSE_PACKET,
        LogEvent.SERVER_STOPPED})
public final class FixedIntervalDisconnectRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    Optional<Periodicity.Period> period = Disconnects.period(incident);
    if (period.isEmpty()) {
      return Optional.empty();
    }
    EvidenceList evidence = new EvidenceList();
    Set<String> sids = new LinkedHashSet<>();
    for (Disconnect d : Disconnects.of(incident)) {
      d.addEvidenceTo(evidence, "disconnect" + (d.reason() == null ? "" : " (" + d.reason() + ")"));
      if (d.sid() != null) {
        sids.add(d.sid());
      }
    }
    Periodicity.Period p = period.get();
    return Optional.of(evidence.finding(0.65).withSessions(sids)
        .withDetail(p.describe("disconnects"))
        .withFix(String.format(Locale.ROOT,
            "Something between client and server ends connections every %.0f s. Look for a timeout of that"
                + " length in every hop (proxy, load balancer, firewall/NAT idle timer, platform limit) and"
                + " raise it above the heartbeat window (`pingInterval` + `pingTimeout`).", p.seconds())));
  }
}
