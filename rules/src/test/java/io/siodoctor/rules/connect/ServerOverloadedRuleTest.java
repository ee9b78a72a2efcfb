package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ServerOverloadedRuleTest {
  private static final String POLLING = "http://localhost:3000/socket.io/?EIO=4&transport=polling";

  private final RuleTester tester = RuleTester.of(new ServerOverloadedRule());

  @Test
  void handshakesAnsweredSecondsLate() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get(POLLING + "&t=P1").body(open("sidAAAAAAAAAAAAAAAA1", "websocket")).took(4200).expectEvidence())
            .entry(post(POLLING + "&t=P2&sid=sidAAAAAAAAAAAAAAAA1", "40").body("ok").took(3900).expectEvidence())
            .entry(get(POLLING + "&t=P3&sid=sidAAAAAAAAAAAAAAAA1").body("6").took(20000)))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("2 handshake(s) or POST(s)").contains("up to 4.2 s");
  }

  @Test
  void emptyResponsesFromAServerThatAnswersOthers() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get(POLLING + "&t=P1").body(open("sidAAAAAAAAAAAAAAAA1", "websocket")))
            .entry(get(POLLING + "&t=P2").failed("net::ERR_EMPTY_RESPONSE").expectEvidence())
            .entry(get(POLLING + "&t=P3").failed("net::ERR_EMPTY_RESPONSE").expectEvidence()))
        .doTest();
  }

  @Test
  void loadSheddingAnswersFromAServerThatAnswersOthers() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get(POLLING + "&t=P1").body(open("sidAAAAAAAAAAAAAAAA1", "websocket")))
            .entry(get(POLLING + "&t=P2").status(503).mime("text/plain").body("Server is too busy")
                .responseHeader("Retry-After", "5").expectEvidence()))
        .doTest();
  }

  @Test
  void silentOnA503WithoutRetryAfter() {
    // a proxy's 503 for a backend that is down is server-unreachable's
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get(POLLING + "&t=P1").body(open("sidAAAAAAAAAAAAAAAA1", "websocket")))
            .entry(get(POLLING + "&t=P2").status(503).mime("text/html").body("<html>503 Service Unavailable</html>")))
        .expectNoFindings().doTest();
  }

  @Test
  void haproxyQueueTimeoutIsAFullServerNotADownOne() {
    // maxconn on the server, timeout queue 2s: the poll waited for a slot and got HAProxy's own 503
    // (sQ--, server <NOSRV>); the fix is the proxy's limit, not the server's event loop
    Finding f = tester
        .addLog("haproxy.log", """
            127.0.0.1:41558 [08/Dec/2026:03:59:36.179] fe_web be_sio/app 0/0/1/4/5 200 279 - - ---- 4/4/2/2/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=67e295uf HTTP/1.1"
            // EXPECT: server-overloaded
            127.0.0.1:41558 [08/Dec/2026:03:59:36.213] fe_web be_sio/<NOSRV> 0/2002/-1/-1/2002 503 217 - - sQ-- 5/5/3/0/0 0/1 "GET /socket.io/?EIO=4&transport=polling&t=67e36y8m&sid=ykmQPuX2kfJf3xRwAAAC HTTP/1.1"
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.85);
    assertThat(f.fix()).contains("maxconn").contains("timeout queue");
    assertThat(f.sessionIds()).containsExactly("ykmQPuX2kfJf3xRwAAAC");
  }

  @Test
  void the503sOfAProxysLimitInTheBrowsersCaptureAreCitedWithItsLog() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get(POLLING + "&t=P1").body(open("sidAAAAAAAAAAAAAAAA1", "websocket")))
            .entry(get(POLLING + "&t=P2&sid=sidAAAAAAAAAAAAAAAA1").status(503).mime("text/html")
                .body("<html><body><h1>503 Service Unavailable</h1></body></html>").took(2000).expectEvidence()))
        .addLog("haproxy.log", """
            // EXPECT: server-overloaded
            127.0.0.1:41558 [08/Dec/2026:03:59:36.213] fe_web be_sio/<NOSRV> 0/2002/-1/-1/2002 503 217 - - sQ-- 5/5/3/0/0 0/1 "GET /socket.io/?EIO=4&transport=polling&t=P2&sid=sidAAAAAAAAAAAAAAAA1 HTTP/1.1"
            """)
        .doTest();
  }

  @Test
  void nginxLimitConnRefusalsInItsErrorLog() {
    Finding f = tester
        .addLog("error.log", """
            // EXPECT: server-overloaded
            2026/12/08 04:37:33 [error] 30533#30533: *5 limiting connections by zone "perserver", client: 127.0.0.1, server: localhost, request: "POST /socket.io/?EIO=4&transport=polling&t=7k7dtj5l&sid=9zLvYJY3NBHNpLwoAAAC HTTP/1.1", host: "127.0.0.1:44387"
            2026/12/08 04:37:33 [warn] 30533#30533: *5 delaying request, excess: 0.500, by zone "sio", client: 127.0.0.1, server: localhost, request: "GET /socket.io/?EIO=4&transport=polling&t=7k7e HTTP/1.1", host: "x"
            """)
        .doTest().orElseThrow();
    assertThat(f.evidence().get(0).note()).contains("limit_conn zone \"perserver\"");
    assertThat(f.fix()).contains("limit_conn");
  }

  @Test
  void a503ThatWaitedWhileTheServerAnsweredOthers() {
    // no log: the poll waited 2 s for its 503 while the same server answered a POST and a WebSocket
    // probe of the same origin; a down backend answers nothing meanwhile
    HarFixture capture = har().entry(document("http://localhost:3000/"))
        .entry(get(POLLING + "&t=P1").body(open("sidAAAAAAAAAAAAAAAA1", "websocket")));
    java.time.Instant waitFrom = capture.clock();
    capture
        .entry(get(POLLING + "&t=P2&sid=sidAAAAAAAAAAAAAAAA1").at(waitFrom).status(503).mime("text/html")
            .body("<html><body><h1>503 Service Unavailable</h1></body></html>").took(2000).expectEvidence())
        .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket&sid=sidAAAAAAAAAAAAAAAA1")
            .at(waitFrom.plusMillis(8)).took(2000).message("send", 0.005, "2probe").message("receive", 0.011, "3probe"));
    Finding f = tester.addHar("fixture.har", capture).doTest().orElseThrow();
    assertThat(f.detail()).contains("answered 503 after waiting");
  }

  @Test
  void silentOnAnImmediate503WithNothingAnsweredMeanwhile() {
    // a down backend's 503 comes at once: nothing else could be answered while it waited
    HarFixture capture = har().entry(document("http://localhost:3000/"))
        .entry(get(POLLING + "&t=P1").body(open("sidAAAAAAAAAAAAAAAA1", "websocket")))
        .entry(get(POLLING + "&t=P2&sid=sidAAAAAAAAAAAAAAAA1").status(503).mime("text/html")
            .body("<html>503 Service Unavailable</html>").took(3))
        .entry(get(POLLING + "&t=P3").status(503).mime("text/html").body("<html>503 Service Unavailable</html>").took(2));
    tester.addHar("fixture.har", capture).expectNoFindings().doTest();
  }

  @Test
  void fileDescriptorsExhaustedInTheServerLog() {
    tester
        .addLog("server.log", """
            2026-12-07T14:00:00.000Z engine handshaking client "sidAAAAAAAAAAAAAAAA1"
            // EXPECT: server-overloaded
            2026-12-07T14:00:01.000Z app Error: accept EMFILE
            """)
        .doTest();
  }

  @Test
  void manySessionsTimeOutInTheSameInstant() {
    Finding f = tester
        .addLog("server.log", """
            // EXPECT: server-overloaded
            2026-12-07T14:00:30.100Z socket.io:client client close with reason ping timeout
            2026-12-07T14:00:30.100Z socket.io:socket closing socket - reason ping timeout
            // EXPECT: server-overloaded
            2026-12-07T14:00:30.101Z socket.io:client client close with reason ping timeout
            2026-12-07T14:00:30.101Z socket.io:socket closing socket - reason ping timeout
            // EXPECT: server-overloaded
            2026-12-07T14:00:30.102Z socket.io:client client close with reason ping timeout
            2026-12-07T14:00:30.102Z socket.io:socket closing socket - reason ping timeout
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("3 sessions closed for ping timeout");
  }

  @Test
  void heartbeatsStopLongerThanTheirIntervalThenEverySessionClosesAtOnce() {
    String open = "engine:socket sending packet \"open\" ({\"sid\":\"%s\",\"upgrades\":[],\"pingInterval\":5000,\"pingTimeout\":3000,\"maxPayload\":1000000})";
    Finding f = tester
        .addLog("server.log", "2026-12-07T14:00:00.000Z " + String.format(open, "sidAAAAAAAAAAAAAAAA1") + "\n"
            + "2026-12-07T14:00:00.010Z " + String.format(open, "sidAAAAAAAAAAAAAAAA2") + "\n"
            + "2026-12-07T14:00:00.020Z " + String.format(open, "sidAAAAAAAAAAAAAAAA3") + "\n"
            + """
            2026-12-07T14:00:05.000Z engine:socket writing ping packet - expecting pong within 3000ms
            2026-12-07T14:00:05.010Z engine:socket writing ping packet - expecting pong within 3000ms
            // EXPECT: server-overloaded
            2026-12-07T14:00:05.020Z engine:socket writing ping packet - expecting pong within 3000ms
            2026-12-07T14:00:05.300Z app report requested: building it synchronously
            // EXPECT: server-overloaded
            2026-12-07T14:00:14.300Z engine:socket writing ping packet - expecting pong within 3000ms
            // EXPECT: server-overloaded
            2026-12-07T14:00:14.350Z socket.io:client client close with reason transport close
            // EXPECT: server-overloaded
            2026-12-07T14:00:14.351Z socket.io:client client close with reason transport close
            // EXPECT: server-overloaded
            2026-12-07T14:00:14.352Z socket.io:client client close with reason transport close
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("no heartbeat for 9.28 s").contains("3 sessions closed in the same instant");
  }

  @Test
  void silentWhenSessionsCloseTogetherWithoutAStall() {
    // a load balancer restart: every connection closes at once, the heartbeats never paused
    String open = "engine:socket sending packet \"open\" ({\"sid\":\"%s\",\"upgrades\":[],\"pingInterval\":5000,\"pingTimeout\":3000,\"maxPayload\":1000000})";
    tester
        .addLog("server.log", "2026-12-07T14:00:00.000Z " + String.format(open, "sidAAAAAAAAAAAAAAAA1") + "\n"
            + """
            2026-12-07T14:00:05.000Z engine:socket writing ping packet - expecting pong within 3000ms
            2026-12-07T14:00:05.010Z engine:socket writing ping packet - expecting pong within 3000ms
            2026-12-07T14:00:05.020Z engine:socket writing ping packet - expecting pong within 3000ms
            2026-12-07T14:00:07.350Z socket.io:client client close with reason transport close
            2026-12-07T14:00:07.351Z socket.io:client client close with reason transport close
            2026-12-07T14:00:07.352Z socket.io:client client close with reason transport close
            """)
        .expectNoFindings().doTest();
  }

  @Test
  void silentWhenTimeoutsAreSpreadOut() {
    // each session's own heartbeat schedule: a network loss, not a blocked loop
    tester
        .addLog("server.log", """
            2026-12-07T14:00:30.100Z socket.io:client client close with reason ping timeout
            2026-12-07T14:00:38.400Z socket.io:client client close with reason ping timeout
            2026-12-07T14:00:47.900Z socket.io:client client close with reason ping timeout
            """)
        .expectNoFindings().doTest();
  }

  @Test
  void silentWhenNothingAnswersAtAll() {
    // nothing answers: server-unreachable, not overload
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(get(POLLING + "&t=P2").failed("net::ERR_EMPTY_RESPONSE"))
            .entry(get(POLLING + "&t=P3").failed("net::ERR_EMPTY_RESPONSE")))
        .expectNoFindings().doTest();
  }

  @Test
  void silentWhenTheConnectionWasCutBecauseTheProcessWentAway() {
    // a netty-socketio restart seen by a polling client: its pending poll closed empty, the next
    // request refused, then a new process answered (server-restart's story, not load)
    String nettySession = "b54892af-11fd-425c-ac26-42f7563321c9";
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get(POLLING + "&t=P1").body(open(nettySession, "websocket")))
            .after(0.1)
            .entry(get(POLLING + "&t=P2&sid=" + nettySession).failed("net::ERR_EMPTY_RESPONSE").took(6000))
            .after(6.1)
            .entry(post(POLLING + "&t=P3&sid=" + nettySession, "3").failed("net::ERR_CONNECTION_REFUSED"))
            .after(1.0)
            .entry(get(POLLING + "&t=P4").failed("net::ERR_CONNECTION_REFUSED"))
            .after(3.0)
            .entry(get(POLLING + "&t=P5").body(open("b76338be-646c-4880-8e2c-8d73834be73c", "websocket"))))
        .doTest();
  }

  @Test
  void silentOnALongPollThatWaitsForData() {
    // a GET with a sid waits up to pingInterval by design
    HarFixture h = HealthySessions.har();
    h.entry(get(POLLING + "&t=Z1&sid=" + HealthySessions.SID).body("2").took(25000));
    tester.addHar("fixture.har", h).expectNoFindings().doTest();
  }

  @Test
  void aPythonServersHeartbeatsStopThenTheWebSocketsItDidNotLogEndAtOnce() {
    // sample-captures/server-overloaded--python-blocking-handler: python-engineio writes a PING per
    // session every ping_interval and nothing when a WebSocket goes away; aiohttp's access lines of the
    // WebSockets (written as each ended) come together once the blocked loop runs again
    Finding f = tester
        .addLog("server.log", """
            2026-12-08 04:00:40,000 INFO engineio.server: siG5UVcnrJVtWHOuAAAA: Sending packet OPEN data {'sid': 'siG5UVcnrJVtWHOuAAAA', 'upgrades': ['websocket'], 'pingTimeout': 3000, 'pingInterval': 5000}
            2026-12-08 04:00:41,000 INFO engineio.server: VHowb89GGTjOETKJAAAB: Sending packet OPEN data {'sid': 'VHowb89GGTjOETKJAAAB', 'upgrades': ['websocket'], 'pingTimeout': 3000, 'pingInterval': 5000}
            2026-12-08 04:00:42,000 INFO engineio.server: YElPrzcSw402i2KXAAAC: Sending packet OPEN data {'sid': 'YElPrzcSw402i2KXAAAC', 'upgrades': ['websocket'], 'pingTimeout': 3000, 'pingInterval': 5000}
            2026-12-08 04:00:52,843 INFO engineio.server: siG5UVcnrJVtWHOuAAAA: Sending packet PING data None
            2026-12-08 04:00:52,843 INFO engineio.server: VHowb89GGTjOETKJAAAB: Sending packet PING data None
            // EXPECT: server-overloaded
            2026-12-08 04:00:52,843 INFO engineio.server: YElPrzcSw402i2KXAAAC: Sending packet PING data None
            2026-12-08 04:00:53,122 INFO app: [server] report requested: building it (3 clients connected)
            // EXPECT: server-overloaded
            2026-12-08 04:01:02,124 INFO engineio.server: siG5UVcnrJVtWHOuAAAA: Sending packet PING data None
            2026-12-08 04:01:02,124 INFO engineio.server: VHowb89GGTjOETKJAAAB: Sending packet PING data None
            2026-12-08 04:01:02,124 INFO engineio.server: YElPrzcSw402i2KXAAAC: Sending packet PING data None
            // EXPECT: server-overloaded
            2026-12-08 04:01:02,137 INFO aiohttp.access: 127.0.0.1 [08/Dec/2026:04:00:47 +0000] "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1" 101 0 "-" "-"
            // EXPECT: server-overloaded
            2026-12-08 04:01:02,137 INFO aiohttp.access: 127.0.0.1 [08/Dec/2026:04:00:47 +0000] "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1" 101 0 "-" "-"
            // EXPECT: server-overloaded
            2026-12-08 04:01:02,138 INFO aiohttp.access: 127.0.0.1 [08/Dec/2026:04:00:47 +0000] "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1" 101 0 "-" "-"
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("no heartbeat for 9.281 s").contains("3 sessions closed in the same instant");
  }
}
