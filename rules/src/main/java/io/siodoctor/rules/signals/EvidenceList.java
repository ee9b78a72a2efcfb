package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.Record;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The evidence of a finding while a rule collects it. Every item is kept, in order, but only the
 * first {@link Finding#MAX_EVIDENCE} are made whole, since the engine cites no more and making one
 * copies an excerpt of its record (and writes its note): a batch chunk can match thousands of lines.
 * The others keep their place and time only, which is all the engine reads of them (it counts them,
 * and passes their times to a batch scan's hours).
 */
public final class EvidenceList {
  private final List<Evidence> items = new ArrayList<>();

  public void add(Record record) {
    add(record, (String) null);
  }

  public void add(Record record, String note) {
    items.add(cited() ? Evidence.of(record, note) : placeAndTime(record));
  }

  /** For a note that costs something to write: written only for an item that is cited. */
  public void add(Record record, Supplier<String> note) {
    items.add(cited() ? Evidence.of(record, note.get()) : placeAndTime(record));
  }

  public void add(Evidence evidence) {
    items.add(evidence);
  }

  /** Whether the next item is among those the engine cites. */
  private boolean cited() {
    return items.size() < Finding.MAX_EVIDENCE;
  }

  private static Evidence placeAndTime(Record record) {
    return new Evidence(record.location(), record.time(), "", null);
  }

  /** How many items were added. */
  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** {@code Finding.of(confidence, all items)}. */
  public Finding finding(double confidence) {
    return Finding.of(confidence, items);
  }
}
