package io.siodoctor.rules.incident;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.EngineIoPayload;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which records an incident keeps, so that a 1 GB HAR fits in a small heap. Rules need
 * every record that can be evidence (errors, handshakes, heartbeats, probes, connects, closes, big
 * payloads) but only the edges of long runs of routine traffic (application messages), whose times
 * matter at the start and the end of a connection. Routine records beyond the edges are counted,
 * not kept; records unrelated to Socket.IO (images, scripts) are dropped unless they failed or
 * are page loads.
 */
final class RetentionPolicy {
  /** Routine records kept at each end of one connection or polling session. */
  static final int EDGE = 25;
  /** Above this many kept records only decisive ones are kept. */
  static final int MAX_KEPT = 100_000;
  /** Above this many nothing more is kept: the heap stays bounded whatever the input. */
  static final int HARD_MAX_KEPT = 250_000;

  /** What every healthy session logs: kept while there is room, the first to go when there is not. */
  private static final java.util.Set<LogEvent> ROUTINE_LOG_EVENTS = java.util.EnumSet.of(
      LogEvent.OTHER, LogEvent.HTTP_REQUEST, LogEvent.HANDSHAKE, LogEvent.OPEN_SENT, LogEvent.PAYLOAD_WRITTEN,
      LogEvent.PING_SENT, LogEvent.PING_RECEIVED, LogEvent.PONG_RECEIVED, LogEvent.UPGRADE_STARTED,
      LogEvent.UPGRADE_DONE);

  private final ReadSet plan;
  private final boolean keepUnrecognisedLines;
  /** Per file, the latest time of the unrecognised lines left out: the incident still ends there. */
  private final Map<String, java.time.Instant[]> latestLeftOut = new HashMap<>();
  private String leftOutFile;
  private java.time.Instant[] leftOutLatest;
  private final List<Record> kept = new ArrayList<>();
  private final Map<String, Run> runs = new HashMap<>();
  private String lastFile;
  private int lastEntry = -1;
  private Run lastRun;
  private long droppedUnrelated;
  private long considered;
  private boolean sawExchanges;
  private boolean keptInOrder = true;
  private boolean keptWithoutTime;
  private java.time.Instant lastKeptTime;
  private long droppedOverCap;

  /** @param plan what the incident's readers read: the unrecognised lines are kept only when it reads them */
  RetentionPolicy(ReadSet plan) {
    this.plan = plan;
    this.keepUnrecognisedLines = plan.readsUnrecognisedLines();
  }

  ReadSet plan() {
    return plan;
  }

  /** Takes a record; true when it joined the kept records (not a routine run, not dropped). */
  boolean offer(Record r) {
    if (!keepUnrecognisedLines && unrecognisedLine(r)) {
      if (r.time() != null) {
        leaveOut(r.location().file(), r.time());
      }
      return false;
    }
    considered++;
    sawExchanges |= r instanceof HttpExchange;
    if (r instanceof HttpExchange x && unrelated(x)) {
      droppedUnrelated++;
      return false;
    }
    if (r instanceof WsFrame f && routineFrame(f)) {
      // frames arrive grouped by connection: look the run up once per connection, not per frame
      if (f.entryIndex() != lastEntry || !f.location().file().equals(lastFile)) {
        lastEntry = f.entryIndex();
        lastFile = f.location().file();
        lastRun = runs.computeIfAbsent(lastFile + "#" + lastEntry, k -> new Run());
      }
      lastRun.add(r);
      return false;
    }
    String runKey = routinePollKey(r);
    if (runKey != null) {
      runs.computeIfAbsent(runKey, k -> new Run()).add(r);
      return false;
    }
    if (kept.size() >= HARD_MAX_KEPT || (kept.size() >= MAX_KEPT && !decisive(r))) {
      droppedOverCap++;
      return false;
    }
    kept.add(r);
    noteOrder(r.time());
    return true;
  }

  /** A log line no parser recognised that names no session: left out unless the plan reads such lines. */
  static boolean unrecognisedLine(Record r) {
    return r instanceof LogLine l && l.event() == LogEvent.OTHER && l.sessionId() == null;
  }

  /** Follows whether the kept records arrive in time order (no time last), as a log's lines do. */
  private void noteOrder(java.time.Instant t) {
    if (t == null) {
      keptWithoutTime = true;
    } else if (keptWithoutTime || (lastKeptTime != null && t.isBefore(lastKeptTime))) {
      keptInOrder = false;
    } else {
      lastKeptTime = t;
    }
  }

  /** Whether {@link #records()} are already in time order: kept in order, and no routine runs appended. */
  boolean inTimeOrder() {
    return keptInOrder && runs.isEmpty();
  }

  /** Kept records, with each routine run's head and tail, in arrival order within each group. */
  List<Record> records() {
    List<Record> all = new ArrayList<>(kept);
    for (Run run : runs.values()) {
      all.addAll(run.head);
      all.addAll(run.tail);
    }
    return all;
  }

