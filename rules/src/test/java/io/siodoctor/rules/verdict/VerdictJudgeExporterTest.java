package io.siodoctor.rules.verdict;

import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.disconnect.NetworkInterruptionRule;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the verdict takes as proof of a working connection depends on what the exporter could have
 * shown: an export that leaves out failed requests (Safari's Web Inspector, mitmproxy) shows every
 * session working until its records stop, and one that writes neither WebSocket messages nor a
 * WebSocket's lifetime (Firefox, Safari) cannot show a refusal sent over the WebSocket.
 */
class VerdictJudgeExporterTest {
  private static final String SID = HealthySessions.SID;
  private static final String POLLING = HealthySessions.ORIGIN + "/socket.io/?EIO=4&transport=polling";
  private static final String WS = "ws://localhost:3000/socket.io/?EIO=4&transport=websocket&sid=" + SID;

  private static Verdict judge(HarFixture har) {
    return VerdictJudge.judge(RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", har).incident(),
        false);
  }

  /**
   * A polling session that never upgraded: handshake (offering {@code upgrades}), CONNECT answered,
   * two polls answered 25 s apart.
   */
  private static HarFixture pollingSession(String creator, String... upgrades) {
    return har().creator(creator)
        .entry(get(POLLING + "&t=1").body(open(SID, upgrades)))
        .entry(post(POLLING + "&t=2&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=3&sid=" + SID).body("40{\"sid\":\"sio-" + SID + "\"}"))
        .after(25)
        .entry(get(POLLING + "&t=4&sid=" + SID).body("2"))
        .entry(post(POLLING + "&t=5&sid=" + SID, "3").body("ok").mime("text/html"));
  }

  @ParameterizedTest
  @CsvSource({"WebInspector, healthy", "Firefox, healthy", "WebKit Web Inspector, inconclusive",
      "mitmproxy har_dump, inconclusive", "chrome-har, inconclusive"})
  void answeredPollsProveAWorkingSessionOnlyWhereFailuresWouldShow(String creator, String verdict) {
    assertThat(judge(pollingSession(creator)).verdict()).isEqualTo(verdict);
  }

  @Test
  void aSafariHarAloneAsksForTheConsole() {
    Verdict v = judge(pollingSession("WebKit Web Inspector"));
    assertThat(v.symptoms()).anySatisfy(s -> assertThat(s.summary()).contains("no failed or pending requests"));
    assertThat(v.next()).anySatisfy(n -> assertThat(n).startsWith("The browser console of the failing page (Safari:"));
  }

  /** An engine.io server's debug log of a session that opened and took its client's CONNECT (fixture). */
  private static final String SERVER_LOG = """
      2026-11-25T10:00:00.488Z engine handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=a1"
      2026-11-25T10:00:00.493Z engine handshaking client "%1$s"
      2026-11-25T10:00:00.493Z engine:socket sending packet "open" ({"sid":"%1$s","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000})
      2026-11-25T10:00:00.494Z engine:polling writing "0{"sid":"%1$s","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}"
      2026-11-25T10:00:00.562Z engine handling "POST" http request "/socket.io/?EIO=4&transport=polling&t=a2&sid=%1$s"
      2026-11-25T10:00:00.564Z engine setting new request for existing client
      2026-11-25T10:00:00.569Z engine:polling received "40"
      2026-11-25T10:00:00.590Z engine handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=a3&sid=%1$s"
      2026-11-25T10:00:00.591Z engine setting new request for existing client
      2026-11-25T10:00:25.600Z engine:socket writing ping packet - expecting pong within 20000ms
      """.formatted(SID);

  @ParameterizedTest
  @CsvSource({"WebInspector, healthy", "WebKit Web Inspector, inconclusive"})
  void aServerLogsSessionTheBrowsersExportHoldsNothingOfProvesNothingWhereFailuresAreLeftOut(String creator,
      String verdict) {
    // the page's HAR holds no request of the session: Chromium would show them failed (a CORS
    // rejection of answers the server sent); Safari's export leaves failed requests out
    HarFixture page = har().creator(creator).entry(HarFixture.document(HealthySessions.ORIGIN + "/"));
    Verdict v = VerdictJudge.judge(RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", page)
        .addLog("server.log", SERVER_LOG).incident(), false);
    assertThat(v.verdict()).isEqualTo(verdict);
  }

  /** A v4 session upgraded to a WebSocket whose messages and lifetime the HAR does not hold (Firefox). */
  private static HarFixture upgradedWithoutFrames(String connectAnswer) {
    return har().creator("Firefox")
        .entry(get(POLLING + "&t=1").body(open(SID, "websocket")))
        .entry(post(POLLING + "&t=2&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=3&sid=" + SID).body(connectAnswer))
        .entry(webSocket(WS).took(40));
  }

  @Test
  void aWebSocketNoHandshakeFollowedProvesNothingBeforeTheServerAcceptedTheConnect() {
    // a CONNECT_ERROR sent over the WebSocket ends the client's tries too: no new handshake follows
    assertThat(judge(upgradedWithoutFrames("6")).verdict()).isEqualTo("inconclusive");
    assertThat(judge(upgradedWithoutFrames("40{\"sid\":\"sio-" + SID + "\"}")).verdict()).isEqualTo("healthy");
  }

  @Test
  void aChromeHarHarSaysWhatItCannotShowAndAsksForADevToolsHar() {
    // the session offered a WebSocket and polled on for 25 s: DevTools would show the WebSocket tried or not
    Verdict v = judge(pollingSession("chrome-har", "websocket"));
    assertThat(v.verdict()).isEqualTo("inconclusive");
    assertThat(v.symptoms()).anySatisfy(s -> assertThat(s.summary()).contains("no WebSockets and no failed or pending"));
    // polling on is all it shows: whether the client tried the WebSocket is not in the HAR
    assertThat(v.symptoms()).anySatisfy(s -> assertThat(s.summary())
        .contains("without moving to WebSocket: its upgrade failed or was never tried"));
    assertThat(v.next()).anySatisfy(n -> assertThat(n).startsWith("A HAR of the same failure from Chrome or Edge DevTools"));
    assertThat(v.next()).noneSatisfy(n -> assertThat(n).startsWith("The browser console of the failing page (Safari:"));
    // DevTools writes the WebSocket: a session polling on never tried it
    assertThat(judge(pollingSession("WebInspector", "websocket")).symptoms())
        .anySatisfy(s -> assertThat(s.summary()).contains("and never tried a WebSocket"));
  }
}
