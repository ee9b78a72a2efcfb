package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ServerForcedDisconnectRuleTest {
  private static final String SID = "Lbo5JLzTotvW3g2LAAAA";

  private final RuleTester tester = RuleTester.of(new ServerForcedDisconnectRule());

  private static HarFixture page() {
    return har().entry(document(HealthySessions.ORIGIN + "/"));
  }

  @Test
  void serverSendsDisconnect() {
    HarFixture har = page();
    HealthySessions.v4(SID).pings(1).expectedFrame("receive", 31.0, "41").appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly(SID);
    assertThat(f.evidence().get(0).note()).contains("namespace /");
  }

  @Test
  void serverDisconnectsOneNamespace() {
    HarFixture har = page();
    HealthySessions.v4(SID).pings(1)
        .frame("send", 2.0, "40/admin,")
        .frame("receive", 2.01, "40/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}")
        .expectedFrame("receive", 31.0, "41/admin,")
        .appendTo(har);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    assertThat(f.evidence().get(0).note()).contains("/admin");
  }

  @Test
  void serverLogsItsOwnDisconnect() {
    tester
        .addLog("server.log", """
            // EXPECT: server-forced-disconnect
            2026-11-25T10:00:31.000Z socket.io:socket closing socket - reason server namespace disconnect
            """)
        .doTest();
  }

  @Test
  void silentWhenTheClientLeftFirst() {
    HarFixture har = page();
    HealthySessions.v4(SID).pings(1).frame("send", 31.0, "41").appendTo(har);
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
