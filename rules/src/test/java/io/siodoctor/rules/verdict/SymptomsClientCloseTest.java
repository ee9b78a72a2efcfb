package io.siodoctor.rules.verdict;

import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.disconnect.NetworkInterruptionRule;
import io.siodoctor.rules.testing.ClientCloses;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.RuleTester;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The "closed-right-after-opening" symptom: a client that closes the session it just opened gave up
 * on it, as after a refusal whose CONNECT_ERROR is not recorded. A close its ping timer wrote (a
 * heartbeat window shorter than that) is the client giving up on a silent server instead.
 */
class SymptomsClientCloseTest {
  private static final String SID = ClientCloses.SID;
  private static final String POLLING = ClientCloses.POLLING;

  /**
   * A v4 polling session whose server asks for a PING every 1 s within 0.5 s (window 1.5 s): the
   * handshake and CONNECT answered, a held poll that brings nothing, and the client's close at
   * {@code closeAfterMs}, answered.
   */
  private static boolean closedRightAfterOpening(long closeAfterMs) {
    ClientCloses fixture = new ClientCloses();
    HarFixture har = fixture.har();
    Instant t0 = fixture.t0();
    har.entry(get(POLLING + "&t=1").at(t0).body(open(SID, 1000, 500, 1_000_000)))
        .entry(post(POLLING + "&t=2&sid=" + SID, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=3&sid=" + SID).body("40{\"sid\":\"sio-" + SID + "\"}"))
        .entry(fixture.heldPoll(SID, t0.plusMillis(60)))
        .entry(fixture.closePost(SID, t0.plusMillis(closeAfterMs), "answered"));
    return Symptoms.of(RuleTester.of(new NetworkInterruptionRule()).addHar("fixture.har", har).incident())
        .stream().anyMatch(s -> s.id().equals("closed-right-after-opening"));
  }

  @Test
  void aCloseBeforeTheHeartbeatWindowEndedIsTheClientGivingUp() {
    assertThat(closedRightAfterOpening(300)).isTrue();
  }

  @Test
  void aCloseThePingTimerWroteIsNoRefusal() {
    // nothing came from the server for 1.7 s (> pingInterval + pingTimeout): engine.io-client's ping timer fired
    assertThat(closedRightAfterOpening(1_700)).isFalse();
  }
}
