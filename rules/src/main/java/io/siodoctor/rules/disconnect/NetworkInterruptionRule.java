package io.siodoctor.rules.disconnect;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.NeedsSessionIdentity;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.WebSocketConnection;
import io.siodoctor.rules.signals.ClientPingTimeout;
import io.siodoctor.rules.signals.Disconnect;
import io.siodoctor.rules.signals.Disconnects;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.signals.NetErrors;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transport dropped without anything saying why: a session the browser had to replace, with no
 * close packet and no regular period, or requests that died with a dropped-connection error. Other
 * causes that explain the drop subsume this one.
 */
@NeedsSessionIdentity
@Cause(
    id = "network-interruption",
    title = "The connection dropped with no server-side cause",
    severity = Severity.WARNING,
    category = Category.GETS_DISCONNECTED,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/#problem-the-socket-gets-disconnected")
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HANDSHAKE, LogEvent.CLOSED, LogEvent.HTTP_ACCESS, LogEvent.CLIENT_CLOSE_PACKET,
        LogEvent.PROXY_UPGRADED_CLOSED, LogEvent.WEBSOCKET_TRANSPORT_CLOSING, LogEvent.SERVER_STOPPED})
public final class NetworkInterruptionRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    if (Disconnects.period(incident).isPresent()) {
      return Optional.empty(); // regular drops have a cause with a clock: fixed-interval and friends
    }
    EvidenceList evidence = new EvidenceList();
    Set<String> sids = new LinkedHashSet<>();
    Set<HttpExchange> cited = new HashSet<>();
    for (Disconnect d : Disconnects.of(incident)) {
      // a server alone cannot tell a client that left from one that dropped, unless the transport failed
      // "no close packet" means something only when the session's WebSocket frames were exported
      // a session whose start the capture missed: its heartbeat settings are unknown, so the heartbeat
      // and timeout causes cannot be ruled out; the drop stays a symptom, not this cause's evidence
      boolean dropped = browserSawIt(d)
          ? d.opened() != null && usedByTheClient(incident, d) && !serverSentClose(incident, d)
              && ((noReason(d) && closeVisible(incident, d))
              || "transport close".equals(d.reason()) || transportError(incident, d))
          : transportError(incident, d);
      List<HttpExchange> offline = browserSawIt(d) ? networkSilenced(incident, d) : List.of();
      if (dropped || !offline.isEmpty()) {
        d.addEvidenceTo(evidence, "last sign of session " + d.sid());
        for (HttpExchange x : offline) {
          if (!d.evidence().contains(x)) {
            evidence.add(x, "failed while the server was silent, before the client's ping timer fired");
          }
        }
        cited.addAll(offline);
        if (d.sid() != null) {
          sids.add(d.sid());
        }
      }
    }
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.failed() && NetErrors.dropped(x.error()) && !x.engineIo().isHandshake() && !cited.contains(x)) {
        evidence.add(x);
        x.sid().ifPresent(sids::add);
      }
    }
    for (LogLine l : incident.logLines(LogEvent.PROXY_UPGRADED_CLOSED)) {
      // the upstream reset the tunnelled WebSocket
      if (l.fact() instanceof LogFact.Errno e && e.number() == LogFact.Errno.ECONNRESET) {
        evidence.add(l);
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(evidence.finding(0.55).withSessions(sids)
        .withDetail(sids.size() + " session(s) dropped without a close packet and at no regular interval"));
  }

  /**
   * The requests that failed with the network while the server was silent, when the client closed
   * this session because its ping timer fired ({@link ClientPingTimeout}): the network silenced the
   * server, and the heartbeat only noticed. Empty for any other end.
   */
  private static List<HttpExchange> networkSilenced(Incident incident, Disconnect d) {
    if (!"ping timeout".equals(d.reason()) || d.sid() == null) {
      return List.of();
    }
    return incident.session(d.sid()).flatMap(ClientPingTimeout::of)
        .map(t -> t.networkFailuresDuring(incident)).orElse(List.of());
  }

  /**
   * Whether the server ended the session with an Engine.IO CLOSE packet of its own: a decision of the
   * server's (its disconnect call, a request it refused, its heartbeat check), which no network drop
   * writes, although the client reports it as {@code transport close}.
   */
  private static boolean serverSentClose(Incident incident, Disconnect d) {
    return d.sid() != null && incident.session(d.sid()).map(s -> s.packets().stream()
        .anyMatch(p -> p.fromServer() && p.is(EngineIoPacket.Type.CLOSE))).orElse(false);
  }

  /**
   * Whether nothing says why the session ended: no reason at all, or a server log that marks the end
   * without one ({@link CloseReason#UNEXPLAINED}); only the packets can then show there was no close.
   */
  private static boolean noReason(Disconnect d) {
    return d.reason() == null || CloseReason.of(d.reason()) == CloseReason.UNEXPLAINED;
  }

  /**
   * Whether the capture could have shown a close packet for this session: it never moved to
   * WebSocket (polling bodies hold the packets), or its WebSocket's frames were exported; and the
   * export keeps the requests that failed.
   */
  private static boolean closeVisible(Incident incident, Disconnect d) {
    if (d.sid() == null) {
      return true;
    }
    return incident.session(d.sid()).map(s -> s.webSockets().stream().filter(WebSocketConnection::opened)
        .allMatch(ws -> !ws.frames().isEmpty()) && !endLeftOut(incident, s)).orElse(true);
  }

  /**
   * Whether the session's requests come from an export that leaves out failed and pending requests
   * (Safari, mitmproxy): the request that ended it, answered by nothing (reset, refused) or still
   * waiting, is exactly what is not there, so records that just stop do not show a drop.
   */
  private static boolean endLeftOut(Incident incident, Session s) {
    return s.exchanges().stream().anyMatch(incident::failuresLeftOut);
  }

  /**
   * Whether the client sent anything on the session after its handshake (a request naming the sid,
   * a WebSocket). A v4 client polls or upgrades at once, so a session with nothing after its
   * handshake is one whose answer never reached the page (a browser that refused it for CORS, a
   * page that went away): it was never up, and did not drop.
   */
  private static boolean usedByTheClient(Incident incident, Disconnect d) {
    if (d.sid() == null) {
      return true;
    }
    return incident.session(d.sid()).map(s -> !s.webSockets().isEmpty()
        || s.exchanges().stream().anyMatch(x -> x.engineIo() != null && !x.engineIo().isHandshake())).orElse(true);
  }

  /**
   * The {@code transport error} a server logged came with the session's WebSocket transport
   * closing at the same moment. ws reports an error only for what the peer sent (a message over
   * {@code maxPayload}, closed with 1009; an invalid frame); a connection that dropped closes it
   * without one, as {@code transport close}. Not a network drop, then, and the log cannot say which.
   */
  private static boolean webSocketRefusedThePeer(Incident incident, Disconnect d) {
    List<LogLine> closing = incident.logLines(LogEvent.WEBSOCKET_TRANSPORT_CLOSING);
    if (closing.isEmpty()) {
      return false;
    }
    // the server's own close lines: the session's last sign in a HAR may be earlier
    for (Record r : d.evidence()) {
      if (r instanceof LogLine close && close.time() != null) {
        for (LogLine l : closing) {
          if (l.time() != null && l.location().file().equals(close.location().file())
              && Math.abs(l.time().toEpochMilli() - close.time().toEpochMilli()) <= SAME_MOMENT_MS) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The session ended with a transport error that may be the network's (see {@link #webSocketRefusedThePeer}). */
  private static boolean transportError(Incident incident, Disconnect d) {
    return "transport error".equals(d.reason()) && !webSocketRefusedThePeer(incident, d);
  }

  /** engine.io logs the error, the transport's closing and the session's close within a few ms. */
  private static final long SAME_MOMENT_MS = 20;

  private static boolean browserSawIt(Disconnect d) {
    for (Record r : d.evidence()) {
      if (!(r instanceof LogLine)) {
        return true;
      }
    }
    return false;
  }
}
