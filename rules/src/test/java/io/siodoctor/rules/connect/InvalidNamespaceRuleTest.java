package io.siodoctor.rules.connect;

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

class InvalidNamespaceRuleTest {
  private static final String SID = "Lbo5JLzTotvW3g2LAAAA";
  private static final String V4 = "http://localhost:3000/socket.io/?EIO=4&transport=polling";

  private final RuleTester tester = RuleTester.of(new InvalidNamespaceRule());

  private static HarFixture joins(String connect) {
    return har()
        .entry(document("http://localhost:3000/"))
        .entry(get(V4 + "&t=P1").body(open(SID, "websocket")))
        .entry(post(V4 + "&t=P2&sid=" + SID, connect).body("ok").mime("text/html"));
  }

  @Test
  void urlPathTakenForANamespace() {
    // io("http://localhost:3000/my-path") joins namespace /my-path over /socket.io/
    Finding f = tester
        .addHar("fixture.har", joins("40/my-path,")
            .entry(get(V4 + "&t=P3&sid=" + SID).body("44/my-path,{\"message\":\"Invalid namespace\"}")
                .expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("/my-path");
    assertThat(f.fix()).contains("path: \"/my-path/socket.io/\"");
    assertThat(f.sessionIds()).containsExactly(SID);
  }

  @Test
  void refusedOverWebSocket() {
    tester
        .addHar("fixture.har", har()
            .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket")
                .message("receive", 0.004, open(SID))
                .message("send", 0.006, "40/admin,")
                .expectedMessage("receive", 0.008, "44/admin,{\"message\":\"Invalid namespace\"}")))
        .doTest();
  }

  @Test
  void serverLogsTheDeniedNamespace() {
    Finding f = tester
        .addLog("server.log", """
            2026-11-25T10:00:00.020Z socket.io:client connecting to namespace /admin
            // EXPECT: invalid-namespace
            2026-11-25T10:00:00.021Z socket.io:client creation of namespace /admin was denied
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("/admin");
  }

  @Test
  void silentOnAMiddlewareRefusal() {
    tester
        .addHar("fixture.har", joins("40")
            .entry(get(V4 + "&t=P3&sid=" + SID).body("44{\"message\":\"not authorized\"}")))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
