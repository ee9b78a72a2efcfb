package io.siodoctor.rules.polling;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class WebsocketOnlyNoFallbackRuleTest {
  private static final String WS = "ws://localhost:8080/socket.io/?EIO=4&transport=websocket";

  private final RuleTester tester = RuleTester.of(new WebsocketOnlyNoFallbackRule());

  @Test
  void everyWebSocketRefusedAndNoPollingTried() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(webSocket(WS).status(400).mime("text/html").body("Bad request").expectEvidence())
            .after(1.1)
            .entry(webSocket(WS).status(400).mime("text/html").body("Bad request").expectEvidence())
            .after(2.3)
            .entry(webSocket(WS).status(400).mime("text/html").body("Bad request").expectEvidence()))
        .doTest();
  }

  @Test
  void chromeRecordsTheFailedHandshakeAsAnErrorMessage() {
    // Chrome's shape: status 0, no _error, and its own "error" message in _webSocketMessages
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(webSocket(WS).status(0).expectEvidence()
                .expectedMessage("error", 0.014, "Error during WebSocket handshake: Unexpected response code: 400"))
            .after(1.2)
            .entry(webSocket(WS).status(0).expectEvidence()
                .expectedMessage("error", 0.011, "Error during WebSocket handshake: Unexpected response code: 400")))
        .doTest().orElseThrow();
    // two attempts, each cited with its error message: the detail counts attempts, not evidence
    assertThat(f.detail()).startsWith("2 WebSocket attempt(s)");
  }

  @Test
  void silentWhenAWebSocketOpens() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(webSocket(WS).failed("net::ERR_CONNECTION_RESET"))
            .after(1.1)
            .entry(webSocket(WS)
                .message("receive", 0.004, open("Wk3n2pQ0r8sVvC1AAAAB"))
                .message("send", 0.006, "40")
                .message("receive", 0.009, "40{\"sid\":\"p8ArbS6uK3GeGQjqAAAC\"}")))
        .doTest();
  }

  @Test
  void silentWhileTheOnlyWebSocketIsStillPending() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(webSocket(WS).status(0)))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  /** Apache's access log (combined + %D) of a websocket-only client behind a proxy that drops the Upgrade. */
  private static final String APACHE_REFUSED = """
      127.0.0.1 - - [08/Dec/2026:02:29:59 +0000] "GET / HTTP/1.1" 200 1141 "-" "Mozilla/5.0" 3302
      // EXPECT: websocket-only-no-fallback
      127.0.0.1 - - [08/Dec/2026:02:29:59 +0000] "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1" 400 34 "-" "Mozilla/5.0" 2210
      // EXPECT: websocket-only-no-fallback
      127.0.0.1 - - [08/Dec/2026:02:30:00 +0000] "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1" 400 34 "-" "Mozilla/5.0" 1911
      // EXPECT: websocket-only-no-fallback
      127.0.0.1 - - [08/Dec/2026:02:30:02 +0000] "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1" 400 34 "-" "Mozilla/5.0" 1750
      """;

  @Test
  void aProxyLogOfRefusedSessionOpeningWebSocketsAndNoPoll() {
    Finding f = tester.addLog("access.log", APACHE_REFUSED).doTest().orElseThrow();
    assertThat(f.detail()).startsWith("3 logged WebSocket attempt(s)");
  }

  @Test
  void theServersRequestLogCountsOnceBesideTheProxyLog() {
    // engine.io's debug log holds the same requests: three attempts, not six; the server's reason
    // (no Upgrade header) is cited
    Finding f = tester
        .addLog("access.log", APACHE_REFUSED)
        .addLog("server.log", """
            2026-12-08T02:29:59.421Z engine handling "GET" http request "/socket.io/?EIO=4&transport=websocket"
            // EXPECT: websocket-only-no-fallback
            2026-12-08T02:29:59.421Z engine invalid transport upgrade
            2026-12-08T02:30:00.319Z engine handling "GET" http request "/socket.io/?EIO=4&transport=websocket"
            // EXPECT: websocket-only-no-fallback
            2026-12-08T02:30:00.319Z engine invalid transport upgrade
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).startsWith("3 logged WebSocket attempt(s)");
  }

  @Test
  void silentWhenTheLogsHoldAPoll() {
    tester.addLog("access.log", APACHE_REFUSED.replace("GET / HTTP/1.1\" 200",
        "GET /socket.io/?EIO=4&transport=polling&t=x1 HTTP/1.1\" 200")).expectNoFindings().doTest();
  }

  @Test
  void silentWhenALoggedWebSocketWasAccepted() {
    tester.addLog("access.log", APACHE_REFUSED
        + "127.0.0.1 - - [08/Dec/2026:02:30:06 +0000] \"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\" 101 - \"-\" \"Mozilla/5.0\" 7912345\n")
        .expectNoFindings().doTest();
  }

  @Test
  void silentOnASingleLoggedAttempt() {
    // one refused WebSocket may still be followed by the fallback, after the log ends
    tester.addLog("access.log", """
        127.0.0.1 - - [08/Dec/2026:02:29:59 +0000] "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1" 400 34 "-" "Mozilla/5.0" 2210
        """).expectNoFindings().doTest();
  }

  @Test
  void silentWhenTheServerLogShowsASessionOpening() {
    tester.addLog("server.log", """
        2026-12-08T02:29:59.421Z engine handling "GET" http request "/socket.io/?EIO=4&transport=websocket"
        2026-12-08T02:30:00.319Z engine handling "GET" http request "/socket.io/?EIO=4&transport=websocket"
        2026-12-08T02:30:00.320Z engine handshaking client "p8ArbS6uK3GeGQjqAAAC"
        """).expectNoFindings().doTest();
  }
}
