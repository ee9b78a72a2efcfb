package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.rules.api.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A session that ended before the inputs did, with the best-known time of its end.
 *
 * @param sid the Engine.IO sid, or null for a server log line that does not name it
 * @param opened when the session started, or null when unknown
 * @param reason the stated reason, or null when the inputs only show that it stopped
 * @param evidence the records that show the end: the connection that dropped, its last sign, the
 *     server's close line (first is the most telling)
 */
public record Disconnect(String sid, Instant opened, Instant time, String reason, List<Record> evidence) {

  public Disconnect {
    evidence = List.copyOf(evidence);
  }

  public double lifetimeSeconds() {
    return opened == null || time == null ? -1 : (time.toEpochMilli() - opened.toEpochMilli()) / 1000.0;
  }

  /** One evidence item per record, each with {@code note}. */
  public List<Evidence> toEvidence(String note) {
    List<Evidence> out = new ArrayList<>();
    for (Record r : evidence) {
      out.add(Evidence.of(r, r instanceof LogLine ? "server: " + (reason == null ? "closed" : reason) : note));
    }
    return out;
  }

  /** Whether a server log stated this end (its time is then the server's, not inferred). */
  public boolean logged() {
    return evidence.stream().anyMatch(LogLine.class::isInstance);
  }

  /** The same drop, also seen by a server log line. */
  public Disconnect corroboratedBy(LogLine line) {
    List<Record> more = new ArrayList<>(evidence);
    more.add(line);
    return new Disconnect(sid, opened, time, reason != null ? reason : line.eventDetail(), more);
  }
}
