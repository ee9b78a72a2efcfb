package io.siodoctor.analyzer.diff;

import io.siodoctor.parsers.record.Record;

/** A place in one capture that shows a value: file, location, time and the record's excerpt. */
public record DiffEvidence(String file, String location, String time, String excerpt) {

  static DiffEvidence of(Record r) {
    return new DiffEvidence(r.location().file(), r.location().location(), r.time() == null ? "" : r.time().toString(),
        r.excerpt());
  }

  DiffEvidence masked(java.util.function.UnaryOperator<String> mask) {
    return new DiffEvidence(file, location, time, mask.apply(excerpt));
  }
}
