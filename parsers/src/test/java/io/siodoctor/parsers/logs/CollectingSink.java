package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps every record and warning, for tests (and the times of the lines its plan left unmade). */
final class CollectingSink implements RecordSink {
  final List<LogLine> lines = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final List<Instant> leftOut = new ArrayList<>();
  private final ReadSet plan;

  CollectingSink() {
    this(ReadSet.EVERYTHING);
  }

  /** A sink whose readers read {@code plan}: the lines it does not read come as times only. */
  CollectingSink(ReadSet plan) {
    this.plan = plan;
  }

  @Override
  public ReadSet plan() {
    return plan;
  }

  @Override
  public void unrecognised(String file, Instant time) {
    leftOut.add(time);
  }

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
