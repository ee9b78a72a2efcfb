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
  void silentWhenTheDisconnectFollowsAnOverdueHeartbeat() {
    // netty-socketio (sample-captures/heartbeat-timeout--netty-blocked-main-thread): pingInterval 2 s,
    // pingTimeout 1 s; the page's main thread was blocked, so the held PING and the DISCONNECT of
    // the server's ping-timeout task are handled together 6.5 s after the open packet
    HarFixture har = page();
    HealthySessions.v4(SID).pings(0).pingInterval(2000).pingTimeout(1000)
        .frame("receive", 6.5, "2").frame("send", 6.501, "3").frame("receive", 6.502, "41")
        .appendTo(har);
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void aCaptureThatStartedLateTakesTheWindowFromTheServersOtherSessions() {
    // the timed-out session's handshake is not in the capture; the reconnection's says 2 s + 1 s
    String late = "2d9ba5d4-0c2b-4a55-9b3e-0a4c3c0f11aa";
    HarFixture har = page().entry(HarFixture.webSocket(
            "ws://localhost:3000/socket.io/?EIO=4&transport=websocket&sid=" + late)
        .message("receive", 0.5, "2").message("send", 0.501, "3")
        .message("receive", 5.5, "2").message("send", 5.501, "3").message("receive", 5.502, "41"));
    HealthySessions.v4(SID).pings(2).pingInterval(2000).pingTimeout(1000).appendTo(har.after(6));
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void aDisconnectLongAfterAnOverdueHeartbeatIsTheServers() {
    // the heartbeat was late once, then went on as usual: a DISCONNECT 10 s later is the application's
    HarFixture har = page();
    HealthySessions.v4(SID).pings(0).pingInterval(2000).pingTimeout(1000)
        .frame("receive", 6.5, "2").frame("send", 6.501, "3")
        .frame("receive", 8.5, "2").frame("send", 8.501, "3")
        .frame("receive", 10.5, "2").frame("send", 10.501, "3")
        .expectedFrame("receive", 16.5, "41")
        .appendTo(har);
    tester.addHar("fixture.har", har).doTest();
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