  /** A note for the input's warnings when something was not kept, else null. */
  String note() {
    long routine = runs.values().stream().mapToLong(r -> r.dropped).sum();
    if (routine == 0 && droppedOverCap == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    if (routine > 0) {
      sb.append(routine).append(" routine application messages inside long connections were counted but not kept"
          + " (the first and last " + EDGE + " of each are)");
    }
    if (droppedOverCap > 0) {
      sb.append(sb.length() > 0 ? "; " : "").append(droppedOverCap)
          .append(" records beyond the first " + MAX_KEPT + " were not kept (errors and closes were, up to "
              + HARD_MAX_KEPT + "); use `sio-doctor scan` for whole archives");
    }
    return sb.toString();
  }

  /** Whether a browser's exchange was offered: without one there is no clock to align logs with. */
  boolean sawExchanges() {
    return sawExchanges;
  }

  /** Records offered, less the unrecognised lines left out: what the incident's work grows with. */
  long considered() {
    return considered;
  }

  /** Remembers the line's time as its file's latest left out; the file is looked up only when it changes. */
  void leaveOut(String file, java.time.Instant t) {
    if (t == null) {
      return;
    }
    if (!file.equals(leftOutFile)) {
      leftOutFile = file;
      leftOutLatest = latestLeftOut.computeIfAbsent(file, f -> new java.time.Instant[1]);
    }
    if (leftOutLatest[0] == null || t.isAfter(leftOutLatest[0])) {
      leftOutLatest[0] = t;
    }
  }

  Map<String, java.time.Instant> latestLeftOut() {
    Map<String, java.time.Instant> out = new HashMap<>();
    latestLeftOut.forEach((f, t) -> out.put(f, t[0]));
    return out;
  }

  long droppedUnrelated() {
    return droppedUnrelated;
  }

  private static boolean unrelated(HttpExchange x) {
    if (x.isEngineIo() || x.isWebSocket() || "document".equals(x.resourceType())) {
      return false;
    }
    return x.status() > 0 && x.status() < 400 || x.pending();
  }

  private static boolean routineFrame(WsFrame f) {
    return f.packet() != null && routine(f.packet()) && f.size() < 64 * 1024;
  }

  /** The run a routine polling exchange belongs to (per sid), or null if it is not routine. */
  private static String routinePollKey(Record r) {
    if (r instanceof HttpExchange x && x.isEngineIo() && !x.isWebSocket() && x.status() == 200
        && x.sid().isPresent() && x.handshake() == null
        && routine(x.requestPayload()) && routine(x.responsePayload())
        && (x.requestPayload().isEngineIo() || x.responsePayload().isEngineIo())) {
      return x.location().file() + "#sid=" + x.sid().get();
    }
    return null;
  }

  private static boolean routine(EngineIoPayload payload) {
    if (payload.framing() == EngineIoPayload.Framing.NOT_ENGINE_IO) {
      return false;
    }
    for (EngineIoPacket p : payload.packets()) {
      if (!routine(p)) {
        return false;
      }
    }
    return true;
  }

  /** Application traffic: EVENT and ACK messages. Heartbeats, probes, connects and closes are not. */
  private static boolean routine(EngineIoPacket p) {
    if (p.type() != EngineIoPacket.Type.MESSAGE || p.socketIo() == null) {
      return false;
    }
    SocketIoPacket.Type t = p.socketIo().type();
    return t == SocketIoPacket.Type.EVENT || t == SocketIoPacket.Type.ACK
        || t == SocketIoPacket.Type.BINARY_EVENT || t == SocketIoPacket.Type.BINARY_ACK;
  }

  private static boolean decisive(Record r) {
    if (r instanceof LogLine l) {
      if (l.event() == LogEvent.HTTP_ACCESS) {
        return l.access() != null && (l.access().status() >= 400 || l.access().status() == 101);
      }
      return !ROUTINE_LOG_EVENTS.contains(l.event());
    }
    if (r instanceof HttpExchange x) {
      return x.status() == 0 || x.status() >= 400 || x.handshake() != null || x.engineIoError() != null;
    }
    if (r instanceof WsFrame f) {
      return f.packet() == null || f.packet().type() != EngineIoPacket.Type.MESSAGE
          || f.packet().socketIo() == null || !routine(f.packet());
    }
    return true;
  }

  /** The head and a rolling tail of one run of routine records. */
  private static final class Run {
    final List<Record> head = new ArrayList<>();
    final ArrayDeque<Record> tail = new ArrayDeque<>();
    long dropped;

    void add(Record r) {
      if (head.size() < EDGE) {
        head.add(r);
        return;
      }
      tail.addLast(r);
      if (tail.size() > EDGE) {
        tail.removeFirst();
        dropped++;
      }
    }
  }
}
