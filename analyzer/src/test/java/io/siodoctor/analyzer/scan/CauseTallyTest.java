package io.siodoctor.analyzer.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.rules.api.Evidence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CauseTallyTest {

  @Test
  void uncitedEventsCountInTheHoursAndTheLastTimeLikeCitedOnes() {
    CauseTally t = new CauseTally("server-unreachable", 5);
    t.addEvidence(new Evidence(SourceLocation.line("error.log", 7), Instant.parse("2026-11-24T01:10:00Z"), "connect() failed", null));
    t.addUncitedEvents(3, List.of(Instant.parse("2026-11-24T01:20:00Z"), Instant.parse("2026-11-24T03:05:00Z")));

    assertThat(t.events()).isEqualTo(4);
    assertThat(t.hours()).containsExactly(
        java.util.Map.entry("2026-11-24T01", 2L), java.util.Map.entry("2026-11-24T03", 1L));
    assertThat(t.first()).isEqualTo(Instant.parse("2026-11-24T01:10:00Z"));
    assertThat(t.last()).isEqualTo(Instant.parse("2026-11-24T03:05:00Z"));
    assertThat(t.examples()).hasSize(1);
  }
}
