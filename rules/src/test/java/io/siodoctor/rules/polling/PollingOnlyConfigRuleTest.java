package io.siodoctor.rules.polling;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PollingOnlyConfigRuleTest {
  private static final String SID = "Lbo5JLzTotvW3g2LAAAA";
  private static final String POLLING = "http://localhost:3000/socket.io/?EIO=4&transport=polling";

  private final RuleTester tester = RuleTester.of(new PollingOnlyConfigRule());

  /** Long-polling for a minute: a poll answered by a server PING every 25 s, the PONG POSTed back. */
  private static HarFixture pollsFor(HarFixture har, int cycles) {
    har.entry(post(POLLING + "&t=P2&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=P3&sid=" + SID).body("40{\"sid\":\"BvImfnw-uuIClPFqAAAA\"}"));
    for (int i = 0; i < cycles; i++) {
      har.entry(get(POLLING + "&t=G" + i + "&sid=" + SID).took(25_000).body("2"))
          .entry(post(POLLING + "&t=Q" + i + "&sid=" + SID, "3").body("ok").mime("text/html"));
    }
    return har;
  }

  @Test
  void serverOffersNoUpgrade() {
    HarFixture har = har().entry(document("http://localhost:3000/"))
        .entry(get(POLLING + "&t=P1").body(open(SID)).expectEvidence());
    Finding f = tester.addHar("fixture.har", pollsFor(har, 2)).doTest().orElseThrow();
    assertThat(f.fix()).contains("transports");
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void clientNeverTriesTheOfferedWebSocket() {
    HarFixture har = har().entry(document("http://localhost:3000/"))
        .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")).expectEvidence());
    Finding f = tester.addHar("fixture.har", pollsFor(har, 2)).doTest().orElseThrow();
    assertThat(f.fix()).contains("upgrade: false");
    assertThat(f.confidence()).isLessThan(0.8);
  }

  @Test
  void silentWhereTheExportWritesNoWebSockets() {
    // npm chrome-har drops every WebSocket: the client may have tried the one it was offered (and been
    // refused, or upgraded); polling on is all the HAR can show
    HarFixture har = har().creator("chrome-har").entry(document("http://localhost:3000/"))
        .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")));
    tester.addHar("fixture.har", pollsFor(har, 2)).expectNoFindings().doTest();
  }

  @ParameterizedTest(name = "left aborted: {0}")
  @ValueSource(booleans = {false, true})
  void aPollStillHeldWhenTheCaptureStopsCountsAsPolling(boolean aborted) {
    // the question is how long the capture saw the client polling without trying the WebSocket it
    // was offered (engine.io-client probes right after the open packet): a poll held by the server
    // until the capture stopped (pending) or the page went away (aborted) is that time, although it
    // proves nothing about the session after its start
    HarFixture.Entry held = get(POLLING + "&t=P4&sid=" + SID).took(20_000);
    tester
        .addHar("fixture.har", har().entry(document("http://localhost:3000/"))
            .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")).expectEvidence())
            .entry(post(POLLING + "&t=P2&sid=" + SID, "40").body("ok").mime("text/html"))
            .entry(get(POLLING + "&t=P3&sid=" + SID).body("40{\"sid\":\"BvImfnw-uuIClPFqAAAA\"}"))
            .entry(aborted ? held.failed("net::ERR_ABORTED") : held.status(0)))
        .doTest();
  }

  @Test
  void silentWhenTheCaptureStopsRightAfterTheHandshake() {
    tester
        .addHar("fixture.har", har().entry(document("http://localhost:3000/"))
            .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")))
            .entry(post(POLLING + "&t=P2&sid=" + SID, "40").body("ok").mime("text/html"))
            .entry(get(POLLING + "&t=P3&sid=" + SID).body("40{\"sid\":\"BvImfnw-uuIClPFqAAAA\"}")))
        .doTest();
  }

  @Test
  void silentWhenTheUpgradeWasTriedAndBlocked() {
    HarFixture har = har().entry(document("http://localhost:3000/"))
        .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")))
        .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket&sid=" + SID).status(400));
    tester.addHar("fixture.har", pollsFor(har, 2)).doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  @Test
  void pythonEngineIoWithoutAWebSocketLibrary() {
    Finding f = tester
        .addLog("server.log", """
            // EXPECT: polling-only-config
            2026-12-07 14:00:00,000 WARNING engineio.server: WebSocket transport not available. Install simple-websocket for improved performance.
            2026-12-07 14:00:01,000 INFO engineio.server: Lbo5JLzTotvW3g2LAAAA: Sending packet OPEN data {'sid': 'Lbo5JLzTotvW3g2LAAAA', 'upgrades': [], 'pingTimeout': 20000, 'pingInterval': 25000}
            """)
        .doTest().orElseThrow();
    assertThat(f.fix()).contains("simple-websocket");
  }
}
