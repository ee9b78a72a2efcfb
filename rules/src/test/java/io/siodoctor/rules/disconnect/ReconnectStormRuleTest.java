package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconnectStormRuleTest {
  private static final String HANDSHAKE = "http://localhost:3000/socket.io/?EIO=4&transport=polling&t=";
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
