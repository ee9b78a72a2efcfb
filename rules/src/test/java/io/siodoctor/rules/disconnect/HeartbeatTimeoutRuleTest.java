package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.lengthPrefixed;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.ClientCloses;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeartbeatTimeoutRuleTest {
  private static final String SID = "Lbo5JLzTotvW3g2LAAAA";

  private final RuleTester tester = RuleTester.of(new HeartbeatTimeoutRule());

  private static HarFixture page() {
    return har().entry(document(HealthySessions.ORIGIN + "/"));
  }

  @Test
  void aSessionWhoseHandshakeWasMissedRunsOnItsServersAnnouncedHeartbeat() {
    // DevTools opened late (sample-captures/heartbeat-timeout--netty-blocked-main-thread, started
    // late): the timed-out session's handshake is gone, the reconnection's says 2 s + 1 s
    HarFixture har = har().entry(document(HealthySessions.ORIGIN + "/")).entry(HarFixture.webSocket(
            "ws://localhost:3000/socket.io/?EIO=4&transport=websocket&sid=2d9ba5d4-0c2b-4a55-9b3e-0a4c3c0f11aa")
        .expectedMessage("receive", 0.5, "2").message("send", 0.501, "3")
        .expectedMessage("receive", 5.5, "2").message("send", 5.501, "3").message("receive", 5.502, "41"));
    HealthySessions.v4(SID).pings(2).pingInterval(2000).pingTimeout(1000).appendTo(har.after(6));
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.detail()).contains("5.0 s without a heartbeat");
  }

  @Test
  void serverLogsPingTimeout() {
    Finding f = tester
        .addLog("server.log", """
            2026-11-25T10:00:50.001Z engine:socket writing ping packet - expecting pong within 20000ms
            // EXPECT: heartbeat-timeout
            2026-11-25T10:01:10.002Z socket.io:client client close with reason ping timeout
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("ping timeout");
  }

  @Test
  void pythonEngineIoLogsItsPingTimeoutCloseTwiceAndIsCitedOnce() {
    // python-engineio's check_ping_timeout closes the socket, and the close's own send() checks
    // again: two lines for one close (sample-captures/heartbeat-timeout--python-blocked-main-thread)
    Finding f = tester
        .addLog("server.log", """
            2026-12-08 02:30:01,164 INFO engineio.server: scjQIzqaeHLwuAYsAAAA: Sending packet PING data None
            // EXPECT: heartbeat-timeout
            2026-12-08 02:30:02,184 INFO engineio.server: scjQIzqaeHLwuAYsAAAA: Client is gone, closing socket
            2026-12-08 02:30:02,184 INFO app: [server] disconnect p2Z9e2S2rIPasPE8AAAB
            2026-12-08 02:30:02,184 INFO engineio.server: scjQIzqaeHLwuAYsAAAA: Client is gone, closing socket
            """)
        .doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly("scjQIzqaeHLwuAYsAAAA");
  }

  @Test
  void pingNeverAnsweredThenTheClientReconnects() {
    // a throttled background tab: the third PING arrives and nothing answers it
    HarFixture har = page();
    HealthySessions.v4(SID).pings(2).expectedFrame("receive", 75.0, "2").appendTo(har);
    har.after(22);
    HealthySessions.v4("Xq2m4bB7yTqL0p1wAAAB").appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(SID);
    assertThat(f.detail()).contains("never answered");
  }

  @Test
  void pongLaterThanPingTimeout() {
    HarFixture har = page();
    HealthySessions.v4(SID).pings(1)
        .expectedFrame("receive", 50.0, "2")
        .expectedFrame("send", 72.5, "3")
        .appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.detail()).contains("PONG 22.5 s late").contains("pingTimeout 20.0 s");
  }

  @Test
  void silenceBetweenHeartbeatsLongerThanTheWindow() {
    HarFixture har = page();
    HealthySessions.v4(SID).pings(0)
        .expectedFrame("receive", 25.0, "2").frame("send", 25.002, "3")
        .expectedFrame("receive", 95.0, "2").frame("send", 95.002, "3")
        .appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.detail()).contains("70.0 s without a heartbeat");
    // v4: the server pings, so the fix is not the catalog's "upgrade"; the window must cover 70 s
    assertThat(f.fix()).contains("upgrading will not help").contains("`pingInterval` 25000 and `pingTimeout` 20000")
        .contains("longest stall seen was 70.0 s").doesNotContain("below the defaults")
        .contains("new Server(httpServer, { pingInterval: 25000, pingTimeout: 50000 })")
        .contains("ping_interval=25, ping_timeout=50").contains("config.setPingTimeout(50000)");
  }

  @Test
  void aShortWindowIsRaisedToTheDefaultsAtLeast() {
    // a blocked page: 6.6 s without a PING against a 3 s window set far below the defaults
    HeartbeatTimeoutRule.Stall stall = new HeartbeatTimeoutRule.Stall(
        new Handshake(SID, List.of("websocket"), 2000, 1000, 1_000_000),
        true, 6600, "6.6 s without a heartbeat");
    assertThat(HeartbeatTimeoutRule.serverPingsFix(List.of(stall)))
        .contains("a 3.0 s window").contains("below the defaults (25000 and 20000)")
        .contains("{ pingInterval: 25000, pingTimeout: 20000 }");
    // a client that pings (v2) anywhere among them: the catalog's fix, which leads with the upgrade
    HeartbeatTimeoutRule.Stall v2 = new HeartbeatTimeoutRule.Stall(stall.handshake(), false, 40_000, "v2");
    assertThat(HeartbeatTimeoutRule.serverPingsFix(List.of(stall, v2))).isNull();
  }

  @Test
  void v2ClientPingNeverAnswered() {
    // revision 3: the client pings and the server answers
    HarFixture har = page();
    HealthySessions.v3(SID).pings(1).expectedFrame("send", 50.0, "2").appendTo(har);
    har.after(10);
    HealthySessions.v3("Xq2m4bB7yTqL0p1wAAAB").appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.fix()).as("the catalog's fix: upgrading moves the PINGs to the server").isNull();
  }

  @ParameterizedTest(name = "left aborted: {0}")
  @ValueSource(booleans = {false, true})
  void v2PollingPingNeverAnsweredWhileItsPollsHangUntilThePageGoes(boolean aborted) {
    // revision 3 on long-polling: the server stops answering (its event loop blocked) after the
    // first heartbeat; the held GET, the client's next PING, its close packet and its new handshake
    // stay unanswered until the page goes away (aborted) or the capture stops (pending), minutes later. Those
    // requests prove nothing past their start: the session ended with that PING.
    String polling = HealthySessions.ORIGIN + "/socket.io/?EIO=3&transport=polling";
    HarFixture har = page();
    Instant t0 = har.clock();
    Instant unload = t0.plusSeconds(200);
    har.entry(get(polling + "&t=A").at(t0).body(lengthPrefixed(open(SID, 25000, 5000, -1), "40")));
    har.entry(get(polling + "&t=B&sid=" + SID).at(t0.plusMillis(40)).took(24_970).body(lengthPrefixed("3")));
    har.entry(post(polling + "&t=C&sid=" + SID, lengthPrefixed("2")).at(t0.plusMillis(25_000)).body("ok"));
    har.entry(hanging(get(polling + "&t=D&sid=" + SID), t0.plusMillis(25_020), unload, aborted));
    har.entry(hanging(post(polling + "&t=E&sid=" + SID, lengthPrefixed("2")), t0.plusSeconds(50), unload, aborted)
        .expectEvidence());
    har.entry(hanging(post(polling + "&t=F&sid=" + SID, lengthPrefixed("1")), t0.plusSeconds(55), unload, aborted));
    // the client reconnects after its reconnection delay; the blocked server does not answer that either
    har.entry(hanging(get(polling + "&t=G"), t0.plusMillis(57_300), unload, aborted));
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.detail()).contains("never answered").contains(SID);
  }

  @ParameterizedTest(name = "PONG POST {0}")
  @ValueSource(strings = {"failed", "refused"})
  void aPongThatNeverReachedTheServerIsNoAnswer(String answer) {
    // v4 on long-polling: the PING arrives in the held poll at 25 s, the network goes at once, and the
    // POST carrying the PONG fails (or reaches a server that already dropped the sid); the client
    // reconnects later
    String polling = HealthySessions.ORIGIN + "/socket.io/?EIO=4&transport=polling";
    HarFixture har = page();
    Instant t0 = har.clock();
    har.entry(get(polling + "&t=A").at(t0).body(open(SID)))
        .entry(post(polling + "&t=B&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(polling + "&t=C&sid=" + SID).body("40{\"sid\":\"sio-" + SID + "\"}"))
        .entry(get(polling + "&t=D&sid=" + SID).at(t0.plusMillis(40)).took(24_960).body("2").expectEvidence());
    HarFixture.Entry pong = post(polling + "&t=E&sid=" + SID, "3").at(t0.plusMillis(25_010)).took(3);
    har.entry("failed".equals(answer) ? pong.failed("net::ERR_INTERNET_DISCONNECTED")
        : pong.status(400).mime("application/json").body(HarFixture.engineIoError(1, "Session ID unknown")));
    har.at(t0.plusSeconds(76));
    HealthySessions.v4("Xq2m4bB7yTqL0p1wAAAB").appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.detail()).contains("never answered").contains(SID);
  }

  @Test
  void theClientsPingTimerFiredWhileTheServerStillHeldTheSession() {
    // v4 on long-polling: after the PING at 25 s nothing comes in the held poll; the client's ping
    // timer fires 45 s later and it POSTs its close, which the server, still holding the session, answers
    ClientCloses fixture = new ClientCloses();
    HarFixture har = fixture.closedByTheClient(fixture.t0().plusMillis(70_005), "answered");
    fixture.ping().expectEvidence();
    fixture.close().expectEvidence();
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(ClientCloses.SID);
    assertThat(f.detail()).contains("ping timer fired").contains("45.0 s without a packet from the server");
  }

  @ParameterizedTest(name = "close POST {0}")
  @ValueSource(strings = {"failed", "refused"})
  void aPingTimeoutWhoseCloseNeverReachedALiveSessionProvesNoLiveConnection(String answer) {
    // the close failed (the network was gone: a black hole) or was refused (the server had dropped
    // the sid: a restart, its own timeout): nothing shows the connection was up while the server was silent
    ClientCloses fixture = new ClientCloses();
    HarFixture har = fixture.closedByTheClient(fixture.t0().plusMillis(70_005), answer);
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
  }

  @Test
  void aPollAnsweredInTheSilenceWithItsBodyNotRecordedProvesNoSilence() {
    // the server answers a poll only with packets: an answer whose body the export left out may have
    // carried the PING, so nothing proves the client's timer fired on a silent server
    ClientCloses fixture = new ClientCloses();
    HarFixture har = fixture.closedByTheClient(fixture.t0().plusMillis(70_005), "answered",
        get(ClientCloses.POLLING + "&t=unrecorded&sid=" + SID).at(fixture.t0().plusSeconds(30)).took(20_000));
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"net::ERR_INTERNET_DISCONNECTED", "net::ERR_NETWORK_CHANGED"})
  void aPingTimeoutTheNetworkExplainsIsTheNetworks(String error) {
    // another request of the page failed offline while the server was silent: the network silenced
    // it, and the heartbeat only noticed (network-interruption), even though the close got through later
    ClientCloses fixture = new ClientCloses();
    HarFixture har = fixture.closedByTheClient(fixture.t0().plusMillis(70_005), "answered",
        get(HealthySessions.ORIGIN + "/api/feed").at(fixture.t0().plusSeconds(40)).took(2).failed(error));
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
  }

  /** A request never answered: still pending when the capture stopped, or aborted when the page went away. */
  private static HarFixture.Entry hanging(HarFixture.Entry e, Instant start, Instant end,
      boolean aborted) {
    e.at(start).took(Duration.between(start, end).toMillis());
    return aborted ? e.failed("net::ERR_ABORTED") : e.status(0);
  }

  @Test
  void pingStillUnansweredWhenTheCaptureStopsIsNotATimeout() {
    HarFixture har = page();
    HealthySessions.v4(SID).pings(2).frame("receive", 75.0, "2").appendTo(har);
    // the user stopped recording a few seconds later; an unrelated request came in between
    har.after(4).entry(get("http://localhost:3000/api/me").status(200).mime("application/json").body("{}"));
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
  }

  @Test
  void silentOnHealthyV4Session() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  @Test
  void silentOnHealthyV3Session() {
    HarFixture har = page();
    HealthySessions.v3(SID).pings(4).appendTo(har);
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
  }

  @Test
  void pythonEngineIoSaysTheClientIsGone() {
    // python-engineio's check_ping_timeout: no PONG within ping_timeout of its PING
    Finding f = tester
        .addLog("server.log", """
            2026-12-07 14:00:00,000 INFO engineio.server: Lbo5JLzTotvW3g2LAAAA: Sending packet OPEN data {'sid': 'Lbo5JLzTotvW3g2LAAAA', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}
            2026-12-07 14:00:25,001 INFO engineio.server: Lbo5JLzTotvW3g2LAAAA: Sending packet PING data None
            // EXPECT: heartbeat-timeout
            2026-12-07 14:00:45,200 INFO engineio.server: Lbo5JLzTotvW3g2LAAAA: Client is gone, closing socket
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("ping timeout");
  }
}
