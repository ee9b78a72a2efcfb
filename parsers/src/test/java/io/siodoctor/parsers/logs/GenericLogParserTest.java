package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GenericLogParserTest {

  private final GenericLogParser parser = new GenericLogParser(ZoneOffset.UTC, 2026);

  @Test
  void timestampForms() {
    String text =
        "2026-11-26T03:00:00.123Z INFO server started sid=AAAAAAAAAAAAAAAAAAAA\n"
            + "2026-11-26 03:00:01,500 [ERROR] boom\n"
            + "2026/11/26 03:00:02 warn: something\n"
            + "Nov 26 03:00:03 host app[12]: hello\n"
            + "[26/Nov/2026:03:00:04 +0100] request\n"
            + "1764126005 epoch seconds\n"
            + "1764126006789 epoch millis\n"
            + "[2026-11-26T03:00:07+02:00] bracketed\n"
            + "Thu, 26 Nov 2026 03:00:08 GMT rfc\n"
            + "    continuation\n";
    CollectingSink s = Parse.text(parser, "app.log", text);
    assertThat(s.lines).extracting(LogLine::time).containsExactly(
        Instant.parse("2026-11-26T03:00:00.123Z"),
        Instant.parse("2026-11-26T03:00:01.500Z"),
        Instant.parse("2026-11-26T03:00:02Z"),
        Instant.parse("2026-11-26T03:00:03Z"),
        Instant.parse("2026-11-26T02:00:04Z"),
        Instant.ofEpochSecond(1764126005L),
        Instant.ofEpochMilli(1764126006789L),
        Instant.parse("2026-11-26T01:00:07Z"),
        Instant.parse("2026-11-26T03:00:08Z"),
        Instant.parse("2026-11-26T03:00:08Z"));
    assertThat(s.lines).allSatisfy(l -> assertThat(l.event()).isEqualTo(LogEvent.OTHER));
    assertThat(s.lines.get(0).sid()).contains("AAAAAAAAAAAAAAAAAAAA");
    assertThat(s.lines.get(0).level()).isEqualTo("info");
    assertThat(s.lines.get(0).message()).isEqualTo("INFO server started sid=AAAAAAAAAAAAAAAAAAAA");
    assertThat(s.lines.get(1).level()).isEqualTo("error");
    assertThat(s.lines.get(2).level()).isEqualTo("warn");
    assertThat(s.lines.get(9).message()).isEqualTo("    continuation");
    assertThat(s.lines.get(0).node()).isEqualTo("app");
  }

  /** An application's connection_error listener printing through a plain logger. */
  @Test
  void connectionErrorListenerThroughAPlainLogger() {
    CollectingSink s = Parse.text(parser, "app.log",
        "2026-12-08T01:00:01.000Z WARN connection_error code 4 Forbidden GET /socket.io/?EIO=4&transport=polling&t=abc\n"
            + "2026-12-08T01:00:02.000Z WARN [engine] connection_error 2 Bad handshake method\n"
            + "2026-12-08T01:00:03.000Z WARN GET /admin 403 Forbidden\n");
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.REQUEST_FORBIDDEN, LogEvent.BAD_HANDSHAKE_METHOD, LogEvent.OTHER);
  }

  @Test
  void zonelessTimesUseTheGivenZone() {
    GenericLogParser ny = new GenericLogParser(ZoneId.of("America/New_York"), 2026);
    LogLine l = Parse.text(ny, "a.log", "2026-11-26 03:00:00 x\n").lines.get(0);
    assertThat(l.time()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
  }

  @Test
  void sniff() {
    assertThat(Parse.sniff(parser, "2026-11-26 03:00:00 a\n2026-11-26 03:00:01 b\n")).isTrue();
    assertThat(Parse.sniff(parser, "Nov 26 03:00:03 host app[12]: hello\n")).isTrue();
    assertThat(Parse.sniff(parser, "{\"log\":{\"version\":\"1.2\"}}\n")).isFalse();
    assertThat(Parse.sniff(parser, "hello world\nno times here\n")).isFalse();
    assertThat(Parse.sniff(parser, new byte[] {0, 1, 2, 3, 0, 0, 5})).isFalse();
    assertThat(Parse.sniff(parser, "")).isFalse();
  }
}
