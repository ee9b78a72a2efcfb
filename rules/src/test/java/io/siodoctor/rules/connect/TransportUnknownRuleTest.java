package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class TransportUnknownRuleTest {
  private final RuleTester tester = RuleTester.of(new TransportUnknownRule());

  @Test
  void pollingClientAgainstAWebSocketOnlyServer() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1").status(400)
                .mime("application/json").body(engineIoError(0, "Transport unknown")).expectEvidence()))
        .addLog("server.log", """
            2026-11-25T10:00:00.001Z engine handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=P1"
            // EXPECT: transport-unknown
            2026-11-25T10:00:00.002Z engine unknown transport "polling"
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void silentOnAnotherEngineIoErrorCode() {
    tester
        .addHar("fixture.har", har()
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1&sid=abcdefgh12345678")
                .status(400).mime("application/json").body(engineIoError(1, "Session ID unknown"))))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
