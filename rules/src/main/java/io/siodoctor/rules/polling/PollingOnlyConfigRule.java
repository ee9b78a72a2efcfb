package io.siodoctor.rules.polling;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.UpgradeOutcome;
import io.siodoctor.rules.signals.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The WebSocket transport is switched off by configuration: the server's handshake offers no
 * upgrade ({@code "upgrades":[]}), or it offers one and the client, polling on for seconds, never
 * tries (client {@code transports: ["polling"]}).
 */
@Cause(
    id = "polling-only-config",
    title = "The WebSocket transport is disabled by configuration",
    severity = Severity.INFO,
    category = Category.STUCK_IN_POLLING,
    docs = "https://socket.io/docs/v4/client-options/#transports")
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.OPEN_SENT, LogEvent.UPGRADE_UNAVAILABLE})
public final class PollingOnlyConfigRule implements Rule {
  /** A client that can upgrade does so right after the handshake; this long without trying is a choice. */
  private static final Duration NO_ATTEMPT = Duration.ofSeconds(3);

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    boolean serverSide = false;
    // without a handshake the outcome is neither NOT_OFFERED nor NOT_ATTEMPTED
    for (Session s : Sessions.withHandshake(incident)) {
      // NOT_OFFERED means a handshake without "websocket" in its upgrades; NOT_ATTEMPTED only counts
      // after three polls: a server log's session (no exchanges, websocket offered) is neither, and
      // its upgradeOutcome() is not worth working out
      if (s.handshake().get().offersWebSocket() && s.exchanges().size() < 3) {
        continue;
      }
      UpgradeOutcome outcome = s.upgradeOutcome();
      if (outcome == UpgradeOutcome.NOT_OFFERED && s.handshakeRecord().isPresent()) {
        evidence.add(Evidence.of(s.handshakeRecord().get(), "handshake offers no upgrade"));
        s.logLines().stream().filter(l -> l.is(LogEvent.OPEN_SENT) && l != s.handshakeRecord().get()).limit(1)
            .forEach(l -> evidence.add(Evidence.of(l, "the server's open packet: \"upgrades\":[]")));
        sids.add(s.sid());
        serverSide = true;
      } else if (outcome == UpgradeOutcome.NOT_ATTEMPTED && pollsLongEnough(s) && !incident.webSocketsLeftOut(s)) {
        // (an export that writes no WebSocket shows an upgraded session, or a refused upgrade, this way too)
        evidence.add(Evidence.of(s.handshakeRecord().orElse(s.exchanges().get(0)),
            "websocket offered, never tried by the client"));
        sids.add(s.sid());
      }
    }
    // python-engineio without a WebSocket library says so at start-up and offers polling only
    List<LogLine> noWebSocket = incident.logLines(LogEvent.UPGRADE_UNAVAILABLE);
    noWebSocket.stream().limit(3).forEach(l -> evidence.add(Evidence.of(l, "the server has no WebSocket support")));
    serverSide |= !noWebSocket.isEmpty();
    boolean handshakeUnseen = false;
    if (evidence.isEmpty()) {
      // response bodies not recorded: the open packet (and its "upgrades") is gone, but a session that
      // polled for long without any WebSocket attempt stayed on polling by configuration either way
      for (Session s : incident.sessions()) {
        if (s.handshake().isEmpty() && s.webSockets().isEmpty() && !s.exchanges().isEmpty()
            && s.exchanges().stream().allMatch(x -> x.engineIo() != null && x.engineIo().isPolling()
                && x.responseBody().isEmpty())
            && incident.engineIoExchanges().stream().noneMatch(x -> x.engineIo().isWebSocket())
            && !pageRestrictsConnections(incident) && pollsLongEnough(s) && !incident.webSocketsLeftOut(s)) {
          evidence.add(Evidence.of(s.exchanges().get(0),
              "polling only, no WebSocket attempt; the handshake's \"upgrades\" list is not recorded"));
          sids.add(s.sid());
          handshakeUnseen = true;
        }
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    if (handshakeUnseen) {
      return Optional.of(Finding.of(0.5, evidence).withSessions(sids)
          .withDetail(sids.size() + " session(s) polled for more than " + NO_ATTEMPT.toSeconds()
              + " s and never tried a WebSocket; the response bodies (the open packet's \"upgrades\") are"
              + " not recorded, so whether the server offers no upgrade or the client never tries it is not known")
          .withFix("Either the server runs with `transports: [\"polling\"]` or the client with `transports:"
              + " [\"polling\"]` / `upgrade: false`: allow both transports on both sides."));
    }
    String fix = !noWebSocket.isEmpty()
        ? "python-engineio found no WebSocket library, so it offers polling only: install `simple-websocket`"
            + " (threading / WSGI servers), or run it on aiohttp, eventlet or gevent, which carry their own."
        : serverSide
        ? "The server was started with `transports: [\"polling\"]` (or behind something that strips"
            + " `upgrades`). If that is not intended, allow both: `new Server(httpServer, { transports:"
            + " [\"polling\", \"websocket\"] })`."
        : "The client never tries the WebSocket it is offered: it was created with `transports:"
            + " [\"polling\"]` or `upgrade: false`. Remove that option to let it upgrade.";
    return Optional.of(Finding.of(serverSide ? 0.8 : 0.6, evidence).withSessions(sids)
        .withDetail(sids.size() + " session(s) stayed on polling by configuration").withFix(fix));
  }

  /** The page's own CSP limits connect-src: a WebSocket never tried may be one the policy refuses (csp-blocked). */
  private static boolean pageRestrictsConnections(Incident incident) {
    return incident.exchanges().stream().anyMatch(x -> !x.isEngineIo() && x.responseHeaders().stream()
        .anyMatch(h -> h.name().equalsIgnoreCase("content-security-policy")
            && (h.value().contains("connect-src") || h.value().contains("default-src"))));
  }

  private static boolean pollsLongEnough(Session s) {
    List<HttpExchange> polls = s.exchanges();
    if (polls.size() < 3 || s.opened() == null || s.lastActivity() == null) {
      return false;
    }
    return Duration.between(s.opened(), s.lastActivity()).compareTo(NO_ATTEMPT) > 0;
  }
}
