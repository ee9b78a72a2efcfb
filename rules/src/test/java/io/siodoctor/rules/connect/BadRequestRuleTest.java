package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class BadRequestRuleTest {
  private static final String SID = "PMiuFAAY-EgyvolFAAAA";

  private final RuleTester tester = RuleTester.of(new BadRequestRule());

  @Test
  void engineMiddlewareRefusesTheHandshake() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1").status(400)
                .mime("application/json").body(engineIoError(3, "Bad request")).expectEvidence()))
        .doTest();
  }

  @Test
  void serverLogsAnInvalidOrigin() {
    tester
        .addLog("server.log", """
            2026-11-25T10:00:00.001Z engine intercepting request for path "/socket.io/"
            // EXPECT: bad-request
            2026-11-25T10:00:00.002Z engine origin header invalid
            """)
        .doTest();
  }

  @Test
  void theBrowsersAnswersAndTheServersLinesAreCountedApart() {
    // one refusal, seen by the browser and printed by the app's connection_error listener
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1").status(400)
                .mime("application/json").body(engineIoError(3, "Bad request")).expectEvidence()))
        .addLog("server.log", """
            2026-11-25T10:00:00.001Z engine handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=P1"
            // EXPECT: bad-request
            2026-11-25T10:00:00.002Z app connection_error code 3 Bad request GET /socket.io/?EIO=4&transport=polling&t=P1
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).isEqualTo(
        "engine.io answered {\"code\":3,\"message\":\"Bad request\"} 1 time(s); the server's log names it 1 time(s)");
  }

  @Test
  void silentWhenTheUpgradeOfASessionLostItsUpgradeHeader() {
    // TRANSPORT_MISMATCH: a proxy dropped Upgrade; that is websocket-upgrade-blocked, not this
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1").body(open(SID, "websocket")))
            .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket&sid=" + SID).status(400)
                .mime("application/json").body(engineIoError(3, "Bad request"))))
        .addLog("server.log", """
            2026-11-25T10:00:00.030Z engine bad request: unexpected transport without upgrade
            2026-11-25T10:00:01.030Z engine invalid transport upgrade
            """)
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
