package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.record.LogLine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every parser reads every prefix of every sample line (and random bytes) without throwing, keeps
 * one record per non-blank line, and never needs its "could not be read" fallback.
 */
class RobustnessTest {

  private static List<InputParser> parsers() {
    return List.of(
        new JsonLinesLogParser(),
        new EngineIoDebugLogParser(),
        new NginxErrorLogParser(),
        new NginxAccessLogParser(),
        new HaproxyLogParser(),
        new AwsAlbLogParser(),
        new PythonSocketIoLogParser(),
        new BrowserConsoleLogParser(java.time.LocalDate.of(2026, 11, 26), null),
        new GenericLogParser());
  }

  @Test
  void everyPrefixOfEverySampleLine() {
    StringBuilder sb = new StringBuilder();
    int lines = 0;
    for (String sample : SniffingTest.SAMPLES.values()) {
      for (String line : sample.split("\n")) {
        for (int cut = 1; cut <= line.length(); cut++) {
          String prefix = line.substring(0, cut);
          if (!prefix.isBlank()) {
            sb.append(prefix).append('\n');
            lines++;
          }
        }
      }
    }
    byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
    for (InputParser p : parsers()) {
      CollectingSink s = Parse.bytes(p, "prefixes.log", text);
      assertThat(s.lines).as(p.format()).hasSize(lines);
      assertThat(s.warnings).as(p.format()).noneMatch(w -> w.contains("could not be read"));
      for (LogLine l : s.lines) {
        assertThat(l.message()).isNotNull();
        assertThat(l.event()).isNotNull();
      }
    }
  }

  @Test
  void randomBytes() {
    Random r = new Random(7);
    byte[] junk = new byte[200_000];
    r.nextBytes(junk);
    // sprinkle line ends, quotes, brackets, escapes and digits
    byte[] special = {'\n', '"', '[', ']', ' ', 0x1b, ':', '/', '-', 'T', 'Z', '{', '}', '1', '9'};
    for (int i = 0; i < junk.length; i += 3) {
      junk[i] = special[r.nextInt(special.length)];
    }
    for (InputParser p : parsers()) {
      CollectingSink s = Parse.bytes(p, "junk.bin", junk);
      assertThat(s.lines).as(p.format()).isNotEmpty();
      assertThat(s.warnings).as(p.format()).noneMatch(w -> w.contains("could not be read"));
    }
  }
}
