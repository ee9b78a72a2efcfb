package io.siodoctor.parsers.har;

import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.capture.CaptureProfile;
import io.siodoctor.parsers.record.Record;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a parser emits, for assertions. */
final class CollectingSink implements RecordSink {
  final List<Record> records = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  CaptureProfile profile;

  @Override
  public void accept(Record record) {
    records.add(record);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void capture(CaptureProfile captured) {
    profile = captured;
  }

  <T extends Record> List<T> of(Class<T> type) {
    return records.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
