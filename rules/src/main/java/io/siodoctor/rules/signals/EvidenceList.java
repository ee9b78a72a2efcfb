package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.Record;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.EventTally;
import io.siodoctor.rules.api.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The evidence of a finding while a rule collects it: every item counts (the finding's
 * {@code events}), but only the first {@link Finding#MAX_EVIDENCE} are made, since a finding keeps
 * no more and making one copies an excerpt of its record. A batch chunk can match thousands of lines.
 * The others leave their time (in the finding's {@link EventTally}, for a batch's hours).
 */
public final class EvidenceList {
  private final List<Evidence> kept = new ArrayList<>();
  private final List<Instant> uncitedTimes = new ArrayList<>();
  private int count;

  public void add(Record record) {
    add(record, (String) null);
  }

  public void add(Record record, String note) {
    if (kept.size() < Finding.MAX_EVIDENCE) {
      kept.add(Evidence.of(record, note));
    } else {
      uncited(record.time());
    }
    count++;
  }

  /** For a note that costs something to write: written only for an item that is kept. */
  public void add(Record record, Supplier<String> note) {
    if (kept.size() < Finding.MAX_EVIDENCE) {
      kept.add(Evidence.of(record, note.get()));
    } else {
      uncited(record.time());
    }
    count++;
  }

  public void add(Evidence evidence) {
    if (kept.size() < Finding.MAX_EVIDENCE) {
      kept.add(evidence);
    } else {
      uncited(evidence.time());
    }
    count++;
  }

  private void uncited(Instant time) {
    if (time != null) {
      uncitedTimes.add(time);
    }
  }

  /** How many items were added, kept or not. */
  public int size() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** The finding {@code Finding.of(confidence, all items)} would be. */
  public Finding finding(double confidence) {
    return new Finding(confidence, kept, Set.of(), null, null, new EventTally(count, uncitedTimes));
  }
}
