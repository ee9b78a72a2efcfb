package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Incident;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The access-log lines of an incident, read once for every rule that looks for a few of them. A
 * proxy's log is nothing but access lines, and reading one (line, request, query) costs far more
 * than testing it: each rule walking all of them was most of their time on such chunks.
 */
public final class AccessLines {
  private final List<LogLine> lines = new ArrayList<>();
  private final int[] statuses;
  private final List<LogLine> engineIoHandshakes = new ArrayList<>();

  private AccessLines(Incident incident) {
    List<LogLine> all = incident.logLines(LogEvent.HTTP_ACCESS);
    statuses = new int[all.size()];
    for (LogLine l : all) {
      if (l.access() == null) {
        continue;
      }
      statuses[lines.size()] = l.access().status();
      lines.add(l);
      if (l.access().engineIo() != null && l.access().engineIo().isHandshake()) {
        engineIoHandshakes.add(l);
      }
    }
  }

  public static AccessLines of(Incident incident) {
    return incident.derived("access-lines", AccessLines::new);
  }

  /** The lines (with a request) whose status passes {@code status}, in log order. */
  public List<LogLine> withStatus(IntPredicate status) {
    List<LogLine> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (status.test(statuses[i])) {
        out.add(lines.get(i));
      }
    }
    return out;
  }

  /** The lines of Engine.IO requests without a sid (handshakes), whatever their answer, in log order. */
  public List<LogLine> engineIoHandshakes() {
    return engineIoHandshakes;
  }
}
