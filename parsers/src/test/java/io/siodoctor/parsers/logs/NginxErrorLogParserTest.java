package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NginxErrorLogParserTest {

  private final NginxErrorLogParser parser = new NginxErrorLogParser();

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // real lines: the nginx-502 capture; NodeBB#5295; sails#3461; socket.io#2939; the idle-timeout capture
        "error|connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: localhost, request: \"GET /socket.io/?EIO=4&transport=polling&t=zdzu2464 HTTP/1.1\", upstream: \"http://127.0.0.1:47037/socket.io/?EIO=4&transport=polling&t=zdzu2464\", host: \"127.0.0.1:47036\", referrer: \"http://127.0.0.1:47036/\"|PROXY_UPSTREAM_UNAVAILABLE|111: Connection refused|",
        "error|no live upstreams while connecting to upstream, client: 10.0.0.1, server: _, request: \"GET /socket.io/?EIO=4&transport=polling&t=x&sid=Q9z39iYh---Ky3BzAAAh HTTP/1.1\", upstream: \"http://backend/socket.io/?EIO=4&transport=polling&t=x&sid=Q9z39iYh---Ky3BzAAAh\", host: \"example.com\"|PROXY_UPSTREAM_UNAVAILABLE||Q9z39iYh---Ky3BzAAAh",
        "error|upstream prematurely closed connection while reading response header from upstream, client: y.y.y.y, server: example.com, request: \"GET /socket.io/?EIO=3&transport=websocket&sid=QnAe1jiKEHgj-zlKAAKu HTTP/1.1\", upstream: \"http://127.0.0.1:3001/socket.io/?EIO=3&transport=websocket&sid=QnAe1jiKEHgj-zlKAAKu\", host: \"example.com\"|PROXY_UPSTREAM_UNAVAILABLE||QnAe1jiKEHgj-zlKAAKu",
        "error|recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 127.0.0.1, server: _, request: \"GET /socket.io/?EIO=4&transport=polling&t=a HTTP/1.1\", upstream: \"http://127.0.0.1:3000/socket.io/?EIO=4&transport=polling&t=a\", host: \"x\"|PROXY_UPSTREAM_UNAVAILABLE|104: Connection reset by peer|",
        "error|upstream timed out (110: Connection timed out) while reading response header from upstream, client: REMOVED, server: retropie.org.uk, request: \"GET /forum/socket.io/?EIO=3&transport=polling&t=Le4r2Ks&sid=Q9z39iYh---Ky3BzAAAh HTTP/1.1\", upstream: \"http://127.0.0.1:4567/forum/socket.io/?EIO=3&transport=polling&t=Le4r2Ks&sid=Q9z39iYh---Ky3BzAAAh\", host: \"retropie.org.uk\"|PROXY_UPSTREAM_TIMEOUT|110: Connection timed out|Q9z39iYh---Ky3BzAAAh",
        "info|upstream timed out (110: Connection timed out) while proxying upgraded connection, client: 127.0.0.1, server: localhost, request: \"GET /socket.io/?EIO=4&transport=websocket&sid=SS_KIl7IojvYscWgAAAA HTTP/1.1\", upstream: \"http://127.0.0.1:47112/socket.io/?EIO=4&transport=websocket&sid=SS_KIl7IojvYscWgAAAA\", host: \"127.0.0.1:47111\"|PROXY_UPGRADED_TIMEOUT|110: Connection timed out|SS_KIl7IojvYscWgAAAA",
        "info|client closed connection while proxying upgraded connection, client: 127.0.0.1, server: localhost, request: \"GET /socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA HTTP/1.1\", upstream: \"http://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA\", host: \"x\"|PROXY_UPGRADED_CLOSED||AAAAAAAAAAAAAAAAAAAA",
        "error|recv() failed (104: Connection reset by peer) while proxying upgraded connection, client: 192.168.250.1, server: , request: \"GET /socket.io/?EIO=4&transport=websocket&sid=C-UMVuI3T1QZRV4gAAAA HTTP/1.1\", upstream: \"http://192.168.250.2:8070/socket.io/?EIO=4&transport=websocket&sid=C-UMVuI3T1QZRV4gAAAA\", host: \"192.168.100.100\"|PROXY_UPGRADED_CLOSED|104: Connection reset by peer|C-UMVuI3T1QZRV4gAAAA",
        "error|client intended to send too large body: 1048577 bytes, client: 127.0.0.1, server: localhost, request: \"POST /socket.io/?EIO=4&transport=polling&t=b&sid=Geljg-gaiT8mGAcsAAAB HTTP/1.1\", host: \"127.0.0.1:8080\"|PAYLOAD_TOO_LARGE|1048577|Geljg-gaiT8mGAcsAAAB",
        "info|client 127.0.0.1 closed keepalive connection|OTHER||",
        // limit_conn (the nginx-limit-conn capture) and limit_req refusing; their dry runs and a
        // request limit_req only delays refuse nothing
        "error|limiting connections by zone \"perserver\", client: 127.0.0.1, server: localhost, request: \"POST /socket.io/?EIO=4&transport=polling&t=7k7dtj5l&sid=9zLvYJY3NBHNpLwoAAAC HTTP/1.1\", host: \"127.0.0.1:44387\", referrer: \"http://127.0.0.1:44387/\"|PROXY_LIMIT_REFUSED|limit_conn zone \"perserver\"|9zLvYJY3NBHNpLwoAAAC",
        "error|limiting requests, excess: 5.010 by zone \"sio\", client: 10.0.0.7, server: example.com, request: \"GET /socket.io/?EIO=4&transport=polling&t=P1 HTTP/1.1\", host: \"example.com\"|PROXY_LIMIT_REFUSED|limit_req zone \"sio\"|",
        "error|limiting requests, dry run, excess: 5.010 by zone \"sio\", client: 10.0.0.7, server: example.com, request: \"GET /socket.io/?EIO=4&transport=polling&t=P1 HTTP/1.1\", host: \"example.com\"|OTHER||",
        "warn|delaying request, excess: 0.500, by zone \"sio\", client: 10.0.0.7, server: example.com, request: \"GET /socket.io/?EIO=4&transport=polling&t=P1 HTTP/1.1\", host: \"example.com\"|OTHER||",
        "error|limiting connections, dry run, by zone \"perserver\", client: 127.0.0.1, server: localhost, request: \"GET /socket.io/?EIO=4&transport=polling&t=P1 HTTP/1.1\", host: \"x\"|OTHER||",
      })
  void recognisesNginxCoreMessages(
      String level, String message, LogEvent event, String detail, String sid) {
    String line = "2016/01/04 20:55:15 [" + level + "] 12106#12106: *402088 " + message + "\n";
    CollectingSink s = Parse.text(parser, "/var/log/nginx/error.log", line);
    LogLine l = s.lines.get(0);
    assertThat(l.event()).isEqualTo(event);
    assertThat(l.fact().text()).isEqualTo(detail);
    assertThat(l.sid().orElse(null)).isEqualTo(sid);
    assertThat(l.level()).isEqualTo(level);
    assertThat(l.message()).isEqualTo("*402088 " + message);
    assertThat(l.node()).isEqualTo("error");
    assertThat(l.time()).isEqualTo(Instant.parse("2016-01-04T20:55:15Z"));
  }

  @Test
  void aLimitsRefusalNamesTheRequestItRefused() {
    String line = "2026/12/08 04:37:33 [error] 30533#30533: *5 limiting connections by zone \"perserver\", client: 127.0.0.1, server: localhost, request: \"POST /socket.io/?EIO=4&transport=polling&t=7k7dtj5l&sid=9zLvYJY3NBHNpLwoAAAC HTTP/1.1\", host: \"127.0.0.1:44387\"\n";
    LogLine l = Parse.text(parser, "error.log", line).lines.get(0);
    assertThat(l.access().method()).isEqualTo("POST");
    assertThat(l.access().url()).isEqualTo("/socket.io/?EIO=4&transport=polling&t=7k7dtj5l&sid=9zLvYJY3NBHNpLwoAAAC");
    assertThat(l.access().clientIp()).isEqualTo("127.0.0.1");
    assertThat(l.access().status()).isEqualTo(-1);
    assertThat(l.access().engineIo().isPolling()).isTrue();
  }

  @Test
  void zonelessTimesAreUtcWithOneWarningPerFile() {
    String text =
        "2026/11/26 03:16:40 [notice] 9064#9064: using the \"epoll\" event method\n"
            + "2026/11/26 03:16:40 [notice] 9064#9064: nginx/1.22.1\n";
    CollectingSink s = Parse.text(parser, "error.log", text);
    assertThat(s.warnings).hasSize(1);
    assertThat(s.warnings.get(0)).contains("UTC");
    assertThat(s.lines.get(1).message()).isEqualTo("nginx/1.22.1");
    CollectingSink again = Parse.text(parser, "other-error.log", text);
    assertThat(again.warnings).hasSize(1);
  }

  @Test
  void aGivenZoneIsUsed() {
    NginxErrorLogParser paris = new NginxErrorLogParser(ZoneId.of("Europe/Paris"));
    CollectingSink s =
        Parse.text(paris, "error.log", "2026/07/01 12:00:00 [error] 1#1: *1 no live upstreams while connecting to upstream\n");
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
    assertThat(s.warnings.get(0)).contains("Europe/Paris");
  }

  @Test
  void realCaptures() {
    CollectingSink s = Parse.resource(parser, "idle-timeout-error.log");
    assertThat(s.events(LogEvent.PROXY_UPGRADED_TIMEOUT)).hasSize(4);
    CollectingSink sticky = Parse.resource(parser, "sticky-error.log");
    assertThat(sticky.first(LogEvent.PROXY_UPGRADED_CLOSED).sid()).contains("C-UMVuI3T1QZRV4gAAAA");
    assertThat(sticky.lines).allSatisfy(l -> assertThat(l.time()).isNotNull());
  }

  @Test
  void unknownLinesAreKept() {
    CollectingSink s =
        Parse.text(parser, "error.log", "2026/11/26 03:16:40 [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)\nstray text\n");
    assertThat(s.lines).hasSize(2);
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.OTHER);
    assertThat(s.lines.get(1).time()).isEqualTo(s.lines.get(0).time());
  }
}
