package io.siodoctor.parsers;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The facts a reader of records reads: record kinds ({@link HttpExchange}, {@link WsFrame},
 * {@link LogLine}) and, among the log lines, their events. A rule declares one (its {@code @Reads});
 * the union of every reader's is the plan that parsers and the incident builder follow: a log line
 * no parser recognised ({@link LogEvent#OTHER}) that names no session is made and kept only when
 * the plan reads {@code OTHER} (PMD's {@code RuleTargetSelector}, error-prone's scanner sending each
 * check only the nodes it asked for).
 *
 * <p>The bodies of HTTP exchanges that are not Socket.IO traffic (scripts, images, API answers;
 * HTML pages and Engine.IO bodies are always made) are a fact of their own: a HAR parser makes
 * them only when the plan {@link #readsOtherBodies reads them}. Views do not strip them: which
 * exchanges they belong to is decided while parsing.
 *
 * <p>A log line that names a session is also a fact of that session: a reader of {@link LogLine}
 * sees the sessions' lines whatever their event; {@code events} selects the incident's lines.
 */
public final class ReadSet {
  /** Every kind, every event and the other bodies. */
  public static final ReadSet EVERYTHING = new ReadSet(
      List.of(HttpExchange.class, WsFrame.class, LogLine.class), EnumSet.allOf(LogEvent.class), true);
  /** Nothing: a reader of times only (records still arrive; unrecognised lines as times only). */
  public static final ReadSet NOTHING = new ReadSet(List.of(), EnumSet.noneOf(LogEvent.class), false);

  private final boolean exchanges;
  private final boolean frames;
  private final boolean lines;
  private final EnumSet<LogEvent> events;
  private final boolean otherBodies;

  private ReadSet(Collection<Class<? extends Record>> kinds, Set<LogEvent> events, boolean otherBodies) {
    boolean x = false;
    boolean f = false;
    boolean l = false;
    for (Class<? extends Record> k : kinds) {
      if (k == HttpExchange.class) {
        x = true;
      } else if (k == WsFrame.class) {
        f = true;
      } else if (k == LogLine.class) {
        l = true;
      } else {
        throw new IllegalArgumentException("not a record kind a reader can declare: " + k.getName());
      }
    }
    if (!l && !events.isEmpty()) {
      throw new IllegalArgumentException("log events " + events + " declared without LogLine");
    }
    this.exchanges = x;
    this.frames = f;
    this.lines = l;
    if (!x && otherBodies) {
      throw new IllegalArgumentException("other bodies declared without HttpExchange");
    }
    this.events = events.isEmpty() ? EnumSet.noneOf(LogEvent.class) : EnumSet.copyOf(events);
    this.otherBodies = otherBodies;
  }

  /**
   * @param kinds the record kinds read
   * @param events the log events read among the incident's lines (needs {@link LogLine} in kinds)
   */
  public static ReadSet of(Collection<Class<? extends Record>> kinds, Collection<LogEvent> events) {
    return new ReadSet(kinds, events.isEmpty() ? EnumSet.noneOf(LogEvent.class) : EnumSet.copyOf(events), false);
  }

  /** This, and the bodies of the exchanges that are not Socket.IO traffic (needs {@link HttpExchange}). */
  public ReadSet withOtherBodies() {
    return new ReadSet(kinds(exchanges, frames, lines), events, true);
  }

  /** What this reader or {@code other} reads. */
  public ReadSet union(ReadSet other) {
    EnumSet<LogEvent> es = EnumSet.copyOf(events);
    es.addAll(other.events);
    return new ReadSet(kinds(exchanges || other.exchanges, frames || other.frames, lines || other.lines), es,
        otherBodies || other.otherBodies);
  }

  /** Whether everything {@code other} reads is read here. */
  public boolean covers(ReadSet other) {
    return (exchanges || !other.exchanges) && (frames || !other.frames) && (lines || !other.lines)
        && events.containsAll(other.events) && (otherBodies || !other.otherBodies);
  }

  /** Whether records of this kind are read. */
  public boolean reads(Class<? extends Record> kind) {
    return kind == HttpExchange.class ? exchanges : kind == WsFrame.class ? frames : kind == LogLine.class && lines;
  }

  /** Whether the incident's log lines of this event are read. */
  public boolean reads(LogEvent event) {
    return events.contains(event);
  }

  /** Whether every record is read: every kind, every event. */
  public boolean readsEveryRecord() {
    return exchanges && frames && lines && readsAllEvents();
  }

  /** Whether every event is read. */
  public boolean readsAllEvents() {
    return events.size() == LogEvent.values().length;
  }

  /**
   * Whether the log lines no parser recognised that name no session are read (most of a debug
   * log): when not, a line parser makes no record of them and only passes their time on
   * ({@link RecordSink#unrecognised}).
   */
  public boolean readsUnrecognisedLines() {
    return events.contains(LogEvent.OTHER);
  }

  /**
   * Whether the bodies of exchanges that are not Socket.IO traffic are read: when not, a HAR parser
   * skips them at the token level and makes its records without them (sizes kept).
   */
  public boolean readsOtherBodies() {
    return otherBodies;
  }

  /** Whether this record is one of the incident's facts read here (its kind, and its event for a line). */
  public boolean reads(Record r) {
    if (r instanceof LogLine l) {
      return lines && events.contains(l.event());
    }
    return r instanceof HttpExchange ? exchanges : r instanceof WsFrame && frames;
  }

  private static List<Class<? extends Record>> kinds(boolean x, boolean f, boolean l) {
    List<Class<? extends Record>> k = new java.util.ArrayList<>();
    if (x) {
      k.add(HttpExchange.class);
    }
    if (f) {
      k.add(WsFrame.class);
    }
    if (l) {
      k.add(LogLine.class);
    }
    return k;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadSet r && r.exchanges == exchanges && r.frames == frames && r.lines == lines
        && r.otherBodies == otherBodies && r.events.equals(events);
  }

  @Override
  public int hashCode() {
    return events.hashCode() * 16 + (otherBodies ? 8 : 0) + (exchanges ? 4 : 0) + (frames ? 2 : 0) + (lines ? 1 : 0);
  }

  @Override
  public String toString() {
    List<String> k = kinds(exchanges, frames, lines).stream().map(Class::getSimpleName).toList();
    return "reads " + k + (events.isEmpty() ? "" : " events " + events) + (otherBodies ? " and other bodies" : "");
  }
}
