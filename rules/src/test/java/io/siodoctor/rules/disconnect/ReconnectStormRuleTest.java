package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.post;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReconnectStormRuleTest {
  private static final String HANDSHAKE = "http://localhost:3000/socket.io/?EIO=4&transport=polling&t=";
  private static final String POLL = "http://localhost:3000/socket.io/?EIO=4&transport=polling&sid=";
  private static final String WEBSOCKET = "ws://localhost:3000/socket.io/?EIO=4&transport=websocket&sid=";
  private static final String UA = "\"Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0\"";

  private final RuleTester tester = RuleTester.of(new ReconnectStormRule());

  private static HarFixture page() {
    return har().entry(document(HealthySessions.ORIGIN + "/"));
  }

  /** Handshakes answered 503, {@code seconds[i]} after the page loaded. */
  private static HarFixture failingHandshakesAt(boolean mark, double... seconds) {
    HarFixture har = page();
    Instant t0 = har.clock();
    for (int i = 0; i < seconds.length; i++) {
      var e = get(HANDSHAKE + "R" + i).at(t0.plusMillis(Math.round(seconds[i] * 1000))).status(503)
          .mime("text/html").body("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
      har.entry(mark ? e.expectEvidence() : e);
    }
    return har;
  }

  @Test
  void handshakesInATightLoop() {
    HarFixture har = page();
    Instant t0 = har.clock();
    double[] seconds = {0.1, 1.2, 2.9, 4.1, 5.6, 7.0, 8.8};
    for (int i = 0; i < seconds.length; i++) {
      har.entry(get(HANDSHAKE + "R" + i).at(t0.plusMillis(Math.round(seconds[i] * 1000))).status(200)
          .mime("text/plain").body("0{\"sid\":\"storm" + i + "\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
              + "\"pingTimeout\":20000,\"maxPayload\":1000000}").expectEvidence());
    }
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.detail()).contains("7 handshakes");
  }

  @Test
  void handshakesInSafarisExportMayEachFollowAFailureItLeftOut() {
    // Safari's Web Inspector writes only requests that completed: a client retrying after refused
    // polls shows as answered handshakes alone, the same as a storm of healthy ones
    HarFixture har = page().creator("WebKit Web Inspector");
    Instant t0 = har.clock();
    double[] seconds = {0.1, 1.2, 2.9, 4.1, 5.6, 7.0, 8.8};
    for (int i = 0; i < seconds.length; i++) {
      har.entry(get(HANDSHAKE + "R" + i).at(t0.plusMillis(Math.round(seconds[i] * 1000))).status(200)
          .mime("text/plain").body("0{\"sid\":\"storm" + i + "\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
              + "\"pingTimeout\":20000,\"maxPayload\":1000000}"));
    }
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
  }

  @Test
  void handshakesRetriedAfterEachFailureAreAConsequenceNotAStorm() {
    // every attempt answered 503: the reconnects point to whatever answers 503, not to the client
    assertThat(tester.addHar("fixture.har", failingHandshakesAt(false, 0.1, 1.2, 2.9, 4.1, 5.6, 7.0, 8.8))
        .doTest()).isEmpty();
  }

  @Test
  void accessLogShowsOneClientHammering() {
    StringBuilder log = new StringBuilder();
    for (int s = 0; s < 6; s++) {
      log.append("// EXPECT: reconnect-storm\n");
      log.append("203.0.113.7 - - [25/Nov/2026:10:00:0").append(s)
          .append(" +0000] \"GET /socket.io/?EIO=4&transport=polling&t=R").append(s)
          .append(" HTTP/1.1\" 200 118 \"-\" ").append(UA).append('\n');
    }
    log.append("198.51.100.2 - - [25/Nov/2026:10:00:07 +0000] \"GET /socket.io/?EIO=4&transport=polling&t=X1 HTTP/1.1\" 200 118 \"-\" ")
        .append(UA).append('\n');
    tester.addLog("access.log", log.toString()).doTest();
  }

  @Test
  void severalSessionsOfOnePageAliveAtOnce() {
    // a socket created per render and never closed
    HarFixture har = page();
    Instant t0 = har.clock();
    for (int i = 0; i < 3; i++) {
      har.at(t0.plusSeconds(3L * i));
      HealthySessions.v4("mount" + i + "Sess0n5xYzAAAAAA").pings(3).expectHandshake().appendTo(har);
    }
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.detail()).contains("3 sessions");
  }

  @Test
  void concurrentSessionsOpenedFarApartAreAllCited() {
    HarFixture har = page();
    Instant t0 = har.clock();
    for (int i = 0; i < 3; i++) {
      har.at(t0.plusSeconds(15L * i));
      HealthySessions.v4("mount" + i + "Sess0n5xYzAAAAAA").pings(4).expectHandshake().appendTo(har);
    }
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void concurrentSessionsKnownOnlyFromTheirWebSocketsAreCitedByThem() {
    // exported without response bodies: the open packets are gone, each sid shows only in the
    // URLs of its requests; the upgraded WebSockets carry frames, so the sessions worked together
    HarFixture har = page();
    Instant t0 = har.clock();
    for (int i = 0; i < 3; i++) {
      String sid = "mount" + i + "Sess0n5xYzAAAAAA";
      Instant start = t0.plusSeconds(3L * i);
      har.entry(get(HANDSHAKE + "B" + i).at(start).body(""));
      har.entry(webSocket(WEBSOCKET + sid).at(start.plusMillis(45)).took(9.5)
          .message("send", 0.010, "2probe").message("receive", 0.014, "3probe").message("send", 0.020, "5")
          .message("receive", 25, "2").message("send", 25.002, "3").expectEvidence());
    }
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.detail()).contains("3 sessions");
    assertThat(f.sessionIds()).hasSize(3);
  }

  @ParameterizedTest(name = "bodies recorded: {0}")
  @ValueSource(booleans = {true, false})
  void sessionsRefusedOneAfterAnotherAreNotAliveTogetherThroughTheirPendingPolls(boolean bodies) {
    // no sticky sessions: each session's requests reach the other worker (400), the client closes it
    // and opens the next; the poll each one left pending is only cut when the page goes away, so
    // the pending polls overlap although the sessions never did
    HarFixture har = page();
    Instant t0 = har.clock();
    Instant unload = t0.plusSeconds(12);
    for (int i = 0; i < 4; i++) {
      String sid = "refused" + i + "Sess0n5xYzAAAA";
      Instant start = t0.plusSeconds(2L * i);
      har.entry(get(HANDSHAKE + "S" + i).at(start).body(bodies ? HarFixture.open(sid, "websocket") : ""));
      har.entry(post(POLL + sid, "40").at(start.plusMillis(20)).status(400)
          .body(bodies ? "\"Invalid session " + sid + "\"" : ""));
      har.entry(get(POLL + sid).at(start.plusMillis(22)).status(0).body("")
          .took(Duration.between(start.plusMillis(22), unload).toMillis()));
      har.entry(webSocket(WEBSOCKET + sid).at(start.plusMillis(25)).status(0)
          .message("error", 0.030, "Error during WebSocket handshake: Unexpected response code: 400"));
      har.entry(post(POLL + sid, "1").at(start.plusMillis(40)).body(bodies ? "OK" : ""));
    }
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void silentOnFiveQuickRetries() {
    tester.addHar("fixture.har", failingHandshakesAt(false, 0.1, 1.2, 2.9, 4.1, 5.6)).doTest();
  }

  @Test
  void silentOnExponentialBackoff() {
    // socket.io-client's default backoff: 1 s, 2 s, 4 s, then 5 s
    tester.addHar("fixture.har", failingHandshakesAt(false, 0, 1, 3, 7, 12, 17, 22, 27)).doTest();
  }

  @Test
  void silentOnSessionsThatFollowOneAnother() {
    tester
        .addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, false, 40.0, 95.0, 61.0))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
