package io.siodoctor.rules.signals;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.disconnect.NetworkInterruptionRule;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import io.siodoctor.rules.verdict.Verdict;
import io.siodoctor.rules.verdict.VerdictJudge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisconnectsTest {
  private static final String DROPPED = "Lbo5JLzTotvW3g2LAAAA";
  private static final String NEXT = "Xq2m4bB7yTqL0p1wAAAB";
  private static final String POLLING = HealthySessions.ORIGIN + "/socket.io/?EIO=4&transport=polling";

  /**
   * A python-socketio server without a WebSocket library (polling only). The network goes away 30 s
   * into the first session: the poll held since its first heartbeat is never answered, and stays
   * pending until the capture stops (or is aborted when the page goes away) minutes later; the
   * client's close packet fails. The server gives the client up ("Client is gone") and the client
   * reconnects once the network is back.
   */
  private static Incident droppedWhileAPollHangs(boolean aborted) {
    HarFixture har = har().entry(document(HealthySessions.ORIGIN + "/"));
    Instant t0 = har.clock();
    Instant unload = t0.plusSeconds(200);
    polls(har, DROPPED, t0);
    HarFixture.Entry held = get(POLLING + "&t=a5&sid=" + DROPPED).at(t0.plusMillis(25_030))
        .took(Duration.between(t0.plusMillis(25_030), unload).toMillis());
    har.entry(aborted ? held.failed("net::ERR_ABORTED") : held.status(0));
    har.entry(post(POLLING + "&t=a6&sid=" + DROPPED, "1").at(t0.plusSeconds(70)).took(2)
        .failed("net::ERR_INTERNET_DISCONNECTED"));
    polls(har, NEXT, t0.plusSeconds(76));
    String log = """
        2026-11-25 10:00:00,002 INFO engineio.server: %1$s: Sending packet OPEN data {'sid': '%1$s', 'upgrades': [], 'pingTimeout': 20000, 'pingInterval': 25000}
        2026-11-25 10:00:25,001 INFO engineio.server: %1$s: Sending packet PING data None
        2026-11-25 10:00:50,001 INFO engineio.server: %1$s: Sending packet PING data None
        2026-11-25 10:01:10,003 INFO engineio.server: %1$s: Client is gone, closing socket
        2026-11-25 10:01:16,002 INFO engineio.server: %2$s: Sending packet OPEN data {'sid': '%2$s', 'upgrades': [], 'pingTimeout': 20000, 'pingInterval': 25000}
        """.formatted(DROPPED, NEXT);
    return RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", har).addLog("server.log", log).incident();
  }

  /** A session's first heartbeat on long-polling: handshake, CONNECT, a poll held until the PING, the PONG. */
  private static void polls(HarFixture har, String sid, Instant start) {
    har.entry(get(POLLING + "&t=" + sid.charAt(0) + "1").at(start).body(open(sid)))
        .entry(post(POLLING + "&t=" + sid.charAt(0) + "2&sid=" + sid, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=" + sid.charAt(0) + "3&sid=" + sid).body("40{\"sid\":\"sio-" + sid + "\"}"))
        .entry(get(POLLING + "&t=" + sid.charAt(0) + "4&sid=" + sid).took(24_960).body("2"))
        .entry(post(POLLING + "&t=" + sid.charAt(0) + "5&sid=" + sid, "3").body("ok").mime("text/html"));
  }

  @ParameterizedTest(name = "left aborted: {0}")
  @ValueSource(booleans = {false, true})
  void aPollThatHangsUntilThePageGoesDoesNotKeepTheDroppedSessionAlive(boolean aborted) {
    Incident incident = droppedWhileAPollHangs(aborted);
    List<Disconnect> drops = Disconnects.of(incident);
    assertThat(drops).as("one drop: the first session, replaced by the second").hasSize(1);
    Disconnect d = drops.get(0);
    assertThat(d.sid()).isEqualTo(DROPPED);
    assertThat(d.evidence()).as("the browser saw the drop, the server's close corroborates it")
        .hasAtLeastOneElementOfType(HttpExchange.class).hasAtLeastOneElementOfType(LogLine.class);
    assertThat(d.time()).as("the drop is the server's last word on the session, not the page cutting its poll")
        .isEqualTo(Instant.parse("2026-11-25T10:01:10.003Z"));
    assertThat(d.lifetimeSeconds()).isBetween(69.9, 70.1);
  }

  @org.junit.jupiter.api.Test
  void aSessionWhoseHandshakeTheCaptureMissedStillDropsButItsStartIsUnknown() {
    // the recording started while a session was up on WebSocket: its frames are there, its handshake
    // is not; the socket goes quiet without a close, and 40 s later a new handshake replaces it
    HarFixture har = har().entry(document(HealthySessions.ORIGIN + "/"));
    Instant t0 = har.clock();
    har.entry(HarFixture.webSocket(HealthySessions.ORIGIN.replaceFirst("^http", "ws")
            + "/socket.io/?EIO=4&transport=websocket&sid=" + DROPPED).at(t0).took(30_000)
        .message("receive", 1.0, "2").message("send", 1.002, "3").message("receive", 26.0, "2")
        .message("send", 26.002, "3"));
    polls(har, NEXT, t0.plusSeconds(40));
    RuleTester tester = RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", har);
    List<Disconnect> drops = Disconnects.of(tester.incident());
    assertThat(drops).singleElement().satisfies(d -> {
      assertThat(d.sid()).isEqualTo(DROPPED);
      assertThat(d.opened()).as("no handshake recorded: the start is unknown, not the first record's time").isNull();
      assertThat(d.lifetimeSeconds()).isNegative();
    });
    // a symptom (no healthy verdict), but not network-interruption's evidence: with its heartbeat
    // settings unknown, the heartbeat and idle-timeout causes cannot be ruled out
    RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", har).expectNoFindings().doTest();
    Verdict verdict = VerdictJudge.judge(tester.incident(), false);
    assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(verdict.next()).anySatisfy(n -> assertThat(n).contains("recorded from before the page connects"));
  }

  @org.junit.jupiter.api.Test
  void sessionsOnlyGlimpsedWithoutAHandshakeReplacingThemAreNoDrops() {
    // two sessions both seen only mid-way (no handshake of either): nothing shows one replaced the other
    HarFixture har = har().entry(document(HealthySessions.ORIGIN + "/"));
    Instant t0 = har.clock();
    String ws = HealthySessions.ORIGIN.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket&sid=";
    har.entry(HarFixture.webSocket(ws + DROPPED).at(t0).took(30_000).message("receive", 1.0, "2"))
        .entry(HarFixture.webSocket(ws + NEXT).at(t0.plusSeconds(40)).took(30_000).message("receive", 1.0, "2"));
    assertThat(Disconnects.of(RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", har).incident()))
        .isEmpty();
  }

  /** A python-socketio 5.7 log on aiohttp: a session on WebSocket whose end only aiohttp's access line marks, then a new one. */
  private static String pythonLogWithAWebSocketEnd(String between) {
    return """
        2026-12-08 03:58:34,199 INFO engineio.server: %1$s: Sending packet OPEN data {'sid': '%1$s', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}
        2026-12-08 03:58:34,276 INFO engineio.server: %1$s: Upgrade to websocket successful
        2026-12-08 03:58:38,124 INFO aiohttp.access: 127.0.0.1 [08/Dec/2026:03:58:34 +0000] "GET /socket.io/?EIO=4&transport=websocket&sid=%1$s HTTP/1.1" 101 0 "-" "-"
        %3$s2026-12-08 03:58:39,337 INFO engineio.server: %2$s: Sending packet OPEN data {'sid': '%2$s', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}
        """.formatted(DROPPED, NEXT, between);
  }

  @org.junit.jupiter.api.Test
  void aWebSocketEndPythonEngineioDidNotLogIsADropWhenTheClientComesBack() {
    // sample-captures/network-interruption--python-tcp-proxy-drop: python-engineio writes nothing when
    // the connection goes away; aiohttp's access line of the WebSocket, written as it ended, is the end
    Incident incident = RuleTester.of(new NetworkInterruptionRule()).addLog("server.log", pythonLogWithAWebSocketEnd("")).incident();
    assertThat(Disconnects.of(incident)).singleElement().satisfies(d -> {
      assertThat(d.sid()).isEqualTo(DROPPED);
      assertThat(d.logged()).isTrue();
    });
    assertThat(VerdictJudge.judge(incident, false).verdict()).as("a drop is no healthy session").isEqualTo(Verdict.INCONCLUSIVE);
  }

  @org.junit.jupiter.api.Test
  void transportClosesRightBeforeTheServerStopsAreTheStopNotDrops() {
    // sample-captures/server-restart--python-process-restart: aiohttp's shutdown ends each WebSocket,
    // then python-engineio's service task is canceled; the new process's handshakes follow
    String stop = "2026-12-08 03:58:38,500 INFO engineio.server: service task canceled\n";
    Incident stopped = RuleTester.of(new NetworkInterruptionRule()).addLog("server.log", pythonLogWithAWebSocketEnd(stop)).incident();
    assertThat(Disconnects.of(stopped)).isEmpty();
    // a stop long after the end does not explain it
    String log = pythonLogWithAWebSocketEnd("") + "2026-12-08 03:58:59,000 INFO engineio.server: service task canceled\n";
    assertThat(Disconnects.of(RuleTester.of(new NetworkInterruptionRule()).addLog("server.log", log).incident())).hasSize(1);
  }

  /**
   * An engine.io debug log of three sessions a second apart, each ended by the client: its close
   * packet arrives over polling and engine.io closes the session as "transport close" (fixture; the
   * lines of sticky-session-missing--chromehar-nginx-two-nodes' node logs).
   */
  private static String clientClosesEachSession(boolean closePacketLogged) {
    StringBuilder log = new StringBuilder();
    String[] sids = {"tz3jhYdVh5taJ4PEAAAA", "UIFDva2yUjiaSazDAAAA", "thMbSVGMwyIUZ6FHAAAB", "_QvPvGSfSLMv_oT-AAAB"};
    for (int i = 0; i < sids.length; i++) {
      String t = "2026-12-08T04:07:0" + (5 + i);
      log.append(t).append(".282Z engine handshaking client \"").append(sids[i]).append("\"\n");
      if (i == sids.length - 1) {
        break;
      }
      log.append(t).append(".326Z engine handling \"POST\" http request \"/socket.io/?EIO=4&transport=polling&t=a")
          .append(i).append("&sid=").append(sids[i]).append("\"\n");
      log.append(t).append(".327Z engine:polling received \"1\"\n");
      if (closePacketLogged) {
        log.append(t).append(".327Z engine:polling got xhr close packet\n");
      }
      log.append(t).append(".333Z socket.io:client client close with reason transport close\n");
    }
    return log.toString();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aSessionItsClientClosedOverPollingIsNoDrop(boolean closePacketLogged) {
    // engine.io says "transport close" for both a dropped connection and a client's own close packet
    // over polling; the debug line before it tells them apart
    Incident incident = RuleTester.of(new NetworkInterruptionRule())
        .addLog("server.log", clientClosesEachSession(closePacketLogged)).incident();
    assertThat(Disconnects.of(incident)).hasSize(closePacketLogged ? 0 : 3);
  }

  @org.junit.jupiter.api.Test
  void aSocketWhoseWebSocketStaysOpenIsNotReplacedByTheNextOne() {
    // sample-captures/server-overloaded--netty-blocking-listener: a page's first socket goes quiet on
    // its WebSocket (the server is blocked), then the page opens another socket (forceNew); the first
    // WebSocket stays open until the capture stops, so the second is a parallel socket, not its
    // reconnection. A WebSocket that had closed before the next handshake is replaced by it.
    for (boolean stillOpen : new boolean[] {true, false}) {
      HarFixture har = har().entry(document(HealthySessions.ORIGIN + "/"));
      Instant t0 = har.clock();
      har.entry(get(POLLING + "&t=a1").at(t0).body(open(DROPPED, "websocket")))
          .entry(post(POLLING + "&t=a2&sid=" + DROPPED, "40").body("ok").mime("text/html"))
          .entry(get(POLLING + "&t=a3&sid=" + DROPPED).body("40{\"sid\":\"sio-" + DROPPED + "\"}"))
          .entry(HarFixture.webSocket(HealthySessions.ORIGIN.replace("http", "ws")
                  + "/socket.io/?EIO=4&transport=websocket&sid=" + DROPPED).at(t0.plusMillis(100))
              .took(stillOpen ? 13_000 : 2_500)
              .message("send", 0.01, "2probe").message("receive", 0.02, "3probe").message("send", 0.03, "5")
              .message("send", 2.0, "42[\"report\"]"));
      har.entry(get(POLLING + "&t=b1").at(t0.plusSeconds(3)).took(8_700).body(open(NEXT, "websocket")))
          .entry(post(POLLING + "&t=b2&sid=" + NEXT, "40").at(t0.plusMillis(11_800)).body("ok").mime("text/html"))
          .entry(get(POLLING + "&t=b3&sid=" + NEXT).body("40{\"sid\":\"sio-" + NEXT + "\"}"));
      Incident incident = RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", har).incident();
      assertThat(Disconnects.of(incident)).as("still open: " + stillOpen).hasSize(stillOpen ? 0 : 1);
    }
  }
}
