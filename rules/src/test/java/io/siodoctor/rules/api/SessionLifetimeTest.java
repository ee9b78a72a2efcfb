package io.siodoctor.rules.api;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.rules.disconnect.HeartbeatTimeoutRule;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a session's records say about its lifetime: how long the capture saw the client on it
 * ({@link Session#lastActivity()}) against how long anything proves it alive ({@link
 * Session#provenAlive()}, {@link Session#lastProvenAlive()}).
 */
class SessionLifetimeTest {
  private static final String SID = "Lbo5JLzTotvW3g2LAAAA";
  private static final String POLLING = HealthySessions.ORIGIN + "/socket.io/?EIO=4&transport=polling";

  private final HarFixture har = har().entry(document(HealthySessions.ORIGIN + "/"));
  private final Instant t0 = har.clock();

  /**
   * A session whose last answer is the first PING (25 s in); the poll held after it is never
   * answered and is aborted when the page goes away at 125 s; a later POST is refused, the sid unknown.
   */
  private HarFixture endsAfterItsFirstHeartbeat() {
    return har.entry(get(POLLING + "&t=1").at(t0).body(open(SID)))
        .entry(post(POLLING + "&t=2&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=3&sid=" + SID).body("40{\"sid\":\"sio-" + SID + "\"}"))
        .entry(get(POLLING + "&t=4&sid=" + SID).at(t0.plusMillis(40)).took(24_960).body("2"))
        .entry(get(POLLING + "&t=5&sid=" + SID).at(t0.plusMillis(25_050)).took(99_950).failed("net::ERR_ABORTED"))
        .entry(post(POLLING + "&t=6&sid=" + SID, "3").at(t0.plusSeconds(60)).status(400)
            .mime("application/json").body(engineIoError(1, "Session ID unknown")));
  }

  private static Session session(RuleTester inputs) {
    return inputs.incident().session(SID).orElseThrow();
  }

  @Test
  void theCaptureSeesTheClientUntilThePageCutsItsPollNothingProvesItAliveAfterTheLastAnswer() {
    Session s = session(RuleTester.of(new HeartbeatTimeoutRule()).addHar("fixture.har", endsAfterItsFirstHeartbeat()));
    assertThat(s.lastActivity()).isEqualTo(t0.plusSeconds(125));
    AliveSpan alive = s.provenAlive().orElseThrow();
    assertThat(alive.first()).isInstanceOf(HttpExchange.class);
    assertThat(alive.from()).isEqualTo(t0);
    assertThat(alive.to()).isEqualTo(t0.plusSeconds(25));
    assertThat(s.lastProvenAlive()).isEqualTo(t0.plusSeconds(25));
  }

  @Test
  void serverLinesAboutTheSessionProveItAliveRefusalsAndCutRequestsDoNot() {
    // the fixture's clock starts at 10:00:00.017 (after the page load)
    String server = """
        2026-11-25 10:00:50,017 INFO engineio.server: %1$s: Sending packet PING data None
        2026-11-25 10:01:00,020 INFO engineio.server: Invalid session %1$s
        """.formatted(SID);
    String proxy = """
        127.0.0.1 - - [25/Nov/2026:10:02:05 +0000] "GET /socket.io/?EIO=4&transport=polling&t=5&sid=%1$s HTTP/1.1" 499 0 "-" "Mozilla/5.0"
        """.formatted(SID);
    Session s = session(RuleTester.of(new HeartbeatTimeoutRule()).addHar("fixture.har", endsAfterItsFirstHeartbeat())
        .addLog("server.log", server).addLog("access.log", proxy));
    assertThat(s.logLines()).as("the fixture's lines name the session").hasSize(3);
    assertThat(s.provenAlive().orElseThrow().to()).as("the browser's proof alone").isEqualTo(t0.plusSeconds(25));
    assertThat(s.lastProvenAlive()).as("the server's PING, not its refusal nor the proxy's 499")
        .isEqualTo(t0.plusSeconds(50));
  }

  @Test
  void theServerLastHeardFromTheClientAtItsLastPostItAnswered() {
    Session s = session(RuleTester.of(new HeartbeatTimeoutRule()).addHar("fixture.har", endsAfterItsFirstHeartbeat()));
    Instant connectPost = s.exchanges().stream().filter(x -> x.method().equals("POST") && x.status() == 200)
        .findFirst().orElseThrow().time();
    // the held polls are no word from the client, and the refused PONG never reached the session
    assertThat(s.lastFromClient(t0.plusSeconds(200))).contains(connectPost);
    // before the CONNECT's POST: the handshake; before the handshake: nothing
    assertThat(s.lastFromClient(connectPost)).contains(t0);
    assertThat(s.lastFromClient(t0)).isEmpty();
  }
}
