package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sink that does not read unrecognised lines gets only their times; everything else as before. */
class UnrecognisedLinesTest {
  private static final String LOG = """
      2026-11-25T10:00:00.000Z engine intercepting request for path "/socket.io/"
      2026-11-25T10:00:00.001Z engine handshaking client "abc"
      2026-11-25T10:00:00.002Z engine no middleware to apply, skipping
      2026-11-25T10:00:00.003Z engine:socket sending packet "open" ({"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000})
      2026-11-25T10:00:04.000Z app listening again
      """;

  private static final class Sink implements RecordSink {
    final boolean reads;
    final List<Record> records = new ArrayList<>();
    final List<Instant> unrecognised = new ArrayList<>();

    Sink(boolean reads) {
      this.reads = reads;
    }

    @Override
    public void accept(Record record) {
      records.add(record);
    }

    @Override
    public void warn(String message) {}

    @Override
    public io.siodoctor.parsers.ReadSet plan() {
      return reads ? io.siodoctor.parsers.ReadSet.EVERYTHING : io.siodoctor.parsers.ReadSet.NOTHING;
    }

    @Override
    public void unrecognised(String file, Instant time) {
      assertThat(file).isEqualTo("fixture-node-a.log");
      unrecognised.add(time);
    }
  }

  private static InputSummary read(Sink sink) {
    return new InputReader().read(new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8)), "fixture-node-a.log", sink);
  }

  @Test
  void byDefaultEveryLineIsARecord() {
    Sink sink = new Sink(true);
    assertThat(read(sink).records()).isEqualTo(5);
    assertThat(sink.records).hasSize(5);
    assertThat(sink.unrecognised).isEmpty();
  }

  @Test
  void aSinkThatDoesNotReadThemGetsTheirTimesOnly() {
    Sink sink = new Sink(false);
    InputSummary summary = read(sink);
    assertThat(summary.records()).as("every line still counts").isEqualTo(5);
    assertThat(sink.records).extracting(r -> ((LogLine) r).event())
        .containsExactly(LogEvent.HANDSHAKE, LogEvent.OPEN_SENT);
    assertThat(sink.unrecognised).containsExactly(Instant.parse("2026-11-25T10:00:00Z"),
        Instant.parse("2026-11-25T10:00:00.002Z"), Instant.parse("2026-11-25T10:00:04Z"));
  }
}
