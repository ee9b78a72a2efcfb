package io.siodoctor.rules.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.ClockOffset;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.connect.StickySessionMissingRule;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.RuleTester;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockAlignmentTest {

  private static HarFixture handshakeAt(Instant t, String sid) {
    return HarFixture.har().entry(HarFixture.get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=a")
        .at(t).took(10).body(HarFixture.open(sid, "websocket")));
  }

  @Test
  void aServerLogFiveSecondsAheadIsMovedOntoTheBrowsersClock() {
    Instant browser = Instant.parse("2026-11-25T10:00:00Z");
    Incident incident = RuleTester.of(new StickySessionMissingRule())
        .addHar("fixture.har", handshakeAt(browser, "abc"))
        .addLog("fixture-node-a.log", """
            2026-11-25T10:00:05.008Z engine handshaking client "abc"
            2026-11-25T10:00:06.008Z engine:socket writing ping packet - expecting pong within 20000ms
            """)
        .incident();
    assertThat(incident.clockOffsets()).singleElement().satisfies(o -> {
      assertThat(o.file()).isEqualTo("fixture-node-a.log");
      assertThat(o.offsetMillis()).isBetween(4990L, 5000L);
      assertThat(o.sharedSessions()).isEqualTo(1);
      assertThat(o.applied()).isTrue();
    });
    LogLine handshake = incident.logLines(LogEvent.HANDSHAKE).get(0);
    assertThat(handshake.time()).isBetween(browser, browser.plusMillis(20));
  }

  @Test
  void aLogInStepWithTheBrowserIsLeftAlone() {
    Instant browser = Instant.parse("2026-11-25T10:00:00Z");
    Incident incident = RuleTester.of(new StickySessionMissingRule())
        .addHar("fixture.har", handshakeAt(browser, "abc"))
        .addLog("fixture-node-a.log", "2026-11-25T10:00:00.005Z engine handshaking client \"abc\"\n")
        .incident();
    ClockOffset o = incident.clockOffsets().get(0);
    assertThat(o.applied()).isFalse();
    assertThat(incident.logLines(LogEvent.HANDSHAKE).get(0).time()).isEqualTo(Instant.parse("2026-11-25T10:00:00.005Z"));
  }

  @Test
  void noSharedSessionNoOffset() {
    Incident incident = RuleTester.of(new StickySessionMissingRule())
        .addHar("fixture.har", handshakeAt(Instant.parse("2026-11-25T10:00:00Z"), "abc"))
        .addLog("fixture-node-a.log", "2026-11-25T10:00:05Z engine handshaking client \"other\"\n")
        .incident();
    assertThat(incident.clockOffsets()).isEmpty();
  }
}
