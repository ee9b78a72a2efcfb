package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class StickySessionMissingRuleTest {
  private static final String SID = "ssO51L53Emo8zXiyAAAA";
  private static final String POLLING = "http://localhost:8080/socket.io/?EIO=4&transport=polling";
  private static final String UNKNOWN = engineIoError(1, "Session ID unknown");

  private final RuleTester tester = RuleTester.of(new StickySessionMissingRule());

  private static HarFixture handshake() {
    return har()
        .entry(document("http://localhost:8080/"))
        .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")));
  }

  @Test
  void sessionIdUnknownRightAfterTheHandshake() {
    Finding f = tester
        .addHar("fixture.har", handshake()
            .entry(post(POLLING + "&t=P2&sid=" + SID, "40").status(400).mime("application/json")
                .body(UNKNOWN).expectEvidence())
            .entry(get(POLLING + "&t=P3&sid=" + SID).status(400).mime("application/json")
                .body(UNKNOWN).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.sessionIds()).containsExactly(SID);
  }

  @Test
  void unknownSidOnSecondNode() {
    Finding f = tester
        .addLog("node-a.log", """
            2026-11-25T10:00:03.000Z engine handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=P1"
            // EXPECT: sticky-session-missing
            2026-11-25T10:00:03.001Z engine handshaking client "ssO51L53Emo8zXiyAAAA"
            """)
        .addLog("node-b.log", """
            2026-11-25T10:00:03.100Z engine handling "POST" http request "/socket.io/?EIO=4&transport=polling&t=P2&sid=ssO51L53Emo8zXiyAAAA"
            // EXPECT: sticky-session-missing
            2026-11-25T10:00:03.101Z engine unknown sid "ssO51L53Emo8zXiyAAAA"
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThan(0.95);
    assertThat(f.detail()).contains("issued by node-a").contains("rejected by node-b");
    assertThat(f.evidence()).extracting(e -> e.note())
        .contains("sid issued by node-a", "rejected by node-b");
  }

  @Test
  void browserAndBothNodesTellTheSameStory() {
    tester
        .addHar("fixture.har", handshake()
            .entry(post(POLLING + "&t=P2&sid=" + SID, "40").status(400).mime("application/json")
                .body(UNKNOWN).expectEvidence()))
        .addLog("node-a.log", """
            // EXPECT: sticky-session-missing
            2026-11-25T10:00:00.010Z engine handshaking client "ssO51L53Emo8zXiyAAAA"
            """)
        .addLog("node-b.log", """
            // EXPECT: sticky-session-missing
            2026-11-25T10:00:00.030Z engine unknown sid "ssO51L53Emo8zXiyAAAA"
            """)
        .doTest();
  }

  @Test
  void sessionIdUnknownLongAfterTheHandshakeIsLessCertain() {
    // ten minutes later the sid may simply have expired, or the server restarted
    Finding f = tester
        .addHar("fixture.har", handshake()
            .after(600)
            .entry(get(POLLING + "&t=Q9&sid=" + SID).status(400).mime("application/json")
                .body(UNKNOWN).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThanOrEqualTo(0.7);
  }

  @Test
  void silentWhenTheSameNodeForgetsItsOwnSid() {
    // one node, one sid: a restart or an expired session, not a missing affinity
    tester
        .addLog("node-a.log", """
            2026-11-25T10:00:03.001Z engine handshaking client "ssO51L53Emo8zXiyAAAA"
            2026-11-25T10:12:03.101Z engine unknown sid "ssO51L53Emo8zXiyAAAA"
            """)
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
