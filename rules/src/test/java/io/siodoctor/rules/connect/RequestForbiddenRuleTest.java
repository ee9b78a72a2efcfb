package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;

import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RequestForbiddenRuleTest {
  private static final String HANDSHAKE = "http://localhost:3000/socket.io/?EIO=4&transport=polling&t=";

  private final RuleTester tester = RuleTester.of(new RequestForbiddenRule());

  @Test
  void allowRequestSaidNo() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get(HANDSHAKE + "P1").status(403).mime("application/json")
                .body(engineIoError(4, "Forbidden")).expectEvidence()))
        .doTest();
  }

  @Test
  void allowRequestWithItsOwnMessage() {
    tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").status(403).mime("application/json")
                .body(engineIoError(4, "origin not in allow list")).expectEvidence()))
        .doTest();
  }

  @Test
  void silentOnAFirewall403() {
    tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").status(403).mime("text/html")
                .body("<html><head><title>403 Forbidden</title></head><body><h1>Access denied</h1></body></html>")))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  @Test
  void theServerLogsConnectionErrorListenerLinesAlone() {
    // engine.io logs this refusal in no debug namespace: the application's listener prints it
    tester
        .addLog("server.log", """
            2026-11-26T03:24:02.864Z engine handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=P1"
            // EXPECT: request-forbidden
            2026-11-26T03:24:02.865Z app connection_error code 4 Forbidden /socket.io/?EIO=4&transport=polling&t=P1
            2026-11-26T03:24:04.872Z engine handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=P2"
            // EXPECT: request-forbidden
            Forbidden
            """)
        .doTest();
  }
}
