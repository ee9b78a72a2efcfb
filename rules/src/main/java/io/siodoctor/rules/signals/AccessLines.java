package io.siodoctor.rules.signals;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.rules.api.DerivedKey;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Incident;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The access-log lines of an incident, read once for every rule that looks for a few of them. A
 * proxy's log is nothing but access lines, and reading one (line, request, query) costs far more
 * than testing it: each rule walking all of them was most of their time on such chunks.
 */
public final class AccessLines {
  private final LogLine[] lines;
  private final int[] statuses;
  private final boolean[] engineIoHandshake;
  private final int count;
  private final List<LogLine> engineIoHandshakes = new ArrayList<>();
  private final Map<String, List<LogLine>> handshakesByClient = new HashMap<>();

  private AccessLines(Incident incident) {
    // an array and locals rather than a list and accessor calls: this loop runs over every line of
    // a proxy log, mostly before the JIT has compiled it
    LogLine[] all = incident.logLines(LogEvent.HTTP_ACCESS).toArray(new LogLine[0]);
    lines = new LogLine[all.length];
    statuses = new int[all.length];
    engineIoHandshake = new boolean[all.length];
    int n = 0;
    List<LogLine> client = null;
    HttpAccess previous = null;
    for (LogLine l : all) {
      HttpAccess a = l.access();
      if (a == null) {
        continue;
      }
      EngineIoQuery q = a.engineIo();
      boolean handshake = q != null && q.isHandshake();
      lines[n] = l;
      statuses[n] = a.status();
      engineIoHandshake[n] = handshake;
      n++;
      if (handshake) {
        engineIoHandshakes.add(l);
        // a client's handshakes come in runs: its key (a long string to build and hash) only when it changes
        if (client == null || !Objects.equals(a.clientIp(), previous.clientIp())
            || !Objects.equals(a.userAgent(), previous.userAgent())) {
          client = handshakesByClient.computeIfAbsent(a.clientIp() + " " + a.userAgent(), k -> new ArrayList<>());
          previous = a;
        }
        client.add(l);
      }
    }
    count = n;
  }

  /** What it reads: the access-log lines. */
  public static final ReadSet READS = ReadSet.of(List.of(LogLine.class), List.of(LogEvent.HTTP_ACCESS));
  private static final DerivedKey<AccessLines> KEY = DerivedKey.of("access-lines", READS, AccessLines::new);

  public static AccessLines of(Incident incident) {
    return incident.derived(KEY);
  }

  /** The lines (with a request) whose status passes {@code status}, in log order. */
  public List<LogLine> withStatus(IntPredicate status) {
    List<LogLine> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (status.test(statuses[i])) {
        out.add(lines[i]);
      }
    }
    return out;
  }

  /** The lines of Engine.IO requests without a sid (handshakes), whatever their answer, in log order. */
  public List<LogLine> engineIoHandshakes() {
    return engineIoHandshakes;
  }

  /**
   * The Engine.IO handshakes grouped by client, keyed {@code "<address> <user agent>"}: a HashMap
   * filled in log order, each list in log order.
   */
  public Map<String, List<LogLine>> engineIoHandshakesByClient() {
    return handshakesByClient;
  }

  /** The Engine.IO handshakes whose status passes {@code status}, in log order. */
  public List<LogLine> engineIoHandshakes(IntPredicate status) {
    List<LogLine> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (engineIoHandshake[i] && status.test(statuses[i])) {
        out.add(lines[i]);
      }
    }
    return out;
  }
}
