package io.siodoctor.rules.signals;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.DerivedKey;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.SessionClose;
import io.siodoctor.rules.api.WebSocketConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The involuntary ends of sessions an incident shows, and the regular periods among them. The
 * browser's view: a session it had to replace by a new handshake without a deliberate close. The
 * server's view: a logged close whose reason is not a deliberate one. A drop both sides saw is one
 * drop, with both records as evidence.
 */
public final class Disconnects {
  /** Log lines closer than this with the same reason are one close logged by several namespaces. */
  private static final Duration SAME_CLOSE = Duration.ofMillis(200);
  /** A server close this close to the browser's drop (clock skew, reconnect delay) is the same drop. */
  private static final Duration SAME_DROP = Duration.ofSeconds(3);
  /**
   * Transport closes logged this long before the same log's server stop are the stop closing its
   * connections (aiohttp's shutdown closes each WebSocket in turn, ~0.4 s apart here): the stop,
   * which server-restart judges, not drops.
   */
  private static final Duration STOPPING = Duration.ofSeconds(5);
  /** engine.io closes a session within milliseconds of reading its client's close packet (same tick, then a log write). */
  private static final Duration CLOSE_AFTER_PACKET = Duration.ofMillis(100);

  private Disconnects() {}

  /** What the disconnects are made of: every kind of record, the handshakes, closes and access lines logged. */
  public static final ReadSet READS = ReadSet.of(List.of(HttpExchange.class, WsFrame.class, LogLine.class),
      List.of(LogEvent.HANDSHAKE, LogEvent.CLOSED, LogEvent.HTTP_ACCESS, LogEvent.CLIENT_CLOSE_PACKET,
          LogEvent.SERVER_STOPPED));
  private static final DerivedKey<List<Disconnect>> KEY = DerivedKey.of("disconnects", READS, Disconnects::compute);
  private static final DerivedKey<Optional<Periodicity.Period>> PERIOD =
      DerivedKey.of("disconnect-period", READS, i -> period(i, of(i)));

  public static List<Disconnect> of(Incident incident) {
    return incident.derived(KEY);
  }

  private static List<Disconnect> compute(Incident incident) {
    List<Disconnect> browser = browserDrops(incident);
    List<Disconnect> result = new ArrayList<>(browser);
    for (LogLine close : serverCloses(incident)) {
      int match = matching(result, browser.size(), close);
      if (match >= 0) {
        result.set(match, result.get(match).corroboratedBy(close));
      } else {
        Instant opened = close.sid().flatMap(incident::session).map(Session::opened).orElse(null);
        result.add(new Disconnect(close.sessionId(), opened, close.time(), close.fact().text(), List.of(close)));
      }
    }
    result.sort(Comparator.comparing(Disconnect::time, Comparator.nullsLast(Comparator.naturalOrder())));
    return List.copyOf(result);
  }

  /** The browser drop (among the first {@code browserDrops}) that this server close is, or -1. */
  private static int matching(List<Disconnect> drops, int browserDrops, LogLine close) {
    for (int i = 0; i < browserDrops; i++) {
      Disconnect d = drops.get(i);
      if (d.logged()) {
        continue;
      }
      boolean sameSid = d.sid() != null && d.sid().equals(close.sessionId());
      boolean sameTime = d.time() != null && close.time() != null
          && Duration.between(d.time(), close.time()).abs().compareTo(SAME_DROP) <= 0;
      if (sameSid || (close.sessionId() == null && sameTime)) {
        return i;
      }
    }
    return -1;
  }

  private static List<Disconnect> browserDrops(Incident incident) {
    List<Disconnect> result = new ArrayList<>();
    // a session whose handshake the capture missed (started after it) still drops when a new
    // handshake replaces it, once something proved it alive; the replacement is always a handshake
    List<Session> sessions = Sessions.seenByBrowser(incident).stream()
        .filter(s -> s.handshakeSeenByBrowser() || s.lastProvenAlive() != null)
        .toList();
    for (int i = 0; i + 1 < sessions.size(); i++) {
      Session s = sessions.get(i);
      Optional<SessionClose> close = s.close();
      // a reason of the vocabulary, logged or implied by a packet: a choice of the application is no drop
      if (close.isPresent() && CloseReason.of(close.get().reason()).deliberate()) {
        continue;
      }
      // a close packet shows this session's packets are recorded; without the server's CONNECT among
      // them the session never carried a Socket.IO connection (refused as an unknown sid moments after
      // its handshake, say): a failed attempt to connect, which the connection causes judge, not a drop
      if (close.isPresent() && !(close.get().record() instanceof LogLine) && s.connectAnswer().isEmpty()) {
        continue;
      }
      // parallel sockets of one page (alive together) are skipped: the reconnection that replaces
      // this session is the first one opened after it went quiet, wherever it sits in the order
      Session next = null;
      for (int j = i + 1; j < sessions.size() && next == null; j++) {
        if (sessions.get(j).handshakeSeenByBrowser() && replaces(incident, sessions.get(j), s)) {
          next = sessions.get(j);
        }
      }
      if (next == null || navigatedBetween(incident, s, next)) {
        continue;
      }
      List<Record> evidence = new ArrayList<>();
      for (WebSocketConnection ws : s.webSockets()) {
        if (ws.opened()) {
          evidence.add(ws.request());
        }
      }
      evidence.add(lastRecord(s));
      String reason = close.filter(c -> !(c.record() instanceof LogLine)).map(SessionClose::reason).orElse(null);
      // when the handshake was not recorded, the session's start (and so its lifetime) is unknown
      result.add(new Disconnect(s.sid(), s.handshakeSeenByBrowser() ? s.opened() : null, quietSince(s), reason, evidence));
    }
    return result;
  }

