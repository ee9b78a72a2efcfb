package io.siodoctor.rules.api;

import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.rules.disconnect.NetworkInterruptionRule;
import io.siodoctor.rules.signals.Disconnect;
import io.siodoctor.rules.signals.Disconnects;
import io.siodoctor.rules.testing.ClientCloses;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.RuleTester;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the client's Engine.IO close packet ({@code 1}) says about how a session ended (no server log
 * in these fixtures). engine.io-client writes it whenever it closes an open polling transport,
 * however the session ends: after {@code socket.disconnect()} (a Socket.IO DISCONNECT first), but
 * also when it gives up on the session (a missed PING, a failed request), and then the POST carrying
 * it often fails or is refused.
 */
class SessionCloseTest {
  private static final String SID = ClientCloses.SID;
  private static final String NEXT = ClientCloses.NEXT;
  private static final String POLLING = ClientCloses.POLLING;
  private static final String ORIGIN_WS = "ws://localhost:3000/socket.io/?EIO=4&transport=websocket";

  private final ClientCloses fixture = new ClientCloses();
  private final HarFixture har = fixture.har();
  private final Instant t0 = fixture.t0();

  private void firstHeartbeat(String sid, Instant start) {
    fixture.firstHeartbeat(sid, start);
  }

  private HarFixture.Entry closePost(String sid, Instant at, String answer) {
    return fixture.closePost(sid, at, answer);
  }

  private Incident incident() {
    return RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", har).incident();
  }

  private static CloseReason reason(Session s) {
    return CloseReason.of(s.close().orElseThrow().reason());
  }

  private Incident closedByTheClient(Instant closeAt, String answer, HarFixture.Entry... before) {
    fixture.closedByTheClient(closeAt, answer, before);
    return incident();
  }

  @ParameterizedTest(name = "close POST {0}")
  @ValueSource(strings = {"failed", "refused", "answered"})
  void aClientThatMissedThePingGivesUpItsCloseIsNoDeliberateDisconnect(String answer) {
    // the network goes away after the first heartbeat: no PING comes, and engine.io-client's ping
    // timer fires pingInterval + pingTimeout (45 s) after the last packet
    Incident incident = closedByTheClient(t0.plusMillis(70_005), answer);
    assertThat(reason(incident.session(SID).orElseThrow())).isEqualTo(CloseReason.PING_TIMEOUT);
    List<Disconnect> drops = Disconnects.of(incident);
    assertThat(drops).extracting(Disconnect::sid).containsExactly(SID);
    assertThat(drops.get(0).reason()).isEqualTo("ping timeout");
  }

  @ParameterizedTest(name = "close POST {0}")
  @ValueSource(strings = {"failed", "refused", "answered"})
  void aClientWhoseRequestFailedGivesUpItsCloseIsNoDeliberateDisconnect(String answer) {
    // an emit POSTed 30 s in fails; engine.io-client closes with "transport error" at once
    Incident incident = closedByTheClient(t0.plusMillis(30_006), answer,
        post(POLLING + "&t=emit&sid=" + SID, "42[\"chat\",\"hi\"]").at(t0.plusSeconds(30)).took(4)
            .failed("net::ERR_INTERNET_DISCONNECTED"));
    assertThat(reason(incident.session(SID).orElseThrow())).isEqualTo(CloseReason.TRANSPORT_ERROR);
    assertThat(Disconnects.of(incident)).extracting(Disconnect::sid).containsExactly(SID);
  }

  @ParameterizedTest(name = "close POST {0}")
  @ValueSource(strings = {"failed", "refused"})
  void aCloseTheServerNeverReceivedWithNothingBeforeItSaysNoReason(String answer) {
    Incident incident = closedByTheClient(t0.plusSeconds(30), answer);
    SessionClose close = incident.session(SID).orElseThrow().close().orElseThrow();
    assertThat(close.reason()).as("the client closed; nothing says it chose to").isNull();
    assertThat(close.time()).isEqualTo(t0.plusSeconds(30));
    assertThat(Disconnects.of(incident)).extracting(Disconnect::sid).containsExactly(SID);
  }

  @Test
  void socketDisconnectSendsItsDisconnectFirstThatStaysDeliberate() {
    // socket.disconnect(): socket.io-client POSTs DISCONNECT (41), then the manager closes the engine (1)
    firstHeartbeat(SID, t0);
    har.entry(get(POLLING + "&t=held&sid=" + SID).at(t0.plusMillis(25_030)).took(4_980).body("6"));
    har.entry(post(POLLING + "&t=41&sid=" + SID, "41").at(t0.plusSeconds(30)).body("ok").mime("text/html"));
    har.entry(closePost(SID, t0.plusMillis(30_020), "answered"));
    firstHeartbeat(NEXT, t0.plusSeconds(32));
    Incident incident = incident();
    assertThat(reason(incident.session(SID).orElseThrow())).isEqualTo(CloseReason.IO_CLIENT_DISCONNECT);
    assertThat(Disconnects.of(incident)).as("the application left: no drop").isEmpty();
  }

