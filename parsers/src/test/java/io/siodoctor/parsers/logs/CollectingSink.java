package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps every record and warning, for tests. */
final class CollectingSink implements RecordSink {
  final List<LogLine> lines = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  @Override
  public void accept(Record record) {
    lines.add((LogLine) record);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  List<LogLine> events(LogEvent e) {
    return lines.stream().filter(l -> l.event() == e).collect(Collectors.toList());
  }

  LogLine first(LogEvent e) {
    return lines.stream().filter(l -> l.event() == e).findFirst().orElseThrow(
        () -> new AssertionError("no " + e + " in " + lines));
  }
}
