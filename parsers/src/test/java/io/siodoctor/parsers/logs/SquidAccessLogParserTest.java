package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.InputParsers;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SquidAccessLogParserTest {
  private final SquidAccessLogParser parser = new SquidAccessLogParser();

  /** Squid 5.7's native format, as Debian's squid writes it (fixture lines in that format). */
  private static final String LOG =
      "1765108800.123      0 127.0.0.1 TCP_DENIED/403 3950 CONNECT app.example.com:443 - HIER_NONE/- text/html\n"
          + "1765108801.456     12 127.0.0.1 TCP_MISS/200 345 GET http://app.example.com/socket.io/?EIO=4&transport=polling&t=PqR1&sid=ssO51L53Emo8zXiyAAAA - HIER_DIRECT/203.0.113.7 text/plain\n"
          + "1765108802.000  60012 10.1.2.3 TCP_TUNNEL/200 5120 CONNECT app.example.com:443 alice HIER_DIRECT/203.0.113.7 -\n"
          + "1765108803.500      1 127.0.0.1 TCP_DENIED/407 4011 GET http://app.example.com/socket.io/?EIO=4&transport=polling&t=PqR2 - HIER_NONE/- text/html\n";

  @Test
  void readsEveryFieldOfTheNativeFormat() {
    CollectingSink s = Parse.text(parser, "squid-access.log", LOG);
    assertThat(s.lines).hasSize(4).allMatch(l -> l.event() == LogEvent.HTTP_ACCESS && l.format() == LogFormat.SQUID_ACCESS);
    LogLine denied = s.lines.get(0);
    assertThat(denied.time()).isEqualTo(Instant.parse("2025-12-07T12:00:00.123Z"));
    assertThat(denied.fact().text()).isEqualTo("TCP_DENIED");
    HttpAccess a = denied.access();
    assertThat(a.method()).isEqualTo("CONNECT");
    assertThat(a.url()).isEqualTo("app.example.com:443");
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.bytes()).isEqualTo(3950);
    assertThat(a.clientIp()).isEqualTo("127.0.0.1");
    assertThat(a.upstream()).isEqualTo("HIER_NONE/-");
    assertThat(a.engineIo()).isNull();

    LogLine poll = s.lines.get(1);
    assertThat(poll.fact().text()).isEqualTo("TCP_MISS");
    assertThat(poll.sid()).contains("ssO51L53Emo8zXiyAAAA");
    assertThat(poll.access().engineIo().isPolling()).isTrue();
    assertThat(poll.access().upstream()).isEqualTo("HIER_DIRECT/203.0.113.7");
    assertThat(poll.access().durationMs()).isEqualTo(12.0);

    assertThat(s.lines.get(2).fact().text()).isEqualTo("TCP_TUNNEL");
    assertThat(s.lines.get(2).access().durationMs()).isEqualTo(60012.0);
    assertThat(s.lines.get(3).access().status()).isEqualTo(407);
  }

  @Test
  void aBrokenLineStaysTextAndTheNextIsRead() {
    CollectingSink s = Parse.text(parser, "squid-access.log",
        "1765108800.123 garbage\n" + "1765108800.999      0 127.0.0.1 TCP_DENIED/403 3950 CONNECT h:443 - HIER_NONE/- text/html\n");
    assertThat(s.lines).extracting(LogLine::event).contains(LogEvent.HTTP_ACCESS);
    assertThat(s.lines.stream().filter(l -> l.event() == LogEvent.HTTP_ACCESS).findFirst().orElseThrow().access().status())
        .isEqualTo(403);
  }

  @Test
  void sniffedAsSquidAndNotAsAnotherFormat() {
    byte[] head = LOG.getBytes(StandardCharsets.UTF_8);
    InputParser first = InputParsers.all().stream().filter(p -> p.sniff(head, head.length)).findFirst().orElseThrow();
    assertThat(first.format()).isEqualTo("squid-access");
    byte[] nginx = "127.0.0.1 - - [07/Dec/2026:12:00:00 +0000] \"GET / HTTP/1.1\" 200 12 \"-\" \"x\"\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(parser.sniff(nginx, nginx.length)).isFalse();
  }
}
