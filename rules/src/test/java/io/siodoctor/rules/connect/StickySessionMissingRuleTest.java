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
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
  void aBodiless400AndThePollAcceptedRightAfterIsLessCertain() {
    // a sanitizer replaced the bodies: the "Session ID unknown" is gone, the pattern stays
    Finding f = tester
        .addHar("fixture.har", handshake()
            .entry(get(POLLING + "&t=P2&sid=" + SID).status(400).mime("application/json").body("[REDACTED]")
                .expectEvidence())
            .entry(get(POLLING + "&t=P3&sid=" + SID).body("[REDACTED]").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThanOrEqualTo(0.5);
  }

  @ParameterizedTest(name = "the POST after the 400 carried: {0}")
  @ValueSource(strings = {"1", "[REDACTED]"})
  void aBodiless400FollowedOnlyByAPostThatMayBeTheClientsCloseIsNoEvidence(String sent) {
    // a session that upgraded: its last poll gets 400, and the client's close POST "1" gets "ok" from
    // the same server (auth-rejected--middleware); with the POST's body replaced it may be that close
    tester
        .addHar("fixture.har", handshake()
            .entry(get(POLLING + "&t=P2&sid=" + SID).status(400).mime("application/json").body("[REDACTED]"))
            .entry(post(POLLING + "&t=P3&sid=" + SID, sent).body("ok")))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void aSessionWhoseHandshakeTheCaptureMissedTakesItsServersHeartbeatWindow() {
    // the capture started mid-session; the page then blocked for 6 s, past the 3 s window the same
    // server announced in its next handshake, which had timed the session out
    String other = "Xq2m4bB7yTqL0p1wAAAB";
    var har = har().entry(document("http://localhost:8080/"));
    var t0 = har.clock();
    har.entry(post(POLLING + "&t=Q1&sid=" + SID, "3").at(t0).body("ok"))
        .entry(post(POLLING + "&t=Q2&sid=" + SID, "3").at(t0.plusSeconds(6)).status(400).mime("application/json")
            .body(UNKNOWN))
        .entry(get(POLLING + "&t=Q3").at(t0.plusSeconds(7)).body(open(other, 2000, 1000, -1)));
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
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
    // the client kept answering the heartbeat, so the session was alive ten minutes on; an unknown
    // sid then may be another node, or the server restarted
    HarFixture har = handshake();
    for (int i = 0; i < 20; i++) {
      har.after(30).entry(post(POLLING + "&t=K" + i + "&sid=" + SID, "3").body("ok"));
    }
    Finding f = tester
        .addHar("fixture.har", har.after(1)
            .entry(get(POLLING + "&t=Q9&sid=" + SID).status(400).mime("application/json")
                .body(UNKNOWN).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThanOrEqualTo(0.7);
  }

  @Test
  void silentWhenTheClientSentNothingForLongerThanTheHeartbeatWindow() {
    // ten minutes with nothing from the client: the server's own ping timeout ended the session
    tester
        .addHar("fixture.har", handshake()
            .after(600)
            .entry(get(POLLING + "&t=Q9&sid=" + SID).status(400).mime("application/json").body(UNKNOWN)))
        .doTest();
  }

  @Test
  void silentWhenABlockedPageAnswersThePingAfterTheServerGaveUp() {
    // heartbeat-timeout--blocked-main-thread-polling: pingInterval 2000 + pingTimeout 1000, the
    // page's main thread blocked 5 s; its late PONG and the next poll are unknown to the only server
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(get(POLLING + "&t=P1").body(open(SID, 2000, 1000, 1000000, "websocket")))
            .after(0.05)
            .entry(post(POLLING + "&t=P2&sid=" + SID, "40").body("ok"))
            .after(6.5)
            .entry(post(POLLING + "&t=P3&sid=" + SID, "3").status(400).mime("application/json").body(UNKNOWN))
            .entry(get(POLLING + "&t=P4&sid=" + SID).status(400).mime("application/json").body(UNKNOWN)))
        .doTest();
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

  @Test
  void nettySocketIoAnswersAnUnknownUuidSessionWith500() {
    // netty-socketio issues random UUIDs as sids; a fixed one made from a name keeps the test stable
    String uuid = UUID.nameUUIDFromBytes("netty-session".getBytes(StandardCharsets.UTF_8)).toString();
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(get(POLLING + "&t=P1").body(open(uuid, "websocket")).mime("text/plain"))
            .entry(post(POLLING + "&t=P2&sid=" + uuid, "40").status(500).body("").error("net::ERR_FAILED").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(uuid);
  }

  @Test
  void a500ForAnEngineIoSidIsNotNettysUnknownSession() {
    assertThat(tester
        .addHar("fixture.har", handshake()
            .entry(post(POLLING + "&t=P2&sid=" + SID, "40").status(500).body("Internal Server Error")))
        .doTest()).isEmpty();
  }

  @Test
  void pythonAndNettyNodesTellTheStory() {
    Finding f = tester
        .addLog("worker-a.log", """
            // EXPECT: sticky-session-missing
            2026-12-07 14:07:01,100 INFO engineio.server: G9s3jCEvAz4w-uDVAAAB: Sending packet OPEN data {'sid': 'G9s3jCEvAz4w-uDVAAAB', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}
            """)
        .addLog("worker-b.log", """
            // EXPECT: sticky-session-missing
            2026-12-07 14:07:01,130 ERROR engineio.server: Invalid session G9s3jCEvAz4w-uDVAAAB (further occurrences of this error will be logged with level INFO)
            """)
        .addLog("node-a.log", """
            // EXPECT: sticky-session-missing
            2026-12-07T14:10:50.010Z [nioEventLoopGroup-3-2] DEBUG com.corundumstudio.socketio.handler.AuthorizeHandler - Handshake authorized for sessionId: a815af83-667b-4087-bec0-ca393e00573f, query params: {EIO=[4]} headers: {}
            """)
        .addLog("node-b.log", """
            // EXPECT: sticky-session-missing
            2026-12-07T14:10:50.040Z [nioEventLoopGroup-3-1] DEBUG com.corundumstudio.socketio.transport.PollingTransport - a815af83-667b-4087-bec0-ca393e00573f is not registered. Closing connection
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("issued by worker-a").contains("rejected by node-b");
  }
}