  @Test
  void aCloseAfterTheServerRefusedTheConnectionStaysTheClientsChoice() {
    // CONNECT_ERROR: socket.io-client destroys the socket, the manager closes the engine and does not reconnect
    har.entry(get(POLLING + "&t=1").at(t0).body(open(SID)))
        .entry(post(POLLING + "&t=2&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=3&sid=" + SID).body("44{\"message\":\"not authorized\"}"))
        .entry(get(POLLING + "&t=4&sid=" + SID).status(400).mime("application/json")
            .body(engineIoError(1, "Session ID unknown")))
        .entry(closePost(SID, har.clock(), "refused"));
    firstHeartbeat(NEXT, t0.plusSeconds(5));
    Incident incident = incident();
    assertThat(reason(incident.session(SID).orElseThrow())).isEqualTo(CloseReason.IO_CLIENT_DISCONNECT);
    assertThat(Disconnects.of(incident)).isEmpty();
  }

  @Test
  void aSessionRefusedRightAfterItsHandshakeWasNeverConnectedItsEndIsNoDrop() {
    // no sticky sessions: the CONNECT POST reaches another node, refused as an unknown sid; the client
    // closes ("transport error") and tries again after its reconnection delay, refused the same way
    for (int i = 0; i < 4; i++) {
      String sid = "Rf" + i + "m4bB7yTqL0p1wAAAB";
      Instant start = t0.plusMillis(1_500L * i);
      har.entry(get(POLLING + "&t=r" + i).at(start).body(open(sid)))
          .entry(post(POLLING + "&t=s" + i + "&sid=" + sid, "40").status(400).mime("application/json")
              .body(engineIoError(1, "Session ID unknown")))
          .entry(closePost(sid, har.clock(), "answered"));
    }
    Incident incident = incident();
    Session first = incident.session("Rf0m4bB7yTqL0p1wAAAB").orElseThrow();
    assertThat(reason(first)).isEqualTo(CloseReason.TRANSPORT_ERROR);
    assertThat(first.connectAnswer()).isEmpty();
    assertThat(Disconnects.of(incident)).as("failed attempts to connect, not connections dropped").isEmpty();
  }

  @Test
  void aCloseTheServerReceivedWithNothingFailingBeforeItStaysAClientDisconnect() {
    // an engine.io client without Socket.IO closing its session: nothing failed, the heartbeat kept time
    firstHeartbeat(SID, t0);
    har.entry(get(POLLING + "&t=held&sid=" + SID).at(t0.plusMillis(25_030)).took(4_980).body("6"));
    har.entry(closePost(SID, t0.plusSeconds(30), "answered"));
    assertThat(reason(incident().session(SID).orElseThrow())).isEqualTo(CloseReason.IO_CLIENT_DISCONNECT);
  }

  /**
   * A session that offers the WebSocket, whose upgrade opens (101) and sends its probe, which no answer
   * reaches; the session goes on polling through its first heartbeat, and the application calls
   * {@code socket.disconnect()} (DISCONNECT, then the close packet) at {@code closeAt}.
   */
  private UpgradeOutcome probeUnansweredThenClosedAt(Instant closeAt) {
    har.entry(get(POLLING + "&t=1").at(t0).body(open(SID, "websocket")))
        .entry(post(POLLING + "&t=2&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=3&sid=" + SID).body("40{\"sid\":\"sio-" + SID + "\"}"))
        .entry(HarFixture.webSocket(ORIGIN_WS + "&sid=" + SID).at(t0.plusMillis(45)).message("send", 0.002, "2probe"))
        .entry(get(POLLING + "&t=4&sid=" + SID).at(t0.plusMillis(50)).took(24_950).body("2"))
        .entry(post(POLLING + "&t=5&sid=" + SID, "3").at(t0.plusMillis(25_010)).body("ok").mime("text/html"))
        .entry(post(POLLING + "&t=41&sid=" + SID, "41").at(closeAt).body("ok").mime("text/html"))
        .entry(closePost(SID, closeAt.plusMillis(20), "answered"));
    return incident().session(SID).orElseThrow().upgradeOutcome();
  }

  @Test
  void aCloseWhileTheProbeWasInFlightLeavesItsOutcomeUnknown() {
    assertThat(probeUnansweredThenClosedAt(t0.plusSeconds(2))).isEqualTo(UpgradeOutcome.UNKNOWN);
  }

  @Test
  void aCloseLongAfterTheProbeWentUnansweredDoesNotExplainIt() {
    // the server's upgradeTimeout (10 s) ended the probe long before the application disconnected
    assertThat(probeUnansweredThenClosedAt(t0.plusSeconds(30))).isEqualTo(UpgradeOutcome.PROBE_UNANSWERED);
  }
}