  /**
   * Logged closes that are not deliberate, one per close (namespaces log the same close again), and
   * only those a new handshake follows in the same log: a client that leaves for good (the page
   * closed) is not a drop, a client that comes back is.
   */
  private static List<LogLine> serverCloses(Incident incident) {
    List<LogLine> closes = new ArrayList<>();
    Map<String, Instant> lastHandshake = new HashMap<>();
    for (LogLine h : incident.logLines(LogEvent.HANDSHAKE)) {
      if (h.time() != null) {
        lastHandshake.merge(h.location().file(), h.time(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<LogLine> stops = incident.logLines(LogEvent.SERVER_STOPPED);
    Map<String, ArrayDeque<Instant>> closePackets = new HashMap<>();
    for (LogLine p : incident.logLines(LogEvent.CLIENT_CLOSE_PACKET)) {
      if (p.time() != null) {
        closePackets.computeIfAbsent(p.location().file(), f -> new ArrayDeque<>()).add(p.time());
      }
    }
    for (LogLine l : incident.logLines(LogEvent.CLOSED)) {
      Instant handshakeLater = lastHandshake.get(l.location().file());
      if (!(l.fact() instanceof LogFact.SessionClosed closed) || closed.reason().deliberate() || l.time() == null
          || handshakeLater == null || !handshakeLater.isAfter(l.time()) || closedByStop(l, closed, stops)) {
        continue;
      }
      if (closed.reason() == CloseReason.TRANSPORT_CLOSE
          && afterClosePacket(closePackets.get(l.location().file()), l.time())) {
        // engine.io closes a session whose client sent the close packet over polling as "transport
        // close": the client's own choice (it gave up on the session), not a dropped connection
        continue;
      }
      boolean duplicate = false;
      // lines are in time order: only the last few closes can be the same close logged again
      for (int i = closes.size() - 1; i >= 0; i--) {
        LogLine c = closes.get(i);
        if (Duration.between(c.time(), l.time()).abs().compareTo(SAME_CLOSE) > 0) {
          break;
        }
        if (c.fact().equals(l.fact()) && c.location().file().equals(l.location().file())
            && (c.sessionId() == null || l.sessionId() == null || c.sessionId().equals(l.sessionId()))) {
          duplicate = true;
          break;
        }
      }
      if (!duplicate) {
        closes.add(l);
      }
    }
    return closes;
  }

  /**
   * Whether this transport close was logged within {@link #STOPPING} before a stop of the server
   * that logged it: a process shutting down ends its connections (a log that names no reason for
   * that, python-engineio's, gives only their ends).
   */
  private static boolean closedByStop(LogLine close, LogFact.SessionClosed closed, List<LogLine> stops) {
    if (closed.reason() != CloseReason.TRANSPORT_CLOSE && closed.reason() != CloseReason.UNEXPLAINED) {
      return false;
    }
    for (LogLine stop : stops) {
      if (stop.time() != null && stop.location().file().equals(close.location().file())
          && !stop.time().isBefore(close.time()) && !stop.time().isAfter(close.time().plus(STOPPING))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a client's polling close packet was received in the same log at most {@link
   * #CLOSE_AFTER_PACKET} before {@code closedAt}; each packet explains one close (taken from {@code
   * packets}, which holds one log's packet times in time order, as the lines are).
   */
  private static boolean afterClosePacket(ArrayDeque<Instant> packets, Instant closedAt) {
    if (packets == null) {
      return false;
    }
    while (!packets.isEmpty() && packets.peekFirst().isBefore(closedAt.minus(CLOSE_AFTER_PACKET))) {
      packets.pollFirst();
    }
    if (!packets.isEmpty() && !packets.peekFirst().isAfter(closedAt)) {
      packets.pollFirst();
      return true;
    }
    return false;
  }

  /**
   * A reconnection opens after the old session went quiet; sessions alive at the same time are
   * parallel sockets, not replacements. A WebSocket still open when the next session opened (its
   * recorded lifetime runs past that) keeps its session alive too, even with nothing on it: the
   * client reconnects only once its transport has closed.
   */
  private static boolean replaces(Incident incident, Session next, Session old) {
    Instant quiet = quietSince(old);
    if (next.opened() != null) {
      for (WebSocketConnection ws : old.webSockets()) {
        Optional<Instant> until = WebSocketLifetimes.openUntil(incident, ws);
        if (until.isPresent() && until.get().isAfter(next.opened().plusMillis(500))) {
          return false;
        }
      }
    }
    return next.opened() == null || quiet == null || !next.opened().isBefore(quiet.minusMillis(500));
  }

  /**
   * When a session went quiet: the last moment anything proves it alive ({@link
   * Session#lastProvenAlive()}). A poll it left pending or aborted, or one refused as naming an
   * unknown session, does not: the browser cuts a hanging poll only when the page goes away, long
   * after the session's replacement opened.
   */
  private static Instant quietSince(Session s) {
    return s.lastProvenAlive();
  }

  /** A page load between two sessions means the page was left or reloaded: not a drop. */
  private static boolean navigatedBetween(Incident incident, Session a, Session b) {
    Instant from = a.opened();
    Instant to = b.opened();
    if (from == null || to == null) {
      return false;
    }
    for (HttpExchange x : incident.exchanges()) {
      if ("document".equals(x.resourceType()) && x.time() != null
          && x.time().isAfter(from) && x.time().isBefore(to)) {
        return true;
      }
    }
    return false;
  }

  private static Record lastRecord(Session s) {
    Record last = null;
    for (Record r : s.allRecords()) {
      if (r instanceof LogLine) {
        continue;
      }
      if (r.time() != null && (last == null || !r.time().isBefore(last.time()))) {
        last = r;
      }
    }
    return last != null ? last : s.allRecords().get(0);
  }

  /** Seconds between consecutive openings of browser sessions (the reconnect cadence). */
  public static List<Double> openingIntervals(Incident incident) {
    List<Instant> opened = new ArrayList<>();
    for (Session s : Sessions.seenByBrowser(incident)) {
      // the cheap test first: opened() of a session without a handshake walks all its records
      if (s.handshakeSeenByBrowser() && s.opened() != null) {
        opened.add(s.opened());
      }
    }
    opened.sort(Comparator.naturalOrder());
    return gaps(opened);
  }

  /** {@link #period(Incident, List)} of {@link #of}, worked out once per incident for every rule that asks. */
  public static Optional<Periodicity.Period> period(Incident incident) {
    return incident.derived(PERIOD);
  }

  /**
   * The most regular period among the drops' lifetimes, their spacing (browser and server views
   * apart, as their clocks differ), the browser's reconnect cadence and proxy-logged lifetimes.
   */
  public static Optional<Periodicity.Period> period(Incident incident, List<Disconnect> drops) {
    if (drops.size() < Periodicity.MIN_VALUES) {
      return Optional.empty();
    }
    List<Double> lifetimes = new ArrayList<>();
    List<Instant> serverTimes = new ArrayList<>();
    List<Instant> browserTimes = new ArrayList<>();
    for (Disconnect d : drops) {
      if (d.logged() && d.lifetimeSeconds() > 0) {
        lifetimes.add(d.lifetimeSeconds());
      }
      if (d.time() != null) {
        (d.logged() && d.evidence().get(0) instanceof LogLine ? serverTimes : browserTimes).add(d.time());
      }
    }
    Optional<Periodicity.Period> best = Optional.empty();
    List<List<Double>> candidates = List.of(lifetimes, proxyLifetimes(incident), openingIntervals(incident),
        gaps(serverTimes), gaps(browserTimes));
    for (List<Double> series : candidates) {
      Optional<Periodicity.Period> p = Periodicity.find(series);
      if (p.isPresent() && (best.isEmpty() || p.get().jitterSeconds() / p.get().seconds()
          < best.get().jitterSeconds() / best.get().seconds())) {
        best = p;
      }
    }
    return best;
  }

  private static List<Double> gaps(List<Instant> times) {
    List<Instant> sorted = new ArrayList<>(times);
    sorted.sort(Comparator.naturalOrder());
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      gaps.add((sorted.get(i).toEpochMilli() - sorted.get(i - 1).toEpochMilli()) / 1000.0);
    }
    return gaps;
  }

  /** WebSocket lifetimes as a proxy logged them (the access-log line of a 101 is written at close). */
  public static List<Double> proxyLifetimes(Incident incident) {
    List<Double> lifetimes = new ArrayList<>();
    for (LogLine l : proxyWebSocketLines(incident)) {
      lifetimes.add(l.access().durationMs() / 1000.0);
    }
    return lifetimes;
  }

  /** Access-log lines of proxied WebSockets (status 101, with their lifetime). */
  public static List<LogLine> proxyWebSocketLines(Incident incident) {
    List<LogLine> lines = new ArrayList<>();
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s == 101)) {
      if (l.access().durationMs() > 0) {
        lines.add(l);
      }
    }
    return lines;
  }
}
