package io.siodoctor.parsers.logs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.InputParsers;
import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Apache httpd, Caddy, Traefik, Envoy and Heroku router lines become the same records as nginx's.
 * Apache and Caddy lines are copied from the recordings in sample-captures; Traefik, Envoy and
 * Heroku ones are fixtures built from each product's documented default format (links in the
 * parsers' javadoc), since those products do not run here.
 */
class ProxyLogParsersTest {
  static final String APACHE_ACCESS =
      "127.0.0.1 - - [07/Dec/2026:14:30:23 +0000] \"GET /socket.io/?EIO=4&transport=polling&t=daqod82b HTTP/1.1\" 200 118 \"http://127.0.0.1:41835/\" \"Mozilla/5.0\" 1850\n"
          + "127.0.0.1 - - [07/Dec/2026:14:30:23 +0000] \"GET /socket.io/?EIO=4&transport=websocket&sid=6EZ9xtIVaBV3vedTAAAA HTTP/1.1\" 400 34 \"-\" \"Mozilla/5.0\" 2210\n"
          + "127.0.0.1 - - [07/Dec/2026:14:29:43 +0000] \"GET /socket.io/?EIO=4&transport=websocket&sid=zMO2_MN4TnHBNH-9AAAA HTTP/1.1\" 101 - \"-\" \"Mozilla/5.0\" 7912345\n"
          + "127.0.0.1 - - [07/Dec/2026:14:29:43 +0000] \"GET / HTTP/1.1\" 200 953 \"-\" \"Mozilla/5.0\" 3\n";
  static final String APACHE_ERROR =
      "[Mon Dec 07 14:29:40.191170 2026] [mpm_event:notice] [pid 9901:tid 9901] AH00489: Apache/2.4.71 (Debian) configured -- resuming normal operations\n"
          + "[Mon Dec 07 14:31:02.123456 2026] [proxy_http:error] [pid 4242:tid 4250] (104)Connection reset by peer: [client 127.0.0.1:50412] AH01102: error reading status line from remote server 127.0.0.1:3000\n"
          + "[Mon Dec 07 14:31:02.123500 2026] [proxy:error] [pid 4242:tid 4250] [client 127.0.0.1:50412] AH00898: Error reading from remote server returned by /socket.io/\n"
          + "[Mon Dec 07 14:31:05.000000 2026] [proxy:error] [pid 4242:tid 4251] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:3000 (127.0.0.1:3000) failed\n"
          + "[Mon Dec 07 14:32:05.000000 2026] [proxy_http:error] [pid 4242:tid 4252] (70007)The timeout specified has expired: [client 127.0.0.1:50420] AH01102: error reading status line from remote server 127.0.0.1:3000, referer: http://127.0.0.1:8080/\n"
          + "[Mon Dec 07 14:33:00.000000 2026] [proxy_wstunnel:notice] [pid 4242:tid 4253] [client 127.0.0.1:50422] AH02447: err/hup on backconn\n";
  static final String CADDY =
      "{\"level\":\"info\",\"ts\":1796653814.2992032,\"logger\":\"http.log.access.log0\",\"msg\":\"handled request\",\"request\":{\"remote_ip\":\"127.0.0.1\",\"remote_port\":\"51534\",\"proto\":\"HTTP/1.1\",\"method\":\"GET\",\"host\":\"127.0.0.1:38777\",\"uri\":\"/socket.io/?EIO=4&transport=websocket&sid=fE7tKkJQcannpACwAAAA\",\"headers\":{\"User-Agent\":[\"Mozilla/5.0\"],\"Cookie\":[\"session=secret\"]}},\"user_id\":\"\",\"duration\":7.949732413,\"size\":0,\"status\":0,\"resp_headers\":{\"Server\":[\"Caddy\"],\"Upgrade\":[\"websocket\"],\"Connection\":[\"Upgrade\"]}}\n"
          + "{\"level\":\"error\",\"ts\":1796653820.5,\"logger\":\"http.log.error.log0\",\"msg\":\"dial tcp 127.0.0.1:3000: connect: connection refused\",\"request\":{\"remote_ip\":\"127.0.0.1\",\"method\":\"GET\",\"uri\":\"/socket.io/?EIO=4&transport=polling&t=x1\"},\"duration\":0.001,\"status\":502,\"err_id\":\"abc\",\"err_trace\":\"reverseproxy.statusError (reverseproxy.go:1299)\"}\n";
  static final String TRAEFIK =
      "192.168.1.10 - - [07/Dec/2026:14:30:23 +0000] \"GET /socket.io/?EIO=4&transport=polling&t=abc HTTP/1.1\" 200 118 \"-\" \"Mozilla/5.0\" 42 \"chat@docker\" \"http://172.18.0.3:3000\" 3ms\n"
          + "192.168.1.10 - - [07/Dec/2026:14:30:23 +0000] \"GET /socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA HTTP/1.1\" 101 0 \"-\" \"Mozilla/5.0\" 43 \"chat@docker\" \"http://172.18.0.3:3000\" 60012ms\n";
  static final String ENVOY =
      "[2026-12-07T14:30:23.310Z] \"GET /socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA HTTP/1.1\" 101 SI 0 1234 300012 - \"203.0.113.5\" \"Mozilla/5.0\" \"cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2\" \"chat.example.com\" \"10.0.2.1:3000\"\n"
          + "[2026-12-07T14:30:24.000Z] \"GET /socket.io/?EIO=4&transport=polling&t=x HTTP/1.1\" 503 UF 0 91 2 - \"203.0.113.5\" \"Mozilla/5.0\" \"dd21d9b0-cf5c-432b-8c7e-98aeb7988cd2\" \"chat.example.com\" \"10.0.2.1:3000\"\n"
          + "[2026-12-07T14:30:25.000Z] \"GET /socket.io/?EIO=4&transport=polling&t=y HTTP/1.1\" 200 - 0 118 3 2 \"203.0.113.5\" \"Mozilla/5.0\" \"ee21d9b0-cf5c-432b-8c7e-98aeb7988cd2\" \"chat.example.com\" \"10.0.2.1:3000\"\n";
  static final String HEROKU =
      "2026-12-07T14:30:53.123456+00:00 heroku[router]: at=error code=H12 desc=\"Request timeout\" method=GET path=\"/socket.io/?EIO=4&transport=polling&t=Nx1&sid=Lbo5JLzTotvW3g2LAAAA\" host=chat.herokuapp.com request_id=5f1e2d3c-0000-4000-8000-000000000001 fwd=\"203.0.113.5\" dyno=web.1 connect=0ms service=30001ms status=503 bytes=0 protocol=https\n"
          + "2026-12-07T14:31:50.000000+00:00 heroku[router]: at=error code=H15 desc=\"Idle connection\" method=GET path=\"/socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA\" host=chat.herokuapp.com request_id=5f1e2d3c-0000-4000-8000-000000000002 fwd=\"203.0.113.5\" dyno=web.2 connect=1ms service=55000ms status=503 bytes= protocol=https\n"
          + "2026-12-07T14:32:00.000000+00:00 heroku[router]: at=info method=GET path=\"/socket.io/?EIO=4&transport=polling&t=Nx2\" host=chat.herokuapp.com request_id=5f1e2d3c-0000-4000-8000-000000000003 fwd=\"203.0.113.5\" dyno=web.1 connect=0ms service=4ms status=200 bytes=367 protocol=https\n"
          + "2026-12-07T14:32:00.100000+00:00 app[web.2]: Invalid session Lbo5JLzTotvW3g2LAAAA\n"
          + "2026-12-07T14:32:01.000000+00:00 heroku[router]: at=error code=H13 desc=\"Connection closed without response\" method=POST path=\"/socket.io/?EIO=4&transport=polling&t=Nx3&sid=Lbo5JLzTotvW3g2LAAAA\" host=chat.herokuapp.com request_id=x fwd=\"203.0.113.5\" dyno=web.1 connect=0ms service=10ms status=503 bytes=0 protocol=https\n";

