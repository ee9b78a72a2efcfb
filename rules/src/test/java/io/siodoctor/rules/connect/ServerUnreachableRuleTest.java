package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.engine.CauseFinding;
import io.siodoctor.rules.engine.RuleEngine;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerUnreachableRuleTest {
  private static final String HANDSHAKE = "http://localhost:3000/socket.io/?EIO=4&transport=polling&t=";

  private final RuleTester tester = RuleTester.of(new ServerUnreachableRule());

  @Test
  void connectionRefusedOnEveryHandshake() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(get(HANDSHAKE + "P1").failed("net::ERR_CONNECTION_REFUSED").expectEvidence())
            .after(1.3)
            .entry(get(HANDSHAKE + "P2").failed("net::ERR_CONNECTION_REFUSED").expectEvidence())
            .after(2.6)
            .entry(get(HANDSHAKE + "P3").failed("net::ERR_NAME_NOT_RESOLVED").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.detail()).contains("no Engine.IO handshake succeeded");
  }

  @Test
  void everyRefusedHandshakeIsEvidenceTheEngineCitesTwenty() {
    HarFixture capture = har().entry(document("http://localhost:8080/"));
    for (int i = 1; i <= 25; i++) {
      capture.after(1.0).entry(get(HANDSHAKE + "P" + i).failed("net::ERR_CONNECTION_REFUSED").expectEvidence());
    }
    // the rule's own finding: all 25 places (the tester marks them all)
    Finding f = tester.addHar("fixture.har", capture).doTest().orElseThrow();
    assertThat(f.evidence()).hasSize(25);
    // the report's: the first 20 cited, all 25 counted
    CauseFinding cited = new RuleEngine(List.of(new ServerUnreachableRule())).run(tester.incident()).findings().get(0);
    assertThat(cited.finding().evidence()).isEqualTo(f.evidence().subList(0, Finding.MAX_EVIDENCE));
    assertThat(cited.finding().events()).isEqualTo(25);
  }

  @Test
  void proxyAnswers502AndLogsTheRefusedUpstream() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(get("http://localhost:8080/socket.io/?EIO=4&transport=polling&t=P1").status(502)
                .mime("text/html")
                .body("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n")
                .expectEvidence()))
        .addLog("error.log", """
            // EXPECT: server-unreachable
            2026/11/25 10:00:00 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: localhost, request: "GET /socket.io/?EIO=4&transport=polling&t=P1 HTTP/1.1", upstream: "http://127.0.0.1:3001/socket.io/?EIO=4&transport=polling&t=P1", host: "localhost:8080", referrer: "http://localhost:8080/"
            """)
        .doTest();
  }

  @Test
  void partialOutageAfterAWorkingSessionIsLessCertain() {
    Finding f = tester
        .addHar("fixture.har", HealthySessions.har()
            .after(40)
            .entry(get(HANDSHAKE + "R1").failed("net::ERR_CONNECTION_REFUSED").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.9);
    assertThat(f.detail()).contains("other requests did reach it");
  }

  @Test
  void silentWhenOnlyAThirdPartyRequestFails() {
    tester
        .addHar("fixture.har", HealthySessions.har()
            .entry(get("https://fonts.example.com/inter-var.woff2").resourceType("font")
                .failed("net::ERR_NAME_NOT_RESOLVED")))
        .doTest();
  }

  @Test
  void silentWhenAnEstablishedConnectionIsReset() {
    // the server was reached: a reset is a drop, not an unreachable server
    tester
        .addHar("fixture.har", HealthySessions.har()
            .entry(get(HANDSHAKE + "Q1&sid=" + HealthySessions.SID).failed("net::ERR_CONNECTION_RESET")))
        .doTest();
  }

  @Test
  void silentWhenTheProxyCutsHeldPollsBeforeTheHeartbeat() {
    // HAProxy `timeout server 10s` below pingInterval 25 s: each held poll gets a 504 after 10 s, the
    // server answers every other request, and HAProxy logs sH-- (a server-side timeout before headers)
    HarFixture capture = har().entry(document(HealthySessions.ORIGIN + "/"));
    for (String sid : List.of("cut1Sess0n5xYzAAAAAA", "cut2Sess0n5xYzAAAAAA", "cut3Sess0n5xYzAAAAAA")) {
      HealthySessions.heldPollCut(capture, sid, 10.0, false);
    }
    tester
        .addHar("fixture.har", capture)
        .addLog("haproxy.log", """
            127.0.0.1:39394 [07/Dec/2026:23:49:04.614] fe_sio be_sio/app 0/0/0/-1/10001 504 198 - - sH-- 2/2/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=x97modvd&sid=opw4BSPoo13fwOBHAAAA HTTP/1.1"
            """)
        .doTest();
  }

  @Test
  void haproxyQueueTimeoutIsNoDownBackend() {
    // both 503s carry <NOSRV>; only the termination state tells the full server (sQ, queued 2 s)
    // from the one with no server up (SC, at once)
    tester
        .addLog("haproxy.log", """
            127.0.0.1:41558 [08/Dec/2026:03:59:36.213] fe_web be_sio/<NOSRV> 0/2002/-1/-1/2002 503 217 - - sQ-- 5/5/3/0/0 0/1 "GET /socket.io/?EIO=4&transport=polling&t=67e36y8m&sid=ykmQPuX2kfJf3xRwAAAC HTTP/1.1"
            """)
        .expectNoFindings().doTest();
    RuleTester.of(new ServerUnreachableRule())
        .addLog("haproxy.log", """
            // EXPECT: server-unreachable
            127.0.0.1:50130 [08/Dec/2026:02:45:21.804] fe_web be_sio/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 2/2/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=3jx1afcg HTTP/1.1"
            """)
        .doTest();
  }

  @Test
  void a503ThatWaitedWhileTheServerAnsweredOthersIsNoDownBackend() {
    HarFixture capture = har().entry(document("http://localhost:3000/"))
        .entry(get(HANDSHAKE + "P1").body("0{\"sid\":\"sidAAAAAAAAAAAAAAAA1\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}"));
    java.time.Instant waitFrom = capture.clock();
    capture
        .entry(get(HANDSHAKE + "P2&sid=sidAAAAAAAAAAAAAAAA1").at(waitFrom).status(503).mime("text/html")
            .body("<html>503 Service Unavailable</html>").took(2000))
        .entry(HarFixture.post(HANDSHAKE + "P3&sid=sidAAAAAAAAAAAAAAAA1", "40").at(waitFrom.plusMillis(10)).body("ok").took(5));
    tester.addHar("fixture.har", capture).expectNoFindings().doTest();
  }

  @Test
  void nginxsOwn503IsNoDownBackend() {
    // nginx answers an upstream it cannot reach 502/504; its own 503 page is limit_conn/limit_req's
    // (or a configured return 503), and the access line of a request its error log says a limit
    // refused is no outage either
    String page = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
        + "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";
    tester
        .addHar("fixture.har", har().entry(document("http://localhost:3000/"))
            .entry(get(HANDSHAKE + "P1").status(503).mime("text/html").body(page)))
        .addLog("access.log", """
            127.0.0.1 - - [08/Dec/2026:04:37:34 +0000] "GET /socket.io/?EIO=4&transport=polling&t=7k7xxvsp HTTP/1.1" 503 599 "http://127.0.0.1:44387/" "Mozilla/5.0" - 0.000
            """)
        .addLog("error.log", """
            2026/12/08 04:37:34 [error] 30533#30533: *5 limiting connections by zone "perserver", client: 127.0.0.1, server: localhost, request: "GET /socket.io/?EIO=4&transport=polling&t=7k7xxvsp HTTP/1.1", host: "127.0.0.1:44387"
            """)
        .expectNoFindings().doTest();
    // a backend's own 503 passed through nginx is still read as its outage
    RuleTester.of(new ServerUnreachableRule())
        .addHar("fixture.har", har().entry(document("http://localhost:3000/"))
            .entry(get(HANDSHAKE + "P1").status(503).mime("text/plain").body("Service Unavailable").expectEvidence()))
        .doTest();
  }

  @Test
  void nginxReadTimeoutOnAnOpenSessionsPollIsNoUnreachableServer() {
    // proxy_read_timeout 10s below pingInterval: nginx logs the held poll it gave up on; the server
    // had issued that sid and was holding the request. A handshake that timed out still counts.
    tester
        .addLog("error.log", """
            2026/12/08 00:11:42 [error] 2618#2618: *3 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 127.0.0.1, server: localhost, request: "GET /socket.io/?EIO=4&transport=polling&t=y23jxzp8&sid=C_FhkbMbe25T5Ko1AAAA HTTP/1.1", upstream: "http://127.0.0.1:40003/socket.io/?EIO=4&transport=polling&t=y23jxzp8&sid=C_FhkbMbe25T5Ko1AAAA", host: "127.0.0.1:42151", referrer: "http://127.0.0.1:42151/"
            // EXPECT: server-unreachable
            2026/12/08 00:12:42 [error] 2618#2618: *9 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 127.0.0.1, server: localhost, request: "GET /socket.io/?EIO=4&transport=polling&t=y23jxzq1 HTTP/1.1", upstream: "http://127.0.0.1:40003/socket.io/?EIO=4&transport=polling&t=y23jxzq1", host: "127.0.0.1:42151"
            """)
        .doTest();
  }

  @Test
  void aPollAnswered504AfterTheHeartbeatWasDueIsAnOutage() {
    // the server should have sent its PING after 25 s: a 504 after 60 s says it did not answer
    Finding f = tester
        .addHar("fixture.har", HealthySessions.heldPollCut(har().entry(document(HealthySessions.ORIGIN + "/")),
            "lateSess0n5xYzAAAAAA", 60.0, true))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("other requests did reach it");
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  @Test
  void apacheCaddyAndHerokuSayTheBackendIsGone() {
    tester
        .addLog("apache-error.log", """
            [Mon Dec 07 14:29:40.191170 2026] [mpm_event:notice] [pid 9901:tid 9901] AH00489: Apache/2.4.71 (Debian) configured -- resuming normal operations
            // EXPECT: server-unreachable
            [Mon Dec 07 14:31:05.000000 2026] [proxy:error] [pid 4242:tid 4251] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:3000 (127.0.0.1:3000) failed
            """)
        .addLog("caddy-access.log", """
            // EXPECT: server-unreachable
            {"level":"error","ts":1796653820.5,"logger":"http.log.error.log0","msg":"dial tcp 127.0.0.1:3000: connect: connection refused","request":{"remote_ip":"127.0.0.1","method":"GET","uri":"/socket.io/?EIO=4&transport=polling&t=x1"},"duration":0.001,"status":502}
            """)
        .addLog("heroku-fixture.log", """
            // EXPECT: server-unreachable
            2026-12-07T14:32:01.000000+00:00 heroku[router]: at=error code=H13 desc="Connection closed without response" method=GET path="/socket.io/?EIO=4&transport=polling&t=Nx3" host=chat.herokuapp.com request_id=x fwd="203.0.113.5" dyno=web.1 connect=0ms service=10ms status=503 bytes=0 protocol=https
            """)
        .doTest().orElseThrow();
  }

  @Test
  void anAccessLogThatShowsASessionServedIsAPartialOutage() {
    // the proxy's own 503s, read from its access log alone, beside a poll of an issued sid answered 200
    Finding f = RuleTester.of(new ServerUnreachableRule())
        .addLog("access.log", """
            127.0.0.1 - - [08/Dec/2026:04:37:32 +0000] "GET /socket.io/?EIO=4&transport=polling&t=7k6g6pki HTTP/1.1" 200 118 "http://127.0.0.1:44387/" "Mozilla/5.0" 127.0.0.1:44691 0.009
            127.0.0.1 - - [08/Dec/2026:04:37:32 +0000] "GET /socket.io/?EIO=4&transport=polling&t=7k6hft0t&sid=9zLvYJY3NBHNpLwoAAAC HTTP/1.1" 200 32 "http://127.0.0.1:44387/" "Mozilla/5.0" 127.0.0.1:44691 0.004
            // EXPECT: server-unreachable
            127.0.0.1 - - [08/Dec/2026:04:37:34 +0000] "GET /socket.io/?EIO=4&transport=polling&t=7k7xxvsp HTTP/1.1" 503 599 "http://127.0.0.1:44387/" "Mozilla/5.0" - 0.000
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isEqualTo(0.6);
    assertThat(f.detail()).endsWith("other requests did reach it");
  }
}
