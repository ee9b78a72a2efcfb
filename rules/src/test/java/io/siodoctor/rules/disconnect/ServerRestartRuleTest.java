package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.time.Instant;
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
  void threeSessionsDropTogetherThenReconnect() {
    // one page with three managers (three servers or forceNew); a redeploy cuts all of them
    HarFixture har = page();
    Instant t0 = har.clock();
    for (int i = 0; i < 3; i++) {
      har.at(t0.plusMillis(300L * i));
      HealthySessions.v4("old" + i + "Sess0n5xYzAAAAAAA").pings(1).expectDrop().appendTo(har);
    }
    for (int i = 0; i < 3; i++) {
      har.at(t0.plusMillis(42_000 + 300L * i));
      HealthySessions.v4("new" + i + "Sess0n5xYzAAAAAAA").pings(2 + i).appendTo(har);
    }
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.9);
    assertThat(f.sessionIds()).hasSize(3);
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
