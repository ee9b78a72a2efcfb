package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
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

class PayloadTooLargeRuleTest {
  private static final String SID = "Lbo5JLzTotvW3g2LAAAA";
  private static final String POLLING = "http://localhost:3000/socket.io/?EIO=4&transport=polling";
  /** A Socket.IO event of about 1.2 MB: above engine.io's default maxHttpBufferSize of 1 MB. */
  private static final String BIG_EVENT = "42[\"upload\",\"" + "x".repeat(1_200_000) + "\"]";

  private final RuleTester tester = RuleTester.of(new PayloadTooLargeRule());

  /** A polling-only session (the server offers no upgrade), connected. */
  private static HarFixture pollingSession(String open) {
    return har()
        .entry(document("http://localhost:3000/"))
        .entry(get(POLLING + "&t=P1").body(open))
        .entry(post(POLLING + "&t=P2&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=P3&sid=" + SID).body("40{\"sid\":\"BvImfnw-uuIClPFqAAAA\"}"));
  }

  /** A polling session whose handshake announces no maxPayload, then a POST of {@code event} that failed. */
  private static HarFixture failedPostWithoutAnnouncedLimit(String event, String chromeError, boolean evidence) {
    HarFixture.Entry post = post(POLLING + "&t=P4&sid=" + SID, event).failed(chromeError);
    return pollingSession(open(SID, 25000, 20000, -1)).after(2).entry(evidence ? post.expectEvidence() : post);
  }

