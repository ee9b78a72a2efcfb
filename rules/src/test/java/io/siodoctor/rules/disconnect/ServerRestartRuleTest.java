package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.har;
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
