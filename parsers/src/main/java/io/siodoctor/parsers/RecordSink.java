package io.siodoctor.parsers;

import io.siodoctor.parsers.record.Record;

/** Where a parser streams its records, and the warnings about what it had to tolerate. */
public interface RecordSink {

  void accept(Record record);

  /** Something in the input was odd but parsing went on (shown in {@code inputs[].warnings}). */
  void warn(String message);
}
