package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.post;

import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class BadHandshakeMethodRuleTest {
  private final RuleTester tester = RuleTester.of(new BadHandshakeMethodRule());

  @Test
  void postWithoutSidIsRefused() {
    // a proxy lost the sid of a POST: without sid, engine.io takes it for a handshake
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(post("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P2", "40").status(400)
                .mime("application/json").body(engineIoError(2, "Bad handshake method")).expectEvidence()))
        .doTest();
  }

  @Test
  void silentOnAnotherEngineIoErrorCode() {
    tester
        .addHar("fixture.har", har()
            .entry(post("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P2", "40").status(400)
                .mime("application/json").body(engineIoError(3, "Bad request"))))
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
            // EXPECT: bad-handshake-method
            2026-11-26T03:24:02.865Z app connection_error code 2 Bad handshake method /socket.io/?EIO=4&transport=polling&t=P1
            2026-11-26T03:24:04.872Z engine handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=P2"
            // EXPECT: bad-handshake-method
            Bad handshake method
            """)
        .doTest();
  }
}
