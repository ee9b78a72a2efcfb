package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.lengthPrefixed;
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

  /** python-socketio 5's answer to {@code io("/admin")} when nothing handles /admin (the evidence). */
  private static HarFixture pythonRefusesAdmin() {
    return joins("40/admin,")
        .entry(get(V4 + "&t=P3&sid=" + SID).body("44/admin,\"Unable to connect\"").expectEvidence());
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
  void pythonSocketIoRefusesANamespaceWithoutHandlersWithABareString() {
    // python-socketio 5 (sample-captures/invalid-namespace--python-unknown-namespace): protocol v5,
    // yet the library's own refusal is a JSON string, never an application's {"message": ...}
    Finding f = tester
        .addHar("fixture.har", pythonRefusesAdmin())
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("/admin");
    assertThat(f.fix()).contains("io.of(\"/admin\")");
  }

  @Test
  void nettySocketIoRefusesAnUnknownNamespaceWithABareString() {
    // netty-socketio 2.0 (InPacketHandler; sample-captures/invalid-namespace--netty-unknown-namespace)
    // sends the JSON string "Invalid namespace"; its fix is addNamespace, it has no io.of()
    Finding f = tester
        .addHar("fixture.har", joins("40/admin,")
            .entry(get(V4 + "&t=P3&sid=" + SID).responseHeader("Server", "netty-socketio/2.0.13")
                .body("44/admin,\"Invalid namespace\"").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("/admin");
    assertThat(f.fix()).contains("server.addNamespace(\"/admin\")").doesNotContain("io.of(");
  }

  @Test
  void whateverTheLibrarysWords() {
    // the packet's form decides, not its text
    tester
        .addHar("fixture.har", har()
            .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket")
                .message("receive", 0.004, open(SID))
                .message("send", 0.006, "40/chat,")
                .expectedMessage("receive", 0.008, "44/chat,\"no such room\"")))
        .doTest().orElseThrow();
  }

  @Test
  void aBareStringOfAV2ServerIsAnApplicationsRefusal() {
    // protocol v4 (Engine.IO 3): every CONNECT_ERROR ("ERROR") is a string, a middleware's too
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=3&transport=polling&t=Nbmcd-u")
                .body(lengthPrefixed(open(SID, 25000, 5000, -1, "websocket"), "40", "44/admin,\"not authorized\""))))
        .doTest();
  }

  @Test
  void aBareStringForTheMainNamespaceIsNoMissingNamespace() {
    // the main namespace always exists: a string refusal of "/" is an application's
    tester
        .addHar("fixture.har", joins("40")
            .entry(get(V4 + "&t=P3&sid=" + SID).body("44\"not authorized\"")))
        .doTest();
  }

  @Test
  void pythonServerLogBesideTheHarOfItsSession() {
    // the session's requests say EIO=4: protocol v5, so the logged bare string is the library's refusal
    Finding f = tester
        .addHar("fixture.har", pythonRefusesAdmin())
        .addLog("server.log", """
            2026-12-07 23:20:13,304 INFO engineio.server: Lbo5JLzTotvW3g2LAAAA: Sending packet OPEN data {'sid': 'Lbo5JLzTotvW3g2LAAAA', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}
            2026-12-07 23:20:13,329 INFO engineio.server: Lbo5JLzTotvW3g2LAAAA: Received packet MESSAGE data 0/admin,
            // EXPECT: invalid-namespace
            2026-12-07 23:20:13,329 INFO engineio.server: Lbo5JLzTotvW3g2LAAAA: Sending packet MESSAGE data 4/admin,"Unable to connect"
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("/admin");
    assertThat(f.sessionIds()).containsExactly(SID);
  }

  @Test
  void pythonServerLogBesideAProxysAccessLog() {
    // the proxy's access lines of the same sid say EIO=4: protocol v5
    tester
        .addLog("server.log", """
            // EXPECT: invalid-namespace
            2026-12-07 23:20:13,329 INFO engineio.server: T5Gz_R0D4hTEK9TfAAAA: Sending packet MESSAGE data 4/admin,"Unable to connect"
            """)
        .addLog("access.log", """
            127.0.0.1 - - [07/Dec/2026:23:20:13 +0000] "POST /socket.io/?EIO=4&transport=polling&t=w83r2eeg&sid=T5Gz_R0D4hTEK9TfAAAA HTTP/1.1" 200 2 "http://127.0.0.1:8080/" "Mozilla/5.0"
            """)
        .doTest().orElseThrow();
  }

  @Test
  void pythonServerLogWithoutAnyRevisionDecidesNothing() {
    // python-socketio 4 (protocol v4) sent a ConnectionRefusedError("...") as a bare string too, and
    // nothing in this log says which protocol the session spoke
    tester
        .addLog("server.log", """
            2026-12-07 23:20:13,329 INFO engineio.server: T5Gz_R0D4hTEK9TfAAAA: Sending packet MESSAGE data 4/admin,"Unable to connect"
            """)
        .expectNoFindings()
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
