package io.siodoctor.rules.disconnect;

import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
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
import io.siodoctor.rules.signals.NetErrors;
import io.siodoctor.rules.signals.Sessions;
import io.siodoctor.rules.signals.TimeWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Handshakes in a tight loop: one client opening many Engine.IO sessions within seconds, or several
 * sessions of one page alive at the same time (a socket per render). Many causes make clients retry:
 * those that explain the failures subsume this one.
 */
@NeedsSessionIdentity
@Cause(
    id = "reconnect-storm",
    title = "Clients reconnect in a tight loop or all at once",
    severity = Severity.WARNING,
    category = Category.GETS_DISCONNECTED,
    docs = "https://socket.io/docs/v4/client-options/#reconnectiondelay",
    subsumes = {"network-interruption"})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HANDSHAKE, LogEvent.HTTP_ACCESS})
public final class ReconnectStormRule implements Rule {
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final int MIN_HANDSHAKES = 6;
  private static final int MIN_CONCURRENT = 3;
  /** Handshakes cited: enough to show the loop, room left for the server's view. */
  private static final int SHOWN = 10;
  /** Server logs see every client: ask for more handshakes than for one browser. */
  private static final int MIN_SERVER_HANDSHAKES = 8;

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Record> handshakes = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.engineIo().isHandshake()) {
        handshakes.add(x);
      }
    }
    List<Record> burst = densest(handshakes);
    if (failureDriven(incident, burst)) {
      burst = List.of(); // reconnects after failures are a consequence of whatever failed, not a cause
    }
    List<Alive> alive = mostConcurrent(incident);
    int concurrent = alive.size();
    List<Record> logBurst = List.of();
    for (List<LogLine> lines : AccessLines.of(incident).engineIoHandshakesByClient().values()) {
      // a client's burst is at most all its lines: one that cannot beat the best so far, nor reach
      // MIN_HANDSHAKES (below it the log burst decides nothing), need not be measured
      if (lines.size() <= Math.max(logBurst.size(), MIN_HANDSHAKES - 1)) {
        continue;
      }
      List<Record> b = densest(lines);
      if (b.size() > logBurst.size()) {
        logBurst = b;
      }
    }
    List<Record> serverBurst = serverHandshakeBurst(incident);
    if (serverBurst.size() > logBurst.size()) {
      logBurst = serverBurst;
    }
    List<Record> decisive = burst.size() >= logBurst.size() ? burst : logBurst;
    if (decisive.size() < MIN_HANDSHAKES && concurrent < MIN_CONCURRENT) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    if (decisive.size() >= MIN_HANDSHAKES) {
      for (Record r : decisive) {
        if (evidence.size() < SHOWN) {
          evidence.add(Evidence.of(r, "handshake"));
        }
        r.sid().ifPresent(sids::add);
      }
      if (decisive == burst) {
        // the server's own record of the same handshakes
        incident.logLines(LogEvent.HANDSHAKE).stream()
            .filter(l -> l.sessionId() != null && sids.contains(l.sessionId()))
            .limit(5).forEach(l -> evidence.add(Evidence.of(l, "server: handshake")));
      }
    } else {
      // the sessions alive together are the evidence, however far apart they were opened: each by
      // its handshake, or (open packet not recorded) by the first record that proves it was in use
      for (Alive a : alive) {
        String sid = a.session().sid();
        evidence.add(a.handshake()
            ? Evidence.of(a.proof(), "session " + sid + " still open")
            : Evidence.of(a.proof(), "session " + sid + " in use (its handshake not recorded)"));
        sids.add(sid);
      }
    }
    String detail = decisive.size() >= MIN_HANDSHAKES
        // concatenated, not String.format: the same text (integers, no grouping) without parsing a format per chunk
        ? decisive.size() + " handshakes from one client within " + WINDOW.toSeconds() + " s"
        : concurrent + " sessions of one page open at the same time";
    return Optional.of(Finding.of(0.65, evidence).withSessions(sids).withDetail(detail));
  }

  /**
   * A server log's handshakes ({@code handshaking client}) bunched in one window: a storm when the
   * burst stands out from the log's usual rate (or the log is short), since a busy server
   * handshakes all the time.
   */
  private static List<Record> serverHandshakeBurst(Incident incident) {
    List<Record> handshakes = new ArrayList<>(incident.logLines(LogEvent.HANDSHAKE));
    if (handshakes.size() < MIN_SERVER_HANDSHAKES) {
      return List.of(); // no burst can be big enough
    }
    List<Record> burst = densest(handshakes);
    if (burst.size() < MIN_SERVER_HANDSHAKES) {
      return List.of();
    }
    Instant first = handshakes.get(0).time();
    Instant last = handshakes.get(handshakes.size() - 1).time();
    if (first == null || last == null) {
      return List.of();
    }
    double spanSeconds = Math.max(WINDOW.toSeconds(), Duration.between(first, last).toSeconds());
    double usualPerWindow = handshakes.size() * WINDOW.toSeconds() / spanSeconds;
    return spanSeconds < 60 || burst.size() >= 5 * usualPerWindow ? burst : List.of();
  }

  private static List<Record> densest(List<? extends Record> records) {
    return new ArrayList<>(TimeWindows.densest(records, Record::time, WINDOW));
  }

  /**
   * The largest set of sessions of the browser capture proven alive at one instant (see {@link
   * #provenAlive}).
   */
  private static List<Alive> mostConcurrent(Incident incident) {
    List<Alive> browser = new ArrayList<>();
    for (Session s : Sessions.seenByBrowser(incident)) {
      provenAlive(s).ifPresent(browser::add);
    }
    List<Alive> best = List.of();
    for (Alive at : browser) {
      Instant t = at.from();
      List<Alive> open = new ArrayList<>();
      for (Alive a : browser) {
        if (!a.from().isAfter(t) && !a.to().isBefore(t)) {
          open.add(a);
        }
      }
      if (open.size() > best.size()) {
        best = open;
      }
    }
    return best;
  }

  /**
   * The stretch the browser's own records prove a session alive ({@link Session#provenAlive()}), and
   * the record to cite for it: its handshake when the browser saw it. Sessions stretched by requests
   * refused or never answered would look alive together when they followed one another; sessions
   * that nothing proves alive (a sid seen only in refused requests) are no evidence of a page
   * holding many sockets.
   */
  private static Optional<Alive> provenAlive(Session s) {
    Record handshake = s.handshakeRecord().filter(r -> !(r instanceof LogLine)).orElse(null);
    return s.provenAlive().map(span -> handshake != null
        ? new Alive(s, handshake, true, span.from(), span.to())
        : new Alive(s, span.first(), false, span.from(), span.to()));
  }

  /**
   * A session, the record that shows it existed (its handshake when the browser saw it), and the
   * stretch its records prove it alive.
   */
  private record Alive(Session session, Record proof, boolean handshake, Instant from, Instant to) {}

  /**
   * The browser's reconnects were driven by failures: within the burst, at least half as many
   * Socket.IO requests failed (HTTP error, network error other than an abort, refused WebSocket,
   * CONNECT_ERROR) as there were handshakes. Clients reconnect after any failure; those reconnects
   * point to the failure, and are never a storm of their own. Also true when the capture cannot
   * show the failures.
   */
  private static boolean failureDriven(Incident incident, List<Record> burst) {
    if (burst.size() < MIN_HANDSHAKES || burst.get(0).time() == null) {
      return false;
    }
    if (burst.stream().anyMatch(incident::failuresLeftOut)) {
      // an export that leaves out failed requests (Safari, mitmproxy) hides what each reconnect
      // followed: a loop of retries after refusals looks like a storm of healthy handshakes
      return true;
    }
    Instant from = burst.get(0).time();
    Instant to = burst.get(burst.size() - 1).time();
    if (to == null) {
      return false;
    }
    to = to.plusSeconds(2);
    int failures = 0;
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.time() == null || x.time().isBefore(from) || x.time().isAfter(to)) {
        continue;
      }
      boolean failed = x.status() >= 400
          || (x.failed() && NetErrors.where(x.error())
              != NetErrors.Place.GAVE_UP)
          || (x.isWebSocket() && incident.webSocketOf(x).map(ws -> ws.refused()).orElse(false))
          || x.responsePayload().packets().stream().anyMatch(
              p -> p.carries(SocketIoPacket.Type.CONNECT_ERROR));
      if (failed) {
        failures++;
      }
    }
    for (Session s : incident.sessions()) {
      for (PacketEvent p : s.packets()) {
        if (p.fromServer() && p.source() instanceof WsFrame && p.time() != null
            && !p.time().isBefore(from) && !p.time().isAfter(to)
            && p.packet().carries(SocketIoPacket.Type.CONNECT_ERROR)) {
          failures++;
        }
      }
    }
    return failures * 2 >= burst.size();
  }
}