  @Test
  void postAnswered413() {
    Finding f = tester
        .addHar("fixture.har", pollingSession(open(SID))
            .after(2)
            .entry(post(POLLING + "&t=P4&sid=" + SID, BIG_EVENT).status(413).mime("text/html").body("")
                .expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("1,000,000");
    assertThat(f.fix()).contains("maxHttpBufferSize");
    assertThat(f.sessionIds()).containsExactly(SID);
  }

  @Test
  void pythonEngineIoAnswers400BadRequestToAPostAboveItsLimit() {
    // python-engineio checks Content-Length against max_http_buffer_size and raises
    // ContentTooLongError: 400 "Bad Request"; before 4.11 its handshake has no maxPayload
    Finding f = tester
        .addHar("fixture.har", pollingSession(open(SID, 25000, 20000, -1))
            .after(1)
            .entry(post(POLLING + "&t=P4&sid=" + SID, BIG_EVENT).status(400).mime("text/plain")
                .body("\"Bad Request\"").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.evidence().get(0).note()).contains("400 Bad Request");
    assertThat(f.fix()).contains("max_http_buffer_size=10**7");
    assertThat(f.sessionIds()).containsExactly(SID);
  }

  @Test
  void silentWhenA400BadRequestAnswersAPostBelowTheLimit() {
    // the same answer python-engineio gives to a packet it cannot decode: not about size
    tester
        .addHar("fixture.har", pollingSession(open(SID, 25000, 20000, -1))
            .after(1)
            .entry(post(POLLING + "&t=P4&sid=" + SID, "42[\"chat\",\"hi\"]").status(400).mime("text/plain")
                .body("\"Bad Request\"")))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void silentWhenAHugePostIsAnsweredSessionUnknown() {
    // the session was gone (a restart): the server refused the sid, not the body
    tester
        .addHar("fixture.har", pollingSession(open(SID, 25000, 20000, -1))
            .after(1)
            .entry(post(POLLING + "&t=P4&sid=" + SID, BIG_EVENT).status(400).mime("text/plain")
                .body("\"Invalid session " + SID + "\"")))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void olderServerResetsTheConnectionOnAHugePost() {
    // engine.io before 6.2 destroys the socket; its handshake has no maxPayload, the limit is 1 MB
    tester.addHar("fixture.har", failedPostWithoutAnnouncedLimit(BIG_EVENT, "net::ERR_CONNECTION_RESET", true)).doTest();
  }

  @Test
  void webSocketFrameAboveMaxPayloadFollowedBySilence() {
    HarFixture har = har().entry(document("http://localhost:3000/"));
    HealthySessions.v4(SID).pings(1).expectedFrame("send", 31.0, BIG_EVENT).appendTo(har);
    har.after(2);
    HealthySessions.v4("Xq2m4bB7yTqL0p1wAAAB").appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.evidence().get(0).note()).contains("1,000,000");
  }

  @Test
  void nginxRefusesTheBody() {
    tester
        .addLog("error.log", """
            // EXPECT: payload-too-large
            2026/11/25 10:00:05 [error] 29#29: *3 client intended to send too large body: 1200013 bytes, client: 127.0.0.1, server: localhost, request: "POST /socket.io/?EIO=4&transport=polling&t=P4&sid=Lbo5JLzTotvW3g2LAAAA HTTP/1.1", host: "localhost:8080", referrer: "http://localhost:8080/"
            """)
        .doTest();
  }

  @Test
  void silentWhenTheServerAnsweredAfterTheBigFrame() {
    HarFixture har = har().entry(document("http://localhost:3000/"));
    HealthySessions.v4(SID).pings(2)
        .frame("send", 31.0, "421" + BIG_EVENT.substring(2))
        .frame("receive", 31.4, "431[{\"ok\":true}]")
        .appendTo(har);
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void silentWhenTheHandshakeAnnouncesAHigherLimit() {
    HarFixture har = har().entry(document("http://localhost:3000/"));
    HealthySessions.v4(SID).maxPayload(100_000_000).pings(1).frame("send", 31.0, BIG_EVENT).appendTo(har);
    har.after(2);
    HealthySessions.v4("Xq2m4bB7yTqL0p1wAAAB").appendTo(har);
    tester.addHar("fixture.har", har).doTest();
  }

  /** An event of about 200 kB: under engine.io's 1 MB, above netty-socketio's 64 KiB default. */
  private static final String MID_EVENT = "42[\"upload\",\"" + "x".repeat(200_000) + "\"]";

  /** A session with no limit announced sends MID_EVENT, then the client starts a new one. */
  private static HarFixture midFrameThenANewSession() {
    HarFixture har = har().entry(document("http://localhost:3000/"));
    HealthySessions.v4(SID).maxPayload(-1).pings(1).expectedFrame("send", 31.0, MID_EVENT).appendTo(har);
    har.after(2);
    HealthySessions.v4("Xq2m4bB7yTqL0p1wAAAB").maxPayload(-1).appendTo(har);
    return har;
  }

  @Test
  void frameAboveSixtyFourKibWhenNoLimitIsAnnouncedAndTheClientStartsOver() {
    // netty-socketio's handshake has no maxPayload; its default maxFramePayloadLength is 64 KiB
    Finding f = tester.addHar("fixture.har", midFrameThenANewSession()).doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.9);
    assertThat(f.detail()).contains("65,536").contains("no limit announced");
    assertThat(f.fix()).contains("setMaxFramePayloadLength").startsWith("Raise the limit");
  }

  @Test
  void theFixLeadsWithNettysSettingsWhenTheServerIsNettySocketIo() {
    // the server's own log says which server it is
    Finding f = tester.addHar("fixture.har", midFrameThenANewSession())
        .addLog("server.log", """
            2026-12-08T01:47:04.482Z [nioEventLoopGroup-2-1] INFO com.corundumstudio.socketio.SocketIOServer - SocketIO server started at port: 41139
            """)
        .doTest().orElseThrow();
    assertThat(f.fix()).startsWith("Raise netty-socketio's limits").contains("config.setMaxFramePayloadLength(")
        .contains("maxHttpBufferSize");
  }

  @Test
  void silentOnAFrameAboveSixtyFourKibWhenTheSessionDidNotEnd() {
    // nothing after the frame, but no new session either: the capture may simply have stopped
    HarFixture har = har().entry(document("http://localhost:3000/"));
    HealthySessions.v4(SID).maxPayload(-1).pings(1).frame("send", 31.0, MID_EVENT).appendTo(har);
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void silentOnAFrameAboveSixtyFourKibWhenTheHandshakeAnnouncesOneMegabyte() {
    HarFixture har = har().entry(document("http://localhost:3000/"));
    HealthySessions.v4(SID).pings(1).frame("send", 31.0, MID_EVENT).appendTo(har);
    har.after(2);
    HealthySessions.v4("Xq2m4bB7yTqL0p1wAAAB").appendTo(har);
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void postAboveSixtyFourKibDroppedWithoutAnswerWhenNoLimitIsAnnounced() {
    // netty-socketio's HttpObjectAggregator closes the connection: Chrome's ERR_EMPTY_RESPONSE
    tester.addHar("fixture.har", failedPostWithoutAnnouncedLimit(MID_EVENT, "net::ERR_EMPTY_RESPONSE", true)).doTest();
  }

  @Test
  void silentOnAPostAboveSixtyFourKibLostToTheUsersNetwork() {
    tester.addHar("fixture.har", failedPostWithoutAnnouncedLimit(MID_EVENT, "net::ERR_NETWORK_CHANGED", false)).doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
