package io.siodoctor.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.har.HarParser;
import io.siodoctor.parsers.record.Record;
import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.archive.ArchiveLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReaderTest {
  /** Two Safari-style entries: enough to see records counted and a warning collected. */
  private static final String SMALL_HAR =
      "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"WebKit Web Inspector\", \"version\": \"1\"},"
          + " \"entries\": [" + entry("") + ", " + entry("") + "]}}";

  private static String entry(String started) {
    return "{\"startedDateTime\": \"" + started + "\", \"time\": 1, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"https://a/socket.io/?EIO=4&transport=polling\", \"cookies\": []},"
        + " \"response\": {\"status\": 200, \"cookies\": [], \"content\": {\"mimeType\": \"text/plain\", \"text\": \"6\"}}}";
  }

  private final InputReader reader = new InputReader(List.of(new HarParser()));
  private final List<Record> records = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final RecordSink sink =
      new RecordSink() {
        @Override
        public void accept(Record record) {
          records.add(record);
        }

        @Override
        public void warn(String message) {
          warnings.add(message);
        }
      };

  private InputSummary read(byte[] bytes, String name) {
    return reader.read(new ByteArrayInputStream(bytes), name, sink);
  }

  @Test
  void harIsTheFirstBuiltInFormat() {
    assertThat(InputParsers.all().get(0)).isInstanceOf(HarParser.class);
  }

  @Test
  void readsAHarAndSummarisesIt() {
    InputSummary s = read(SMALL_HAR.getBytes(StandardCharsets.UTF_8), "capture.har");
    assertThat(s).usingRecursiveComparison().ignoringFields("capture").isEqualTo(new InputSummary("capture.har",
        "har", 2, List.of("empty startedDateTime (Safari) in 2 entries; times unknown"), null));
    assertThat(s.capture()).as("a HAR input has a capture profile").isNotNull();
    assertThat(s.readable()).isTrue();
    assertThat(records).hasSize(2);
    assertThat(warnings).isEqualTo(s.warnings());
  }

  @Test
  void gunzipsByMagicBytesNotByName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("capture.har"); // no .gz on purpose
    Files.write(file, gzip(SMALL_HAR.getBytes(StandardCharsets.UTF_8)));
    InputSummary s = reader.read(file, "capture.har", sink);
    assertThat(s.format()).isEqualTo("har");
    assertThat(s.records()).isEqualTo(2);
    assertThat(s.error()).isNull();
  }

  @Test
  void truncatedGzipIsAOneLineErrorAfterTheRecordsBeforeTheBreak() throws IOException {
    String entries = String.join(", ", java.util.Collections.nCopies(5000, entry("2026-11-25T10:00:00Z")));
    String har = "{\"log\": {\"version\": \"1.2\", \"entries\": [" + entries + "]}}";
    byte[] gz = gzip(har.getBytes(StandardCharsets.UTF_8));
    // 5000 identical entries expand far past the zip-bomb ratio: this test is about the break, not the ratio
    InputReader lenient = new InputReader(InputParsers.all(), ArchiveLimits.DEFAULT.withMaxRatio(1_000_000));
    InputSummary s = lenient.read(new ByteArrayInputStream(Arrays.copyOf(gz, gz.length / 2)), "capture.har.gz", sink);
    assertThat(s.error()).matches("capture\\.har\\.gz: gzip: unexpected end of stream at byte \\d+");
    assertThat(s.format()).isEqualTo("har");
    assertThat(s.records()).isBetween(1L, 4999L);
  }

  @Test
  void gzipBrokenBeforeTheFormatIsKnown() throws IOException {
    byte[] gz = gzip(SMALL_HAR.getBytes(StandardCharsets.UTF_8));
    InputSummary s = read(Arrays.copyOf(gz, gz.length - 20), "capture.har.gz");
    assertThat(s.error()).startsWith("capture.har.gz: gzip: unexpected end of stream at byte ");
    assertThat(s.format()).isNull();

    InputSummary badHeader = read(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "x.gz");
    assertThat(badHeader.error()).startsWith("x.gz: gzip: ").contains(" at byte ");
  }

  @Test
  void truncatedHarKeepsItsRecordsAndSaysWhere() {
    String cut = SMALL_HAR.substring(0, SMALL_HAR.lastIndexOf("\"cache\""));
    InputSummary s = read(cut.getBytes(StandardCharsets.UTF_8), "capture.har");
    assertThat(s.records()).isEqualTo(1);
    assertThat(s.error())
        .isEqualTo("capture.har: byte " + cut.length() + " (line 1, column " + (cut.length() + 1)
            + "): unexpected end of input inside entries[1] (is the file truncated?)");
    assertThat(s.warnings()).containsExactly("empty startedDateTime (Safari) in 1 entry; times unknown");
  }

  @Test
  void unrecognisedInputQuotesItsFirstLine() {
    InputSummary s = read("hello world\nsecond line\n".getBytes(StandardCharsets.UTF_8), "notes.txt");
    assertThat(s.error())
        .isEqualTo("notes.txt: not a HAR or a recognised log format (first line: \"hello world\")");
    assertThat(s.records()).isZero();
    assertThat(s.readable()).isFalse();
  }

  @Test
  void emptyAndMissingFiles(@TempDir Path dir) {
    assertThat(read(new byte[0], "empty.har").error()).isEqualTo("empty.har: empty file");
    assertThat(reader.read(dir.resolve("nope.har"), "nope.har", sink).error()).isEqualTo("nope.har: no such file");
  }

  @Test
  void brokenStreamAndParserBugsBecomeErrorsNotExceptions() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk on fire");
          }
        };
    assertThat(reader.read(failing, "x.har", sink).error()).isEqualTo("x.har: read error: disk on fire");

    InputParser buggy =
        new InputParser() {
          @Override
          public String format() {
            return "buggy";
          }

          @Override
          public MatchStrength match(byte[] head, int length) {
            return MatchStrength.FULL_MATCH;
          }

          @Override
          public void parse(InputStream in, String file, RecordSink out) {
            throw new IllegalStateException("oops");
          }
        };
    InputSummary s = new InputReader(List.of(buggy)).read(new ByteArrayInputStream(new byte[] {1}), "y.log", sink);
    assertThat(s.error()).isEqualTo("y.log: internal error while reading (java.lang.IllegalStateException: oops)");
    assertThat(s.format()).isEqualTo("buggy");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