  @Test
  void apacheAccessTimeIsTheEndAndPercentDIsMicroseconds() {
    CollectingSink s = Parse.text(new ApacheAccessLogParser(), "access.log", APACHE_ACCESS);
    assertThat(s.lines).extracting(LogLine::event).containsOnly(LogEvent.HTTP_ACCESS);
    LogLine refused = s.lines.get(1);
    assertThat(refused.access().status()).isEqualTo(400);
    assertThat(refused.sid()).contains("6EZ9xtIVaBV3vedTAAAA");
    assertThat(refused.access().durationMs()).isEqualTo(2.21);
    LogLine ws = s.lines.get(2);
    assertThat(ws.access().status()).isEqualTo(101);
    assertThat(ws.access().durationMs()).isEqualTo(7912.345);
    // %t 14:29:43 is the start; the record's time is the end, as nginx's
    assertThat(ws.time()).isEqualTo(Instant.parse("2026-12-07T14:29:50.912345Z"));
    // %T, whole seconds, when the integer is below 100
    assertThat(s.lines.get(3).access().durationMs()).isEqualTo(3000.0);
  }

  @Test
  void apacheErrorProxyMessages() {
    CollectingSink s = Parse.text(new ApacheErrorLogParser(), "error.log", APACHE_ERROR);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.OTHER, LogEvent.PROXY_UPSTREAM_UNAVAILABLE, LogEvent.PROXY_UPSTREAM_UNAVAILABLE,
        LogEvent.PROXY_UPSTREAM_UNAVAILABLE, LogEvent.PROXY_UPSTREAM_TIMEOUT, LogEvent.PROXY_UPGRADED_CLOSED);
    LogLine reset = s.lines.get(1);
    assertThat(reset.time()).isEqualTo(Instant.parse("2026-12-07T14:31:02.123456Z"));
    assertThat(reset.source()).isEqualTo("proxy_http");
    assertThat(reset.level()).isEqualTo("error");
    assertThat(reset.fact().text()).isEqualTo("104: Connection reset by peer");
    assertThat(reset.message()).startsWith("AH01102: error reading status line");
    assertThat(s.lines.get(4).fact().text()).isEqualTo("70007: The timeout specified has expired");
  }

  /**
   * httpd 2.4.71 with {@code LogLevel proxy:trace2}, a tunnelled WebSocket cut by {@code Timeout 5}
   * and then one closed by the browser (lines copied from a recording of
   * proxy-idle-timeout--apache-timeout's set-up at that level); the source file before the message
   * is written on debug and trace lines only.
   */
  static final String APACHE_TRACE =
      "[Tue Dec 08 01:49:17.234033 2026] [proxy:trace1] [pid 25819:tid 25870] proxy_util.c(5657): [client 127.0.0.1:57804] AH10212: proxy: websocket: tunnel running (timeout 5.000000)\n"
          + "[Tue Dec 08 01:49:22.256568 2026] [proxy:trace2] [pid 25819:tid 25870] proxy_util.c(5678): [client 127.0.0.1:57804] AH10213: proxy: websocket: polling timed out (client=31, origin=31)\n"
          + "[Tue Dec 08 01:49:22.256597 2026] [proxy:trace1] [pid 25819:tid 25870] proxy_util.c(5805): [client 127.0.0.1:57804] AH10223: proxy: websocket: tunneling returns (504)\n"
          + "[Tue Dec 08 01:49:25.248692 2026] [proxy:trace2] [pid 25819:tid 25881] proxy_util.c(5369): (70014)End of file found: [client 127.0.0.1:57824] ap_proxy_transfer_between_connections complete (from 127.0.0.1:33661)\n"
          + "[Tue Dec 08 01:49:25.248703 2026] [proxy:trace1] [pid 25819:tid 25881] proxy_util.c(5805): [client 127.0.0.1:57824] AH10223: proxy: websocket: tunneling returns (0)\n";

  @Test
  void apacheTunnelTimeoutIsTheTunnelReturning504OnceAndTheSourceFileIsNotTheMessage() {
    CollectingSink s = Parse.text(new ApacheErrorLogParser(), "error.log", APACHE_TRACE);
    // one line per cut: AH10213 (trace2) always comes with AH10223 (trace1); a tunnel the browser
    // closed returns 0
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.OTHER, LogEvent.OTHER, LogEvent.PROXY_UPGRADED_TIMEOUT, LogEvent.OTHER, LogEvent.OTHER);
    LogLine cut = s.lines.get(2);
    assertThat(cut.message()).isEqualTo("AH10223: proxy: websocket: tunneling returns (504)");
    assertThat(cut.time()).isEqualTo(Instant.parse("2026-12-08T01:49:22.256597Z"));
    assertThat(s.lines.get(3).message()).isEqualTo("ap_proxy_transfer_between_connections complete (from 127.0.0.1:33661)");
    // trunk's mod_proxy_wstunnel (ProxyWebsocketIdleTimeout) says it at error level
    CollectingSink wstunnel = Parse.text(new ApacheErrorLogParser(), "error.log",
        "[Tue Dec 08 01:49:22.256597 2026] [proxy_wstunnel:error] [pid 1:tid 2] [client 127.0.0.1:57804] AH10225: Tunnel timed out\n");
    assertThat(wstunnel.lines.get(0).event()).isEqualTo(LogEvent.PROXY_UPGRADED_TIMEOUT);
  }

  @Test
  void caddyWebSocketWithStatusZeroIsA101AndTheMessageHoldsNoHeaders() {
    CollectingSink s = Parse.text(new CaddyAccessLogParser(), "access.log", CADDY);
    LogLine ws = s.lines.get(0);
    assertThat(ws.event()).isEqualTo(LogEvent.HTTP_ACCESS);
    assertThat(ws.access().status()).isEqualTo(101);
    assertThat(ws.access().durationMs()).isCloseTo(7949.732413, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(ws.sid()).contains("fE7tKkJQcannpACwAAAA");
    assertThat(ws.access().userAgent()).isEqualTo("Mozilla/5.0");
    assertThat(ws.time()).isEqualTo(Instant.parse("2026-12-07T14:30:14.299203Z"));
    assertThat(ws.message()).doesNotContain("secret");
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.PROXY_UPSTREAM_UNAVAILABLE);
  }

  @Test
  void caddyErrorLinesAreReadByTheirStatusWhenTheGoErrorIsWordedOtherwise() {
    // Caddy 2.6's reverse_proxy error line (as server-unreachable--caddy-502-backend-down recorded
    // it, headers trimmed), then the same line for a unix-socket upstream and for an upstream that
    // did not answer in time, worded as Go words them
    String line = "{\"level\":\"error\",\"ts\":1796698256.7313676,\"logger\":\"http.log.error.log0\",\"msg\":\"%s\","
        + "\"request\":{\"remote_ip\":\"127.0.0.1\",\"remote_port\":\"37620\",\"proto\":\"HTTP/1.1\",\"method\":\"GET\","
        + "\"host\":\"127.0.0.1:44607\",\"uri\":\"/socket.io/?EIO=4&transport=polling&t=3r3h0kzv\"},"
        + "\"duration\":0.000292043,\"status\":%d,\"err_id\":\"ytb7ppiqv\",\"err_trace\":\"reverseproxy.statusError (reverseproxy.go:1272)\"}\n";
    CollectingSink s = Parse.text(new CaddyAccessLogParser(), "caddy.log",
        String.format(line, "dial tcp 127.0.0.1:44337: connect: connection refused", 502)
            + String.format(line, "dial unix /run/app/socket.sock: connect: no such file or directory", 502)
            + String.format(line, "EOF", 502)
            + String.format(line, "net/http: request canceled", 504)
            + String.format(line, "open /srv/missing.html: no such file", 404));
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.PROXY_UPSTREAM_UNAVAILABLE, LogEvent.PROXY_UPSTREAM_UNAVAILABLE, LogEvent.PROXY_UPSTREAM_UNAVAILABLE,
        LogEvent.PROXY_UPSTREAM_TIMEOUT, LogEvent.OTHER);
    assertThat(s.lines.get(0).sid()).isEmpty();
  }

  @Test
  void traefikClfDurationUpstreamAndEndTime() {
    CollectingSink s = Parse.text(new TraefikAccessLogParser(), "traefik-fixture.log", TRAEFIK);
    LogLine ws = s.lines.get(1);
    assertThat(ws.access().status()).isEqualTo(101);
    assertThat(ws.access().durationMs()).isEqualTo(60012.0);
    assertThat(ws.access().upstream()).isEqualTo("172.18.0.3:3000");
    assertThat(ws.time()).isEqualTo(Instant.parse("2026-12-07T14:31:23.012Z"));
  }

  @Test
  void envoyResponseFlagsBecomeProxyEvents() {
    CollectingSink s = Parse.text(new EnvoyAccessLogParser(), "envoy-fixture.log", ENVOY);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.PROXY_UPGRADED_TIMEOUT, LogEvent.PROXY_UPSTREAM_UNAVAILABLE, LogEvent.HTTP_ACCESS);
    LogLine ws = s.lines.get(0);
    assertThat(ws.access().durationMs()).isEqualTo(300012.0);
    assertThat(ws.time()).isEqualTo(Instant.parse("2026-12-07T14:35:23.322Z"));
    assertThat(ws.access().upstream()).isEqualTo("10.0.2.1:3000");
    assertThat(ws.fact().text()).isEqualTo("SI");
    assertThat(s.lines.get(1).access().status()).isEqualTo(503);
    assertThat(s.lines.get(2).access().bytes()).isEqualTo(118);
  }

  @Test
  void herokuRouterCodesAndTheAppsPythonLines() {
    CollectingSink s = Parse.text(new HerokuRouterLogParser(), "heroku-fixture.log", HEROKU);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.PROXY_UPSTREAM_TIMEOUT, LogEvent.PROXY_UPGRADED_TIMEOUT, LogEvent.HTTP_ACCESS,
        LogEvent.UNKNOWN_SID, LogEvent.PROXY_UPSTREAM_UNAVAILABLE);
    LogLine h12 = s.lines.get(0);
    assertThat(h12.access().status()).isEqualTo(503);
    assertThat(h12.access().durationMs()).isEqualTo(30001.0);
    assertThat(h12.fact().text()).isEqualTo("H12 Request timeout");
    assertThat(h12.node()).isEqualTo("web.1");
    assertThat(h12.sid()).contains("Lbo5JLzTotvW3g2LAAAA");
    assertThat(s.lines.get(1).node()).isEqualTo("web.2");
    assertThat(s.lines.get(2).access().status()).isEqualTo(200);
    assertThat(s.lines.get(3).node()).isEqualTo("web.2");
    assertThat(s.lines.get(3).sid()).contains("Lbo5JLzTotvW3g2LAAAA");
  }

  /**
   * sample-captures/platform-no-websocket--heroku-dynos-no-affinity-standin/README.md quotes the
   * router's format in a table row: a document, no router log; the router's lines after a heading
   * stay one when they are most of it.
   */
  @Test
  void aReadmeQuotingARouterLineIsNoHerokuLog() {
    String readme = "# platform-no-websocket--heroku-dynos-no-affinity-standin\n\n"
        + "Heroku is not reachable here: a stand-in built from the documentation.\n\n"
        + "| file | documented by |\n|---|---|\n"
        + "| `router.log`: one router line per request, " + HEROKU.lines().findFirst().orElseThrow()
        + " | https://devcenter.heroku.com/articles/http-routing#heroku-router-log-format |\n";
    assertThat(detected(readme)).isNull();
    assertThat(detected("# router log\n```\n" + HEROKU + "```\n")).isEqualTo("heroku-router");
    byte[] head = readme.getBytes(UTF_8);
    assertThat(new HerokuRouterLogParser().match(head, head.length)).isEqualTo(MatchStrength.NO_MATCH);
    assertThat(detected("web: starting\nprinted by the app\n" + HEROKU)).isEqualTo("heroku-router");
  }

  @Test
  void eachFormatIsChosenByTheRegisteredOrderAndStealsNoOther() {
    assertThat(chosen(APACHE_ACCESS)).isEqualTo("apache-access");
    assertThat(chosen(APACHE_ERROR)).isEqualTo("apache-error");
    assertThat(chosen(CADDY)).isEqualTo("caddy-access");
    assertThat(chosen(TRAEFIK)).isEqualTo("traefik-access");
    assertThat(chosen(ENVOY)).isEqualTo("envoy-access");
    assertThat(chosen(HEROKU)).isEqualTo("heroku-router");
    // nginx's combined + $upstream_addr $request_time stays nginx's
    assertThat(chosen("127.0.0.1 - - [26/Nov/2026:03:15:38 +0000] \"GET / HTTP/1.1\" 200 706 \"-\" \"Mozilla/5.0\" 127.0.0.1:47022 0.005\n"))
        .isEqualTo("nginx-access");
    // a pino line is not Caddy's
    assertThat(chosen("{\"level\":30,\"time\":1764126000123,\"msg\":\"server listening\"}\n")).isEqualTo("json");
  }

  private static String detected(String text) {
    byte[] b = text.getBytes(UTF_8);
    return new InputReader().detect(b, b.length);
  }

  private static String chosen(String text) {
    return InputParsers.all().stream().filter(p -> Parse.sniff(p, text)).map(InputParser::format)
        .findFirst().orElse(null);
  }
}
