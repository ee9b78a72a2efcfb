package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyIdleTimeoutRuleTest {
  private final RuleTester tester = RuleTester.of(new ProxyIdleTimeoutRule());

  private static HarFixture page() {
    return har().entry(document(HealthySessions.ORIGIN + "/"));
  }

  @Test
  void nginxLogsTheIdleUpgradedConnection() {
    Finding f = tester
        .addLog("error.log", """
            // EXPECT: proxy-idle-timeout
            2026/11/25 10:01:00 [error] 29#29: *7 upstream timed out (110: Connection timed out) while proxying upgraded connection, client: 172.18.0.1, server: _, request: "GET /socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA HTTP/1.1", upstream: "http://172.18.0.3:3000/socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA", host: "localhost:8080"
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.85);
    assertThat(f.fix()).contains("proxy_read_timeout");
  }

  @Test
  void disconnectsEverySixtySecondsMatchTheNginxDefault() {
    Finding f = tester
        .addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, true, 60.3, 59.8, 60.1, 59.9))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("nginx proxy_read_timeout").contains("pingInterval is 25.0 s");
  }

  @Test
  void browserPeriodAndNginxLogTogetherAreMostCertain() {
    // nginx logs each cut; its line for the last session is the one the capture ended on
    Finding f = tester
        .addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, true, 60.0, 60.0, 60.0))
        .addLog("error.log", """
            // EXPECT: proxy-idle-timeout
            2026/11/25 10:04:20 [error] 29#29: *7 upstream timed out (110: Connection timed out) while proxying upgraded connection, client: 172.18.0.1, server: _, request: "GET /socket.io/?EIO=4&transport=websocket&sid=drop03Sess0n5xYzAAA HTTP/1.1", host: "localhost:8080"
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThan(0.9);
  }

  @Test
  void nginxLineOfADroppedSessionStandsBesideTheBrowsersView() {
    // nginx's line for the first cut names the session the browser saw drop: both are cited, once
    HarFixture har = page();
    HealthySessions.v4("drop00Sess0n5xYzAAA").pings(2).expectDrop().appendTo(har);
    har.at(har.clock().plusSeconds(10));
    HealthySessions.reconnecting(har, sid -> HealthySessions.v4(sid.replace("drop", "next")), true, 60.0, 60.0, 60.0);
    Finding f = tester
        .addHar("fixture.har", har)
        .addLog("error.log", """
            // EXPECT: proxy-idle-timeout
            2026/11/25 10:01:00 [error] 29#29: *7 upstream timed out (110: Connection timed out) while proxying upgraded connection, client: 172.18.0.1, server: _, request: "GET /socket.io/?EIO=4&transport=websocket&sid=drop00Sess0n5xYzAAA HTTP/1.1", host: "localhost:8080"
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThan(0.9);
    assertThat(f.sessionIds()).contains("drop00Sess0n5xYzAAA");
  }

  @Test
  void periodShorterThanPingIntervalPointsAtAnIdleTimer() {
    // no known default matches 20 s, but nothing that idles 20 s can survive a 25 s heartbeat
    Finding f = tester
        .addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, true, 20.1, 19.9, 20.0, 20.2))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("period 20");
  }

  @Test
  void silentWhenThePeriodIsTheHeartbeatWindow() {
    // every 30 s = pingInterval 25 s + pingTimeout 5 s of a v2 server: the heartbeat, not a proxy
    tester
        .addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v3, false, 30.2, 29.9, 30.1, 30.0))
        .doTest();
  }

  @Test
  void silentOnIrregularDrops() {
    tester
        .addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, false, 12.0, 95.0, 41.0, 230.0))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  @Test
  void envoyStreamIdleTimeoutAndHerokuIdleConnectionAreTheSameFact() {
    // fixtures in the documented default formats of Envoy and the Heroku router (not run here)
    Finding f = tester
        .addLog("envoy-fixture.log", """
            // EXPECT: proxy-idle-timeout
            [2026-12-07T14:30:23.310Z] "GET /socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA HTTP/1.1" 101 SI 0 1234 300012 - "203.0.113.5" "Mozilla/5.0" "cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2" "chat.example.com" "10.0.2.1:3000"
            """)
        .addLog("heroku-fixture.log", """
            // EXPECT: proxy-idle-timeout
            2026-12-07T14:31:50.000000+00:00 heroku[router]: at=error code=H15 desc="Idle connection" method=GET path="/socket.io/?EIO=4&transport=websocket&sid=Zbo5JLzTotvW3g2LAAAA" host=chat.herokuapp.com request_id=r2 fwd="203.0.113.5" dyno=web.2 connect=1ms service=55000ms status=503 bytes= protocol=https
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.85);
  }

  /** HAProxy 2.6's lines for the tunnels of sample-captures/proxy-idle-timeout--haproxy-tunnel-timeout. */
  private static final String HAPROXY_TUNNEL_TIMEOUTS = """
      127.0.0.1:47542 [07/Dec/2026:23:20:31.405] fe_sio be_sio/app 0/0/0/259/259 200 279 - - ---- 2/2/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=w8hped34 HTTP/1.1"
      // EXPECT: proxy-idle-timeout
      127.0.0.1:60586 [07/Dec/2026:23:20:31.678] fe_sio be_sio/app 0/0/0/89/5224 101 140 - - cD-- 3/3/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=47LSrH5xwdvN3RXvAAAA HTTP/1.1"
      // EXPECT: proxy-idle-timeout
      127.0.0.1:60598 [07/Dec/2026:23:20:38.015] fe_sio be_sio/app 0/0/0/28/5182 101 140 - - cD-- 3/3/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=24A_iKFH_iyV1fhWAAAB HTTP/1.1"
      // EXPECT: proxy-idle-timeout
      127.0.0.1:57482 [07/Dec/2026:23:20:44.698] fe_sio be_sio/app 0/0/0/3/5122 101 140 - - cD-- 3/3/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=_EJcjSilRgD3--c1AAAC HTTP/1.1"
      // EXPECT: proxy-idle-timeout
      127.0.0.1:57486 [07/Dec/2026:23:20:51.028] fe_sio be_sio/app 0/0/0/32/5146 101 140 - - cD-- 3/3/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=m0h2ThqaE-_37i0zAAAD HTTP/1.1"
      127.0.0.1:57880 [07/Dec/2026:23:20:57.583] fe_sio be_sio/app 0/0/0/9/924 101 144 - - ---- 1/1/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=-eRNcugkQs0mRYyGAAAE HTTP/1.1"
      """;

  @Test
  void haproxyTunnelTimeoutsAloneShowTheTimer() {
    // cD--: a client-side timeout in the data phase, which on an upgraded connection is `timeout
    // tunnel`; the last tunnel ended normally (----) when the page closed and is no cut
    Finding f = tester.addLog("haproxy.log", HAPROXY_TUNNEL_TIMEOUTS).doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.85);
    assertThat(f.detail()).startsWith("period 5.2 s");
    assertThat(f.fix()).contains("(5 s here)");
    assertThat(f.evidence().get(0).note()).contains("5.224 s").contains("cD--");
  }

  @Test
  void haproxyServerSideTimeoutsGiveThePeriodBesideTheBrowsersReconnects() {
    // no `timeout tunnel`: `timeout server 5s` cuts the tunnels (sD--); the browser reconnects every
    // 6.5 s (its reconnection delay on top), but the proxy's lines show its timer itself
    Finding f = tester
        .addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, true, 6.4, 6.6, 6.5, 6.5))
        .addLog("haproxy.log", """
            // EXPECT: proxy-idle-timeout
            10.0.0.5:51022 [26/Nov/2026:03:00:00.000] fe_sio be_sio/node1 0/0/1/2/5004 101 225 - - sD-- 3/3/2/1/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA HTTP/1.1"
            // EXPECT: proxy-idle-timeout
            10.0.0.5:51023 [26/Nov/2026:03:00:06.500] fe_sio be_sio/node1 0/0/1/2/5006 101 225 - - sD-- 3/3/2/1/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=BBBBBBBBBBBBBBBBBBBB HTTP/1.1"
            // EXPECT: proxy-idle-timeout
            10.0.0.5:51024 [26/Nov/2026:03:00:13.100] fe_sio be_sio/node1 0/0/1/2/5002 101 225 - - sD-- 3/3/2/1/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=CCCCCCCCCCCCCCCCCCCC HTTP/1.1"
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThan(0.9);
    assertThat(f.detail()).startsWith("period 5.0 s").contains("pingInterval is 25.0 s");
  }

  @Test
  void silentOnTunnelsTheBrowserOrTheServerClosed() {
    // CD--: the client closed, SD--: the server closed, ----: a normal end; none is HAProxy's timer
    tester
        .addLog("haproxy.log", """
            10.0.0.5:51022 [26/Nov/2026:03:00:00.000] fe_sio be_sio/node1 0/0/1/2/5004 101 225 - - CD-- 3/3/2/1/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA HTTP/1.1"
            10.0.0.5:51023 [26/Nov/2026:03:00:06.500] fe_sio be_sio/node1 0/0/1/2/5006 101 225 - - SD-- 3/3/2/1/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=BBBBBBBBBBBBBBBBBBBB HTTP/1.1"
            10.0.0.5:51024 [26/Nov/2026:03:00:13.100] fe_sio be_sio/node1 0/0/1/2/5002 101 225 - - ---- 3/3/2/1/0 0/0 "GET /socket.io/?EIO=4&transport=websocket&sid=CCCCCCCCCCCCCCCCCCCC HTTP/1.1"
            """)
        .doTest();
  }

  @Test
  void haproxyServerTimeoutCutsHeldPollsBeforeTheHeartbeat() {
    // `timeout server 10s`, pingInterval 25 s: every held long-poll answered 504 (sH--) after 10 s;
    // the 504 after 40 s came after the heartbeat was due (the server did not answer), no proxy timer
    Finding f = tester
        .addLog("haproxy.log", """
            127.0.0.1:39384 [07/Dec/2026:23:49:04.510] fe_sio be_sio/app 0/0/0/12/12 200 279 - - ---- 2/2/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=x97jhgo0 HTTP/1.1"
            // EXPECT: proxy-idle-timeout
            127.0.0.1:39394 [07/Dec/2026:23:49:04.614] fe_sio be_sio/app 0/0/0/-1/10001 504 198 - - sH-- 2/2/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=x97modvd&sid=opw4BSPoo13fwOBHAAAA HTTP/1.1"
            // EXPECT: proxy-idle-timeout
            127.0.0.1:39384 [07/Dec/2026:23:49:15.529] fe_sio be_sio/app 0/0/0/-1/10005 504 198 - - sH-- 2/2/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=x9g1u7na&sid=D3QivgbelEvdUrvsAAAB HTTP/1.1"
            // EXPECT: proxy-idle-timeout
            127.0.0.1:39394 [07/Dec/2026:23:49:26.564] fe_sio be_sio/app 0/0/0/-1/10003 504 198 - - sH-- 2/2/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=x9okjk71&sid=w64kCIxU06fYQGA8AAAC HTTP/1.1"
            127.0.0.1:39394 [07/Dec/2026:23:50:26.564] fe_sio be_sio/app 0/0/0/-1/40003 504 198 - - sH-- 2/2/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=x9okjk72&sid=RPsNHjFYnIJ3Q8v2AAAD HTTP/1.1"
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).startsWith("period 10.0 s");
    assertThat(f.evidence().get(0).note()).isEqualTo("proxy: held poll answered 504 after 10.001 s");
  }

  @Test
  void theBrowserSeesTheHeldPollsCut() {
    HarFixture capture = page();
    for (String sid : List.of("cut1Sess0n5xYzAAAAAA", "cut2Sess0n5xYzAAAAAA", "cut3Sess0n5xYzAAAAAA")) {
      HealthySessions.heldPollCut(capture, sid, 10.0, true);
    }
    // the drops are cited too (their last records): checked here by what must be among the evidence
    ProxyIdleTimeoutRule rule = new ProxyIdleTimeoutRule();
    Finding f = rule.check(tester.addHar("fixture.har", capture).incident().view(rule.reads())).orElseThrow();
    assertThat(f.detail()).startsWith("period 10.0 s").contains("pingInterval is 25.0 s");
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.85);
    assertThat(f.evidence()).extracting(e -> e.location().toString())
        .contains("fixture.har entries[4]", "fixture.har entries[9]", "fixture.har entries[14]");
  }
}
