package io.siodoctor.rules.incident;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.rules.engine.RuleEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Incident;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentBuilderTest {

  /** A fixture debug log: a handshake, then lines no rule reads, the last one latest. */
  private static final String LOG = """
      2026-11-25T10:00:00.000Z engine handshaking client "abc"
      2026-11-25T10:00:00.001Z engine intercepting request for path "/socket.io/"
      2026-11-25T10:00:00.002Z engine:socket writing ping packet - expecting pong within 20000ms
      2026-11-25T10:00:09.500Z engine no middleware to apply, skipping
      """;

  private static Incident build(ReadSet plan) {
    IncidentBuilder builder = new IncidentBuilder(plan);
    builder.addInput(new InputReader().read(
        new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8)), "fixture-node-a.log", builder.sink()));
    return builder.build();
  }

  @Test
  void analyzeKeepsEveryLine() {
    Incident incident = build(ReadSet.EVERYTHING);
    assertThat(incident.logLines(LogEvent.OTHER)).hasSize(2);
    assertThat(incident.end()).isEqualTo(Instant.parse("2026-11-25T10:00:09.500Z"));
  }

  @Test
  void aBatchIncidentLeavesUnrecognisedLinesOutButStillEndsAtTheLast() {
    // no built-in rule reads them: the plan made from their declarations says so
    Incident incident = build(RuleEngine.builtIn().plan());
    assertThat(incident.logLines(LogEvent.OTHER)).isEmpty();
    assertThat(incident.records()).extracting(r -> ((LogLine) r).event())
        .containsExactly(LogEvent.HANDSHAKE, LogEvent.PING_SENT);
    assertThat(incident.sessions()).singleElement().satisfies(s -> assertThat(s.sid()).isEqualTo("abc"));
    // a PING's missing answer is measured up to here, not up to the PING itself
    assertThat(incident.end()).isEqualTo(Instant.parse("2026-11-25T10:00:09.500Z"));
  }

  @Test
  void linesThatGoBackInTimeAreStillSorted() {
    String log = """
        2026-11-25T10:00:05.000Z engine handshaking client "late"
        2026-11-25T10:00:01.000Z engine handshaking client "early"
        garbage without a time
        2026-11-25T10:00:03.000Z engine handshaking client "middle"
        """;
    IncidentBuilder builder = new IncidentBuilder();
    builder.addInput(new InputReader().read(
        new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), "fixture-node-a.log", builder.sink()));
    Incident incident = builder.build();
    assertThat(incident.logLines(LogEvent.HANDSHAKE)).extracting(LogLine::sessionId)
        .containsExactly("early", "middle", "late");
  }

  @Test
  void logsAloneGetTheSameIndexAsAnyIncident() {
    Incident fast = build(RuleEngine.builtIn().plan());
    Incident general = new Incident(fast.records(), null, fast.sessions(), java.util.List.of(), fast.inputs(),
        java.util.List.of(), fast.end(), null);
    for (LogEvent e : LogEvent.values()) {
      assertThat(fast.logLines(e)).as(e.name()).isEqualTo(general.logLines(e));
    }
    assertThat(fast.logLines()).isEqualTo(general.logLines()).isNotEmpty();
    assertThat(fast.end()).isEqualTo(general.end());
    assertThat(fast.session("abc")).isPresent();
  }
}
