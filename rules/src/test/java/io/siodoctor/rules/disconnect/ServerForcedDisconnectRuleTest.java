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
  void pythonServerLogsTheDisconnectPacketItSends() {
    // python-socketio 5 (sample-captures/server-forced-disconnect--python-server-disconnects): no
    // close reason in its log, only the Socket.IO DISCONNECT ("1") python-engineio sends
    Finding f = tester
        .addLog("server.log", """
            2026-12-07 23:20:21,211 INFO engineio.server: 9mNuPxmcLX0KWK3sAAAA: Sending packet MESSAGE data 0{"sid":"UG18_zMUhIjHezFqAAAB"}
            2026-12-07 23:20:23,214 INFO socketio.server: Disconnecting UG18_zMUhIjHezFqAAAB [/]
            // EXPECT: server-forced-disconnect
            2026-12-07 23:20:23,215 INFO engineio.server: 9mNuPxmcLX0KWK3sAAAA: Sending packet MESSAGE data 1
            2026-12-07 23:20:23,216 INFO engineio.server: 9mNuPxmcLX0KWK3sAAAA: Sending packet MESSAGE data 2["chat","bye"]
            """)
        .doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly("9mNuPxmcLX0KWK3sAAAA");
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
