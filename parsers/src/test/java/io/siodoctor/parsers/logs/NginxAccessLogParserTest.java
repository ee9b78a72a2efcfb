package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NginxAccessLogParserTest {

  private final NginxAccessLogParser parser = new NginxAccessLogParser();

  private static final String UA =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36";

  @Test
  void combinedWithUpstreamAndRequestTime() {
    // a real line of the sticky-session capture (log_format: combined $upstream_addr $request_time)
    String line =
        "127.0.0.1 - - [26/Nov/2026:03:15:38 +0000] \"POST /socket.io/?EIO=4&transport=polling&t=zcmtl27n&sid=kOkWLo_BFvKxF_mQAAAA HTTP/1.1\" 400 52 \"http://127.0.0.1:47021/\" \""
            + UA + "\" 127.0.0.1:47023 0.002\n";
    LogLine l = Parse.text(parser, "access.log", line).lines.get(0);
    assertThat(l.event()).isEqualTo(LogEvent.HTTP_ACCESS);
    assertThat(l.time()).isEqualTo(Instant.parse("2026-11-26T03:15:38Z"));
    assertThat(l.sid()).contains("kOkWLo_BFvKxF_mQAAAA");
    assertThat(l.message()).isEqualTo(line.trim());
    HttpAccess a = l.access();
    assertThat(a.clientIp()).isEqualTo("127.0.0.1");
    assertThat(a.method()).isEqualTo("POST");
    assertThat(a.url()).isEqualTo("/socket.io/?EIO=4&transport=polling&t=zcmtl27n&sid=kOkWLo_BFvKxF_mQAAAA");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.bytes()).isEqualTo(52);
    assertThat(a.durationMs()).isEqualTo(2.0);
    assertThat(a.upstream()).isEqualTo("127.0.0.1:47023");
    assertThat(a.userAgent()).isEqualTo(UA);
    assertThat(a.terminationState()).isNull();
    assertThat(a.engineIo().eio()).isEqualTo("4");
    assertThat(a.engineIo().transport()).isEqualTo("polling");
    assertThat(a.engineIo().sid()).isEqualTo("kOkWLo_BFvKxF_mQAAAA");
  }

  @Test
  void websocket101RequestTimeIsTheLifetime() {
    String line =
        "127.0.0.1 - - [26/Nov/2026:03:20:50 +0000] \"GET /socket.io/?EIO=4&transport=websocket&sid=SS_KIl7IojvYscWgAAAA HTTP/1.1\" 101 8 \"-\" \""
            + UA + "\" 127.0.0.1:47112 60.004\n";
    LogLine l = Parse.text(parser, "access.log", line).lines.get(0);
    assertThat(l.access().status()).isEqualTo(101);
    assertThat(l.access().durationMs()).isEqualTo(60004.0);
    assertThat(l.access().engineIo().isWebSocket()).isTrue();
    assertThat(l.access().userAgent()).isEqualTo(UA);
  }

  @Test
  void extrasInAnyOrderAndAsKeyValuePairs() {
    String a =
        "10.0.0.1 - alice [26/Nov/2026:04:00:00 +0100] \"GET /socket.io/?EIO=3&transport=polling&t=Le4r2Ks HTTP/1.1\" 200 101 \"-\" \"curl/8.0\" rt=0.123 uct=\"0.000\" uht=\"0.001\" urt=\"0.120\" ua=\"10.1.1.1:3000\"\n";
    String b =
        "10.0.0.1 - - [26/Nov/2026:04:00:00 +0000] \"GET /socket.io/?EIO=4&transport=polling HTTP/1.1\" 502 157 \"-\" \"curl/8.0\" 127.0.0.1:3000, 127.0.0.1:3001 0.007 0.001, 0.004\n";
    String c =
        "10.0.0.1 - - [26/Nov/2026:04:00:00 +0000] \"GET /socket.io/?EIO=4&transport=polling HTTP/1.1\" 200 101 \"-\" \"curl/8.0\" 1.500 unix:/run/app.sock\n";
    // ingress-nginx default format
    String d =
        "192.168.1.2 - - [26/Nov/2026:04:00:00 +0000] \"GET /socket.io/?EIO=4&transport=polling&t=OxU HTTP/1.1\" 400 34 \"https://app.example/\" \"curl/8.0\" 612 0.004 [default-app-3000] [] 10.244.0.12:3000 34 0.004 400 5b3c0b1d6f8e2a9c\n";
    CollectingSink s = Parse.text(parser, "access.log", a + b + c + d);
    HttpAccess pa = s.lines.get(0).access();
    assertThat(pa.durationMs()).isEqualTo(123.0);
    assertThat(pa.upstream()).isEqualTo("10.1.1.1:3000");
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-11-26T03:00:00Z"));
    HttpAccess pb = s.lines.get(1).access();
    assertThat(pb.upstream()).isEqualTo("127.0.0.1:3001");
    assertThat(pb.durationMs()).isEqualTo(7.0);
    assertThat(pb.status()).isEqualTo(502);
    HttpAccess pc = s.lines.get(2).access();
    assertThat(pc.durationMs()).isEqualTo(1500.0);
    assertThat(pc.upstream()).isEqualTo("unix:/run/app.sock");
    HttpAccess pd = s.lines.get(3).access();
    assertThat(pd.durationMs()).isEqualTo(4.0);
    assertThat(pd.upstream()).isEqualTo("10.244.0.12:3000");
    assertThat(pd.engineIo().eio()).isEqualTo("4");
  }

  @Test
  void plainCommonLogFormatAnd413() {
    String line =
        "127.0.0.1 - - [26/Nov/2026:03:19:57 +0000] \"POST /socket.io/?EIO=4&transport=polling&t=zi0&sid=Geljg-gaiT8mGAcsAAAB HTTP/1.1\" 413 183\n";
    LogLine l = Parse.text(parser, "access.log", line).lines.get(0);
    assertThat(l.event()).isEqualTo(LogEvent.HTTP_ACCESS); // 413 stays a fact in the status
    assertThat(l.access().status()).isEqualTo(413);
    assertThat(l.access().durationMs()).isEqualTo(-1.0);
    assertThat(l.access().upstream()).isNull();
    assertThat(l.access().userAgent()).isNull();
    assertThat(l.sid()).contains("Geljg-gaiT8mGAcsAAAB");
  }

  @Test
  void nonEngineIoAndOddRequestLines() {
    String text =
        "127.0.0.1 - - [26/Nov/2026:03:15:38 +0000] \"GET / HTTP/1.1\" 200 706 \"-\" \"curl\" 127.0.0.1:47022 0.005\n"
            + "127.0.0.1 - - [26/Nov/2026:03:15:38 +0000] \"-\" 400 0 \"-\" \"-\"\n"
            + "127.0.0.1 - - [26/Nov/2026:03:15:38 +0000] \"\\x16\\x03\\x01\\x00\" 400 157 \"-\" \"-\"\n"
            + "this is not an access line\n";
    CollectingSink s = Parse.text(parser, "access.log", text);
    assertThat(s.lines).hasSize(4);
    assertThat(s.lines.get(0).access().engineIo()).isNull();
    assertThat(s.lines.get(0).access().url()).isEqualTo("/");
    assertThat(s.lines.get(1).access().status()).isEqualTo(400);
    assertThat(s.lines.get(1).access().method()).isNull();
    assertThat(s.lines.get(2).access().status()).isEqualTo(400);
    assertThat(s.lines.get(3).event()).isEqualTo(LogEvent.OTHER);
    assertThat(s.lines.get(3).time()).isEqualTo(Instant.parse("2026-11-26T03:15:38Z"));
  }

  @Test
  void realCaptures() {
    CollectingSink s = Parse.resource(parser, "sticky-access.log");
    assertThat(s.lines).allSatisfy(l -> assertThat(l.event()).isEqualTo(LogEvent.HTTP_ACCESS));
    assertThat(s.lines).allSatisfy(l -> assertThat(l.access().durationMs()).isGreaterThanOrEqualTo(0));
    assertThat(s.lines).anySatisfy(l -> assertThat(l.access().status()).isEqualTo(499));
    CollectingSink idle = Parse.resource(parser, "idle-timeout-access.log");
    assertThat(idle.lines)
        .filteredOn(l -> l.access().status() == 101)
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.access().engineIo().isWebSocket()).isTrue());
  }
}
