package io.siodoctor.rules.api;

import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.SourceLocation;
import java.time.Instant;
import java.util.Comparator;

/**
 * One place in an input that proves a finding: file and location, time, and an excerpt. Built from a
 * record, never from free text, so every evidence item points at something real.
 *
 * @param note why this record matters, in a few words ("sid issued by node-a"), or null
 */
public record Evidence(SourceLocation location, Instant time, String excerpt, String note) {

  public static final Comparator<Evidence> BY_TIME =
      Comparator.comparing(Evidence::time, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Evidence::location);

  public static Evidence of(Record record) {
    return new Evidence(record.location(), record.time(), record.excerpt(), null);
  }

  public static Evidence of(Record record, String note) {
    return new Evidence(record.location(), record.time(), record.excerpt(), note);
  }

  public Evidence withExcerpt(String newExcerpt) {
    return new Evidence(location, time, newExcerpt, note);
  }
}
