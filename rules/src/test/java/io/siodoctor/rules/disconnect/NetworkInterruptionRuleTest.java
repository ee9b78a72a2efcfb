package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.ClientCloses;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkInterruptionRuleTest {
  private static final String SID = "Lbo5JLzTotvW3g2LAAAA";
  private static final String NEXT = "Xq2m4bB7yTqL0p1wAAAB";

  private final RuleTester tester = RuleTester.of(new NetworkInterruptionRule());

  private static HarFixture page() {
    return har().entry(document(HealthySessions.ORIGIN + "/"));
  }

  @Test
  void sessionVanishesAndTheClientReconnects() {
    HarFixture har = page();
    HealthySessions.v4(SID).pings(1).expectDrop().appendTo(har);
    har.after(12);
    HealthySessions.v4(NEXT).appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(SID);
  }

  @Test
  void silentWhenTheExportLeavesOutHowTheSessionEnded() {
    // Safari's Web Inspector writes only requests that completed: the poll that failed when the
    // server went away is not there, so the session's records just stop before the next handshake
    HarFixture har = thenReplaced(page().creator("WebKit Web Inspector"), HealthySessions.v4(SID).pings(1));
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
  }

  @Test
  void silentWhenAHandshakeWasNeverFollowedUp() {
    // Firefox records a polling answer its CORS check then refused: the page never saw the sid, so
    // the client never polled it, and each retry is a new handshake. Nothing of these sessions was up
    String polling = "http://localhost:3000/socket.io/?EIO=4&transport=polling";
    tester
        .addHar("fixture.har", page()
            .entry(get(polling + "&t=P1").body(open(SID)))
            .after(1.2)
            .entry(get(polling + "&t=P2").body(open(NEXT)))
            .after(2.5)
            .entry(get(polling + "&t=P3").body(open("Pa7aLLeLs0cketAAAAAC"))))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void oneOfTwoParallelSocketsDropsAndIsReplaced() {
    // two managers on one page: the first drops and reconnects while the second lives on
    HarFixture har = page();
    var t0 = har.clock();
    HealthySessions.v4(SID).pings(1).expectDrop().appendTo(har);
    har.at(t0.plusMillis(300));
    HealthySessions.v4("Pa7aLLeLs0cketAAAAAC").pings(4).appendTo(har);
    har.at(t0.plusSeconds(37));
    HealthySessions.v4(NEXT).pings(2).appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(SID);
  }

  @Test
  void pollFailsWithANetworkChange() {
    String polling = "http://localhost:3000/socket.io/?EIO=4&transport=polling";
    tester
        .addHar("fixture.har", page()
            .entry(get(polling + "&t=P1").body(open(SID)))
            .entry(get(polling + "&t=P2&sid=" + SID).body("40{\"sid\":\"BvImfnw-uuIClPFqAAAA\"}"))
            .after(8)
            .entry(get(polling + "&t=P3&sid=" + SID).failed("net::ERR_NETWORK_CHANGED").expectEvidence()))
        .doTest();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"net::ERR_INTERNET_DISCONNECTED", "net::ERR_NETWORK_CHANGED"})
  void thePageWentOfflineWhileTheServerWasSilentThenTheClientsPingTimerFired(String error) {
    // v4 on long-polling: after the PING at 25 s another request of the page fails offline; the held
    // poll brings nothing, and the client's ping timer closes the session 45 s after the PING
    ClientCloses fixture = new ClientCloses();
    HarFixture har = fixture.closedByTheClient(fixture.t0().plusMillis(70_005), "answered",
        get(HealthySessions.ORIGIN + "/api/feed").at(fixture.t0().plusSeconds(40)).took(2).failed(error)
            .expectEvidence());
    fixture.close().expectEvidence();
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(ClientCloses.SID);
  }

  @Test
  void theClientsPingTimerFiredAndItsCloseFailedOfflineCitedOnce() {
    ClientCloses fixture = new ClientCloses();
    HarFixture har = fixture.closedByTheClient(fixture.t0().plusMillis(70_005), "failed");
    fixture.close().expectEvidence();
    tester.addHar("fixture.har", har).doTest().orElseThrow();
  }

  @Test
  void silentWhenTheClientsPingTimerFiredWithTheNetworkUp() {
    // nothing failed while the server was silent and the server answered the close: not the network
    ClientCloses fixture = new ClientCloses();
    tester.addHar("fixture.har", fixture.closedByTheClient(fixture.t0().plusMillis(70_005), "answered"))
        .expectNoFindings().doTest();
  }

  /** The page's session {@code first}, then 12 s later the client's next one. */
  private static HarFixture thenReplaced(HealthySessions.Builder first) {
    return thenReplaced(page(), first);
  }

  private static HarFixture thenReplaced(HarFixture har, HealthySessions.Builder first) {
    first.appendTo(har);
    har.after(12);
    HealthySessions.v4(NEXT).appendTo(har);
    return har;
  }

  @Test
  void silentWhenTheClientLeftOnPurpose() {
    tester.addHar("fixture.har", thenReplaced(HealthySessions.v4(SID).pings(1).frame("send", 30.0, "41"))).doTest();
  }

  @Test
  void silentWhenTheServerClosedTheSessionWithAClosePacket() {
    // sample-captures/bad-request--python-client-ping: python-engineio refuses a request of the session
    // (400 "Bad Request") and closes it, answering the held poll with CLOSE "1"; the client reports
    // "transport close" and reconnects: the server's decision, not the network's
    tester.addHar("fixture.har", thenReplaced(HealthySessions.v4(SID).pings(1).frame("receive", 30.0, "1"))).doTest();
  }

  @Test
  void silentWhenThePageWasReloaded() {
    HarFixture har = page();
    HealthySessions.v4(SID).pings(1).appendTo(har);
    har.after(12).entry(document(HealthySessions.ORIGIN + "/"));
    HealthySessions.v4(NEXT).appendTo(har);
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void silentWhenDropsComeLikeClockwork() {
    tester
        .addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, false, 60.0, 60.1, 59.9, 60.0))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  /** A Node server's debug log of a session ended by a transport error, then the client's next session. */
  private static String serverLog(String transportClosing) {
    return """
        2026-11-26T03:20:25.440Z engine handshaking client "M5YQeIeyuvZmlAtEAAAA"
        2026-11-26T03:20:25.446Z engine:socket sending packet "open" ({"sid":"M5YQeIeyuvZmlAtEAAAA","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000})
        2026-11-26T03:20:25.721Z engine:socket got upgrade packet - upgrading
        2026-11-26T03:20:26.647Z engine:socket transport error
        """ + transportClosing + """
        // EXPECT: network-interruption
        2026-11-26T03:20:26.647Z socket.io:client client close with reason transport error
        2026-11-26T03:20:27.929Z engine handshaking client "hlWgrQYr9APaWsBwAAAB"
        """;
  }

  @Test
  void aServerLogsTransportErrorOnPollingIsADrop() {
    tester.addLog("server.log", serverLog("2026-11-26T03:20:26.647Z engine:polling closing\n")).doTest();
  }

  @Test
  void silentWhenTheServersWebSocketTransportClosedWithTheError() {
    // ws reports an error only for what the peer sent (over maxPayload: 1009); a dropped connection
    // closes it without one. The log alone cannot tell which cause, so it names none.
    tester.addLog("server.log", serverLog("2026-11-26T03:20:26.647Z engine:ws closing\n")
        .replace("        // EXPECT: network-interruption\n", "").replace("// EXPECT: network-interruption\n", ""))
        .expectNoFindings().doTest();
  }

  /**
   * python-socketio on aiohttp: the session's WebSocket ends with no line of python-engineio's, only
   * aiohttp's access line written as it ended (a reason-less end), and the client's next session opens.
   */
  private static String pythonLog(String expect) {
    return """
        2026-11-26 03:20:25,446 INFO engineio.server: %1$s: Sending packet OPEN data {'sid': '%1$s', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}
        2026-11-26 03:20:25,721 INFO engineio.server: %1$s: Upgrade to websocket successful
        %3$s2026-11-26 03:20:31,647 INFO aiohttp.access: 127.0.0.1 [26/Nov/2026:03:20:25 +0000] "GET /socket.io/?EIO=4&transport=websocket&sid=%1$s HTTP/1.1" 101 0 "-" "-"
        2026-11-26 03:20:43,929 INFO engineio.server: %2$s: Sending packet OPEN data {'sid': '%2$s', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}
        """.formatted(SID, NEXT, expect);
  }

  @Test
  void aServerLogThatMarksTheEndWithoutAReasonLeavesItToTheFrames() {
    // the frames show no close packet: a drop, which the log's end corroborates
    HarFixture har = thenReplaced(HealthySessions.v4(SID).pings(1).expectDrop());
    Finding f = RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", har).addLog("server.log", pythonLog("// EXPECT: network-interruption\n"))
        .doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(SID);
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e.location().toString()).contains("server.log"));
  }

  @Test
  void silentWhenNeitherTheExportNorTheLogSaysWhyTheSessionEnded() {
    // Safari's export leaves out how the session ended, and python-engineio logged no reason (its own
    // abort of an oversized frame ends a WebSocket the same way): no cause from either
    HarFixture har = thenReplaced(page().creator("WebKit Web Inspector"), HealthySessions.v4(SID).pings(1));
    tester.addHar("fixture.har", har).addLog("server.log", pythonLog("")).expectNoFindings().doTest();
  }
}
