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
}
