package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.SessionClose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The involuntary ends of sessions an incident shows, and the regular periods among them. A session
 * counts as dropped when a log states a close reason that is not a deliberate one, or when the
 * browser opened a new session after it (a reconnection) without a deliberate close.
 */
public final class Disconnects {
  /** Reasons that are a choice of the application, not a drop. */
  private static final Set<String> DELIBERATE = Set.of(
      "io client disconnect", "client namespace disconnect", "io server disconnect",
      "server namespace disconnect", "forced server close");

  private Disconnects() {}

  public static List<Disconnect> of(Incident incident) {
    List<Disconnect> result = new ArrayList<>();
    List<Session> sessions = incident.sessions();
    for (int i = 0; i < sessions.size(); i++) {
      Session s = sessions.get(i);
      Optional<SessionClose> close = s.close();
      if (close.isPresent() && close.get().reason() != null && DELIBERATE.contains(close.get().reason())) {
        continue;
      }
      if (close.isPresent() && !close.get().inferred() && close.get().record() instanceof LogLine) {
        result.add(new Disconnect(s.sid(), s.opened(), close.get().time(), close.get().reason(), close.get().record()));
        continue;
      }
      boolean reconnected = i + 1 < sessions.size() && s.handshakeRecord().isPresent()
          && !(s.handshakeRecord().get() instanceof LogLine);
      if (reconnected && !navigatedBetween(incident, s, sessions.get(i + 1))) {
        Record last = lastRecord(s);
        String reason = close.map(SessionClose::reason).orElse(null);
        result.add(new Disconnect(s.sid(), s.opened(), s.lastActivity(), reason, last));
      }
    }
    result.sort(Comparator.comparing(Disconnect::time, Comparator.nullsLast(Comparator.naturalOrder())));
    return result;
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
      if (r.time() != null && (last == null || !r.time().isBefore(last.time()))) {
        last = r;
      }
    }
    return last != null ? last : s.allRecords().get(0);
  }

  /** Seconds between consecutive openings of sessions that were dropped (the reconnect cadence). */
  public static List<Double> openingIntervals(Incident incident) {
    List<Instant> opened = new ArrayList<>();
    for (Session s : incident.sessions()) {
      if (s.opened() != null && s.handshakeRecord().isPresent()) {
        opened.add(s.opened());
      }
    }
    opened.sort(Comparator.naturalOrder());
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < opened.size(); i++) {
      gaps.add((opened.get(i).toEpochMilli() - opened.get(i - 1).toEpochMilli()) / 1000.0);
    }
    return gaps;
  }

  /** The most regular period among lifetimes, disconnect spacing and reconnect cadence. */
  public static Optional<Periodicity.Period> period(Incident incident, List<Disconnect> drops) {
    if (drops.size() < Periodicity.MIN_VALUES) {
      return Optional.empty();
    }
    List<Double> lifetimes = new ArrayList<>();
    List<Double> spacing = new ArrayList<>();
    for (int i = 0; i < drops.size(); i++) {
      if (drops.get(i).evidence() instanceof LogLine) {
        lifetimes.add(drops.get(i).lifetimeSeconds());
      }
      if (i > 0 && drops.get(i).time() != null && drops.get(i - 1).time() != null) {
        spacing.add((drops.get(i).time().toEpochMilli() - drops.get(i - 1).time().toEpochMilli()) / 1000.0);
      }
    }
    Optional<Periodicity.Period> best = Optional.empty();
    for (List<Double> series : List.of(lifetimes, proxyLifetimes(incident), openingIntervals(incident), spacing)) {
      Optional<Periodicity.Period> p = Periodicity.find(series);
      if (p.isPresent() && (best.isEmpty() || p.get().jitterSeconds() / p.get().seconds()
          < best.get().jitterSeconds() / best.get().seconds())) {
        best = p;
      }
    }
    return best;
  }

  /** WebSocket lifetimes as a proxy logged them (the access-log line of a 101 is written at close). */
  public static List<Double> proxyLifetimes(Incident incident) {
    List<Double> lifetimes = new ArrayList<>();
    for (LogLine l : incident.logLines(LogEvent.HTTP_ACCESS)) {
      if (l.access() != null && l.access().status() == 101 && l.access().durationMs() > 0) {
        lifetimes.add(l.access().durationMs() / 1000.0);
      }
    }
    return lifetimes;
  }
}
