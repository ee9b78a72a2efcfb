package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsAlbLogParserTest {

  private final AwsAlbLogParser parser = new AwsAlbLogParser();

  /** The WebSocket example of the ALB access-log documentation, with a Socket.IO URL. */
  static final String WS =
      "ws 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 10.0.0.140:40914 10.0.1.192:8010 0.001 0.003 0.000 101 101 218 587 \"GET http://10.0.0.30:80/socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA HTTP/1.1\" \"-\" - - arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 \"Root=1-58337364-23a8c76965a2ef7629b185e3\" \"-\" \"-\" 1 2018-07-02T22:22:00.184000Z \"forward\" \"-\" \"-\" \"10.0.1.192:8010\" \"101\" \"-\" \"-\"";

  static final String HTTP_502 =
      "https 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 - 0.000 -1 -1 502 - 34 366 \"GET https://www.example.com:443/socket.io/?EIO=4&transport=polling&t=OxU HTTP/1.1\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 \"Root=1-58337281-1d84f3d73c47ec4e58577259\" \"www.example.com\" \"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012\" 1 2018-07-02T22:22:58.364000Z \"forward\" \"-\" \"TargetConnectionErrorCode\" \"-\" \"-\" \"-\" \"-\"";

  @Test
  void webSocketLineTimeIsTheCloseAndDurationTheLifetime() {
    LogLine l = Parse.text(parser, "alb.log", WS + "\n").lines.get(0);
    assertThat(l.event()).isEqualTo(LogEvent.HTTP_ACCESS);
    assertThat(l.time()).isEqualTo(Instant.parse("2018-07-02T22:23:00.186641Z"));
    assertThat(l.node()).isEqualTo("app/my-loadbalancer/50dc6c495c0c9188");
    assertThat(l.sid()).contains("AAAAAAAAAAAAAAAAAAAA");
    HttpAccess a = l.access();
    assertThat(a.clientIp()).isEqualTo("10.0.0.140");
    assertThat(a.status()).isEqualTo(101);
    assertThat(a.bytes()).isEqualTo(587);
    assertThat(a.durationMs()).isEqualTo(60002.641);
    assertThat(a.upstream()).isEqualTo("10.0.1.192:8010");
    assertThat(a.userAgent()).isNull();
    assertThat(a.method()).isEqualTo("GET");
    assertThat(a.url()).isEqualTo("http://10.0.0.30:80/socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA");
    assertThat(a.engineIo().isWebSocket()).isTrue();
    assertThat(a.engineIo().path()).isEqualTo("/socket.io/");
  }

  @Test
  void targetUnreachable502KeepsTheErrorReason() {
    LogLine l = Parse.text(parser, "alb.log", HTTP_502 + "\n").lines.get(0);
    assertThat(l.access().status()).isEqualTo(502);
    assertThat(l.access().upstream()).isNull();
    assertThat(l.access().userAgent()).isEqualTo("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
    assertThat(l.access().durationMs()).isEqualTo(1822.641);
    assertThat(l.fact().text()).isEqualTo("TargetConnectionErrorCode");
  }

  @Test
  void shortLinesFallBackToProcessingTimesAndJunkIsKept() {
    String shortLine =
        "http 2018-07-02T22:23:00.186641Z app/lb/1 10.0.0.1:1 10.0.0.2:80 0.001 0.250 0.001 200 200 34 366 \"GET http://x:80/socket.io/?EIO=4&transport=polling HTTP/1.1\" \"curl\"";
    CollectingSink s = Parse.text(parser, "alb.log", shortLine + "\ngarbage\n");
    assertThat(s.lines.get(0).access().durationMs()).isEqualTo(252.0);
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.OTHER);
  }
}
