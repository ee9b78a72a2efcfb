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
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerRestartRuleTest {
  private final RuleTester tester = RuleTester.of(new ServerRestartRule());

  private static HarFixture page() {
    return har().entry(document(HealthySessions.ORIGIN + "/"));
  }

  @Test
  void serverLogsShuttingDown() {
    Finding f = tester
        .addLog("server.log", """
            2026-11-25T10:05:00.000Z app received SIGTERM, closing
            // EXPECT: server-restart
            2026-11-25T10:05:00.001Z socket.io:socket closing socket - reason server shutting down
            // EXPECT: server-restart
            2026-11-25T10:05:00.002Z socket.io:socket closing socket - reason server shutting down
            // EXPECT: server-restart
            2026-11-25T10:05:00.002Z socket.io:socket closing socket - reason server shutting down
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void manyClientsDropAtOnceThenComeBack() {
    // the server saw its clients' transports close within a second, then a wave of handshakes
    Finding f = tester
        .addLog("server.log", """
            2026-11-25T10:04:40.000Z engine handshaking client "Lbo5JLzTotvW3g2LAAAA"
            // EXPECT: server-restart
            2026-11-25T10:05:00.001Z socket.io:client client close with reason transport close
            // EXPECT: server-restart
            2026-11-25T10:05:00.402Z socket.io:client client close with reason transport close
            // EXPECT: server-restart
            2026-11-25T10:05:00.853Z socket.io:client client close with reason transport close
            // EXPECT: server-restart
            2026-11-25T10:05:01.204Z socket.io:client client close with reason transport close
            // EXPECT: server-restart
            2026-11-25T10:05:01.655Z socket.io:client client close with reason transport close
            2026-11-25T10:05:04.120Z engine handshaking client "Xq2m4bB7yTqL0p1wAAAB"
            2026-11-25T10:05:04.410Z engine handshaking client "Wk3n2pQ0r8sVvC1AAAAB"
            2026-11-25T10:05:04.980Z engine handshaking client "p8ArbS6uK3GeGQjqAAAC"
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.9);
    assertThat(f.detail()).contains("5 sessions dropped");
  }

  /** netty-socketio's own lines, as sample-captures/server-restart--netty-process-restart has them. */
  private static String netty(String time, String logger, String message) {
    return time + " [nioEventLoopGroup-3-2] INFO com.corundumstudio.socketio." + logger + " - " + message;
  }

  private static String started(String time) {
    return netty(time, "SocketIOServer", "SocketIO server started at port: 37855");
  }

  private static String stopped(String time) {
    return netty(time, "SocketIOServer", "SocketIO server stopped");
  }

  private static String handshake(String time, String sid) {
    return netty(time, "handler.AuthorizeHandler", "Handshake authorized for sessionId: " + sid + ", query params: {} headers: {}");
  }

  private static String disconnected(String time, String sid) {
    return netty(time, "SocketIOChannelInitializer", "Client with sessionId: " + sid + " disconnected");
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private static final String SID_A = "09e33724-bd09-4200-8d7b-88767e1891af";
  private static final String SID_B = "316e342e-0d44-44d7-94db-d42dc4d7486c";
  private static final String SID_C = "e4ad5b14-58bb-41d2-9b35-7f927d76c684";
  private static final String EXPECT = "// EXPECT: server-restart";

  @Test
  void nettyLogsItsStopThenAStartAndTheClientsComeBack() {
    Finding f = tester
        .addLog("server-1.log", lines(
            started("2026-12-07T23:21:35.467Z"),
            handshake("2026-12-07T23:21:36.752Z", SID_A),
            handshake("2026-12-07T23:21:37.301Z", SID_B),
            EXPECT, disconnected("2026-12-07T23:21:43.537Z", SID_B),
            EXPECT, disconnected("2026-12-07T23:21:43.541Z", SID_A),
            EXPECT, stopped("2026-12-07T23:21:45.554Z")))
        .addLog("server-2.log", lines(
            EXPECT, started("2026-12-07T23:21:47.890Z"),
            EXPECT, handshake("2026-12-07T23:21:48.857Z", "2b646861-89d4-4577-b2c6-6649070c01f9"),
            handshake("2026-12-07T23:21:49.645Z", SID_C)))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.8);
    assertThat(f.detail()).contains("2 session(s) ended within 4 ms").contains("2013 ms before the server logged its stop")
        .contains("2 new session(s)");
  }

  @Test
  void silentWhenTheLogEndsWithTheStop() {
    // the service shut down at the end (or a test's last step): no start after it, no restart
    tester.addLog("server.log", lines(started("2026-12-07T14:10:16.385Z"), handshake("2026-12-07T14:10:19.675Z", SID_A),
        stopped("2026-12-07T14:10:30.303Z"))).doTest();
  }

  @Test
  void silentWhenNoClientCameBackAfterTheStart() {
    // restarted with a session before, but nobody handshook with the new process within the window
    tester.addLog("server.log", lines(handshake("2026-12-07T14:10:19.675Z", SID_A), stopped("2026-12-07T14:10:30.303Z"),
        started("2026-12-07T14:10:33.000Z"), handshake("2026-12-07T14:12:00.000Z", SID_C))).doTest();
  }

  @Test
  void silentWhenTheSessionsHadEndedLongBeforeTheStop() {
    // the clients left a minute before the server was restarted: the restart dropped nobody
    tester.addLog("server.log", lines(handshake("2026-12-07T14:10:19.675Z", SID_A),
        disconnected("2026-12-07T14:10:27.679Z", SID_A), stopped("2026-12-07T14:11:30.303Z"),
        started("2026-12-07T14:11:33.000Z"), handshake("2026-12-07T14:11:34.000Z", SID_C))).doTest();
  }

  @Test
  void silentWhenTheStoppedProcessHadServedNobody() {
    // a restart before any client connected: nothing dropped
    tester.addLog("server.log", lines(started("2026-12-07T14:10:16.385Z"), stopped("2026-12-07T14:10:20.000Z"),
        started("2026-12-07T14:10:22.000Z"), handshake("2026-12-07T14:10:23.000Z", SID_A))).doTest();
  }

  @Test
  void silentWhenTheClientsClosedOneByOne() {
    tester
        .addLog("server.log", """
            2026-11-25T10:04:40.000Z engine handshaking client "Lbo5JLzTotvW3g2LAAAA"
            2026-11-25T10:05:00.001Z socket.io:client client close with reason transport close
            2026-11-25T10:06:10.402Z socket.io:client client close with reason transport close
            2026-11-25T10:09:30.853Z socket.io:client client close with reason transport close
            2026-11-25T10:09:34.120Z engine handshaking client "Xq2m4bB7yTqL0p1wAAAB"
            """)
        .doTest();
  }

  @Test
  void silentWhenTheProxyCutsHeldPollsBeforeTheHeartbeat() {
    // a 504 on a held long-poll after 10 s (pingInterval 25 s), a refused POST, a new session at
    // once: the proxy's read timeout, not a server that was down and came back
    HarFixture capture = page();
    for (String sid : List.of("cut1Sess0n5xYzAAAAAA", "cut2Sess0n5xYzAAAAAA", "cut3Sess0n5xYzAAAAAA")) {
      HealthySessions.heldPollCut(capture, sid, 10.0, false);
    }
    tester.addHar("fixture.har", capture).doTest();
  }

  /**
   * A live session, its poll refused 503 after a 2 s wait, then a new session answered 1 s later;
   * with {@code answeredMeanwhile}, the server answers a POST of the session during that wait.
   */
  private static HarFixture refusedBetweenSessions(boolean answeredMeanwhile) {
    String polling = HealthySessions.ORIGIN + "/socket.io/?EIO=4&transport=polling";
    HarFixture har = page()
        .entry(get(polling + "&t=A1").body(open("sidAAAAAAAAAAAAAAAA1", "websocket")))
        .entry(get(polling + "&t=A2&sid=sidAAAAAAAAAAAAAAAA1").body("40{\"sid\":\"nsAAAAAAAAAAAAAAAAA1\"}"));
    java.time.Instant waitFrom = har.clock();
    var refused = get(polling + "&t=A3&sid=sidAAAAAAAAAAAAAAAA1").at(waitFrom).status(503).mime("text/html")
        .body("<html><body><h1>503 Service Unavailable</h1></body></html>").took(2000);
    var back = get(polling + "&t=C1").body(open("sidCCCCCCCCCCCCCCCC1", "websocket"));
    if (!answeredMeanwhile) {
      refused.expectEvidence();
      back.expectEvidence();
    }
    har.entry(refused);
    if (answeredMeanwhile) {
      har.entry(post(polling + "&t=A4&sid=sidAAAAAAAAAAAAAAAA1", "42[\"chat\",\"hi\"]").at(waitFrom.plusMillis(20))
          .body("ok").took(5));
    }
    return har.at(waitFrom.plusMillis(3000)).entry(back);
  }

  @Test
  void a503WhileTheServerAnsweredOthersIsNoOutage() {
    // the 503 alone between two sessions reads as an outage; a server that answered the session's
    // POST while that request waited was up: a proxy refused it for want of a free slot
    tester.addHar("fixture.har", refusedBetweenSessions(false)).doTest().orElseThrow();
    RuleTester.of(new ServerRestartRule())
        .addHar("fixture.har", refusedBetweenSessions(true))
        .expectNoFindings().doTest();
  }

  @Test
  void silentOnOneDrop() {
    HarFixture har = page();
    HealthySessions.v4("Lbo5JLzTotvW3g2LAAAA").pings(1).appendTo(har);
    har.after(5);
    HealthySessions.v4("Xq2m4bB7yTqL0p1wAAAB").appendTo(har);
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void silentOnDropsSpreadOverMinutes() {
    tester
        .addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, false, 40.0, 95.0, 61.0))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
