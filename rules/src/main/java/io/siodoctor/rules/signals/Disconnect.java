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
      out.add(Evidence.of(r, note(r, note)));
    }
    return out;
  }

  /** Each record of {@link #evidence} into {@code out}, noted as {@link #toEvidence} notes it. */
  public void addEvidenceTo(EvidenceList out, String note) {
    for (Record r : evidence) {
      out.add(r, () -> note(r, note));
    }
  }

  /** The note of one evidence record: a server line tells the reason, the others get {@code note}. */
  public String note(Record r, String note) {
    return r instanceof LogLine ? "server: " + (reason == null ? "closed" : reason) : note;
  }

  /** Whether a server log stated this end (its time is then the server's, not inferred). */
  public boolean logged() {
    // a loop, not a stream: the disconnect rules ask this of every drop of every chunk
    for (Record r : evidence) {
      if (r instanceof LogLine) {
        return true;
      }
    }
    return false;
  }

  /** The same drop, also seen by a server log line. */
  public Disconnect corroboratedBy(LogLine line) {
    List<Record> more = new ArrayList<>(evidence);
    more.add(line);
    return new Disconnect(sid, opened, time, reason != null ? reason : line.fact().text(), more);
  }
}
