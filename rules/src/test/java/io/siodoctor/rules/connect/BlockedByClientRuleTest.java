package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class BlockedByClientRuleTest {
  private static final String HANDSHAKE = "https://app.example.com/socket.io/?EIO=4&transport=polling&t=";
  private final RuleTester tester = RuleTester.of(new BlockedByClientRule());

  @Test
  void extensionBlocksThePollingRequests() {
    // the shape of sample-captures/blocked-by-client--adblock-extension (Chromium 156, MV3 extension)
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/"))
            .entry(get(HANDSHAKE + "P1").failed("net::ERR_BLOCKED_BY_CLIENT").expectEvidence())
            .after(1.2)
            .entry(get(HANDSHAKE + "P2").failed("net::ERR_BLOCKED_BY_CLIENT").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("ERR_BLOCKED_BY_CLIENT").contains("extension");
  }

  @Test
  void enterprisePolicyBlocksThem() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/"))
            .entry(get(HANDSHAKE + "P1").failed("net::ERR_BLOCKED_BY_ADMINISTRATOR").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("administrator");
  }

  @Test
  void consoleLinesNamingTheSocketUrl() {
    tester
        .addLog("console.log", """
            // EXPECT: blocked-by-client
            socket.io.js:1216 GET https://app.example.com/socket.io/?EIO=4&transport=polling&t=cbxui8b0 net::ERR_BLOCKED_BY_CLIENT
            (index):10 connect_error xhr poll error
            analytics.js:1 GET https://www.google-analytics.com/g/collect?v=2 net::ERR_BLOCKED_BY_CLIENT
            // EXPECT: blocked-by-client
            socket.io/?EIO=4&transport=polling&t=cbyb8asx:1 Failed to load resource: net::ERR_BLOCKED_BY_CLIENT
            // EXPECT: blocked-by-client
            socket.io.js:1482 WebSocket connection to 'wss://app.example.com/socket.io/?EIO=4&transport=websocket' failed: Error in connection establishment: net::ERR_BLOCKED_BY_CLIENT
            socket.io.js:1482 WebSocket connection to 'wss://app.example.com/socket.io/?EIO=4&transport=websocket' failed: 
            """)
        .doTest();
  }

  @Test
  void silentWhenOnlyOtherResourcesAreBlocked() {
    tester
        .addHar("fixture.har", HealthySessions.har()
            .entry(get("https://www.google-analytics.com/g/collect?v=2").resourceType("ping")
                .failed("net::ERR_BLOCKED_BY_CLIENT")))
        .addLog("console.log", """
            analytics.js:1 GET https://www.google-analytics.com/g/collect?v=2 net::ERR_BLOCKED_BY_CLIENT
            ads.js:1 Failed to load resource: net::ERR_BLOCKED_BY_CLIENT
            """)
        .doTest();
  }

  @Test
  void silentWhenTheSocketRequestFailsOtherwise() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/"))
            .entry(get(HANDSHAKE + "P1").failed("net::ERR_CONNECTION_REFUSED")))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
