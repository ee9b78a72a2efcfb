package io.siodoctor.rules.polling;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HarFixture.Entry;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class WebsocketUpgradeBlockedRuleTest {
  private static final String SID = "PMiuFAAY-EgyvolFAAAA";
  private static final String POLLING = "http://localhost:8080/socket.io/?EIO=4&transport=polling";
  private static final String UPGRADE = "ws://localhost:8080/socket.io/?EIO=4&transport=websocket&sid=" + SID;

  private final RuleTester tester = RuleTester.of(new WebsocketUpgradeBlockedRule());

  /** Handshake offering websocket, CONNECT, then the given upgrade attempt, then polling goes on. */
  private static HarFixture upgradeThenPolling(Entry upgrade, String upgrades) {
    HarFixture har = har()
        .entry(document("http://localhost:8080/"))
        .entry(get(POLLING + "&t=P1").body(upgrades == null ? open(SID) : open(SID, upgrades)))
        .entry(post(POLLING + "&t=P2&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=P3&sid=" + SID).body("40{\"sid\":\"SH6xF8hl4qB5kR2gAAAA\"}"));
    if (upgrade != null) {
      har.entry(upgrade);
    }
    for (int i = 1; i <= 3; i++) {
      har.entry(get(POLLING + "&t=G" + i + "&sid=" + SID).took(1480).body("42[\"chat\",\"echo: hello " + i + "\"]"))
          .entry(post(POLLING + "&t=Q" + i + "&sid=" + SID, "42" + i + "[\"chat\",\"hello\"]").body("ok").mime("text/html"));
    }
    return har;
  }

  @Test
  void webSocketRequestFailsAndPollingGoesOn() {
    Finding f = tester
        .addHar("fixture.har", upgradeThenPolling(
            webSocket(UPGRADE).failed("net::ERR_CONNECTION_RESET").expectEvidence(), "websocket"))
        .doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(SID);
    assertThat(f.evidence().get(0).note()).contains("no 101");
  }

  @Test
  void chromeShowsTheRefusedHandshakeAsAnErrorMessage() {
    // Chrome's shape for a 400 to the upgrade: status 0, no _error, an "error" message with the code
    tester
        .addHar("fixture.har", upgradeThenPolling(
            webSocket(UPGRADE).status(0).requestHeader("Origin", "http://localhost:8080").expectEvidence()
                .expectedMessage("error", 0.014, "Error during WebSocket handshake: Unexpected response code: 400"),
            "websocket"))
        .doTest();
  }

  @Test
  void probeNeverAnswered() {
    // the WebSocket opened, but something buffers frames: 2probe goes out, 3probe never comes
    Finding f = tester
        .addHar("fixture.har", upgradeThenPolling(
            webSocket(UPGRADE).expectEvidence().message("send", 0.010, "2probe"), "websocket"))
        .doTest().orElseThrow();
    assertThat(f.evidence().get(0).note()).contains("3probe");
  }

  /** A sanitized HAR (bodies gone: no CONNECT_ERROR, no close packet of its own) whose probe went unanswered. */
  private static HarFixture bodiesLostProbeUnanswered(boolean cited) {
    Entry probe = webSocket(UPGRADE).took(140).message("send", 0.010, "2probe");
    return har()
        .entry(document("http://localhost:8080/"))
        .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")))
        .entry(post(POLLING + "&t=P2&sid=" + SID, "[REDACTED]").body("[REDACTED]").mime("text/html"))
        .entry(cited ? probe.expectEvidence() : probe)
        .entry(get(POLLING + "&t=P3&sid=" + SID).status(400).body("[REDACTED]"));
  }

  @Test
  void silentWhenTheServerLogsTheSessionClosingDuringTheProbe() {
    // engine.io names no sid on the line: the session closed (the client's close packet after a
    // refused CONNECT) while the probe was in flight, so the WebSocket had reached the server
    HarFixture har = bodiesLostProbeUnanswered(false);
    tester
        .addHar("fixture.har", har)
        .addLog("server.log", """
            2026-11-25T10:00:00.000Z engine handshaking client "PMiuFAAY-EgyvolFAAAA"
            2026-11-25T10:00:00.001Z engine:socket sending packet "open" ({"sid":"PMiuFAAY-EgyvolFAAAA","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000})
            2026-11-25T10:00:00.060Z engine:polling got xhr close packet
            2026-11-25T10:00:00.061Z engine:socket client did not complete upgrade - socket closed
            2026-11-25T10:00:00.070Z engine:ws received "2probe"
            """)
        .doTest();
  }

  @Test
  void theUpgradeTimeoutStillCountsBesideTheSameHar() {
    // the same HAR, but the server gave up on the probe itself: nothing closed the session
    HarFixture har = bodiesLostProbeUnanswered(true);
    Finding f = tester
        .addHar("fixture.har", har)
        .addLog("server.log", """
            2026-11-25T10:00:00.000Z engine handshaking client "PMiuFAAY-EgyvolFAAAA"
            2026-11-25T10:00:00.001Z engine:socket sending packet "open" ({"sid":"PMiuFAAY-EgyvolFAAAA","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000})
            // EXPECT: websocket-upgrade-blocked
            2026-11-25T10:00:10.030Z engine:socket client did not complete upgrade - closing transport
            """)
        .doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(SID);
  }

  @Test
  void serverSaysTheUpgradeHeaderWasLost() {
    Finding f = tester
        .addHar("fixture.har", upgradeThenPolling(
            webSocket(UPGRADE).status(400).mime("application/json").body(engineIoError(3, "Bad request"))
                .expectEvidence(), "websocket"))
        .addLog("server.log", """
            2026-11-25T10:00:00.052Z engine handling "GET" http request "/socket.io/?EIO=4&transport=websocket&sid=PMiuFAAY-EgyvolFAAAA"
            // EXPECT: websocket-upgrade-blocked
            2026-11-25T10:00:00.053Z engine bad request: unexpected transport without upgrade
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.detail()).contains("Upgrade header");
  }

  @Test
  void serverLogsAnIncompleteUpgrade() {
    tester
        .addLog("server.log", """
            2026-11-25T10:00:00.050Z engine:socket might upgrade socket transport from "polling" to "websocket"
            // EXPECT: websocket-upgrade-blocked
            2026-11-25T10:00:10.050Z engine:socket client did not complete upgrade - closing transport
            """)
        .doTest();
  }

  @Test
  void silentWhenTheServerOffersNoUpgrade() {
    tester.addHar("fixture.har", upgradeThenPolling(null, null)).doTest();
  }

  @Test
  void silentWhenTheExporterWritesNoFrames() {
    // Firefox and Safari HARs carry no WebSocket messages: a 101 alone proves nothing either way
    tester
        .addHar("fixture.har", upgradeThenPolling(webSocket(UPGRADE), "websocket"))
        .doTest();
  }

  @Test
  void silentWhileTheUpgradeIsStillPending() {
    tester
        .addHar("fixture.har", upgradeThenPolling(webSocket(UPGRADE).status(0), "websocket"))
        .doTest();
  }

  @Test
  void anUnansweredUpgradeWhilePollingGoesOnPastUpgradeTimeout() {
    // an exporter that writes neither status nor error for the refused handshake (no frames at all)
    HarFixture har = upgradeThenPolling(webSocket(UPGRADE).status(0).expectEvidence(), "websocket");
    har.after(12).entry(get(POLLING + "&t=G9&sid=" + SID).body("42[\"chat\",\"still polling\"]"));
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
