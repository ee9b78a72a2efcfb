package io.siodoctor.analyzer.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.rules.api.Evidence;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chunks of a member analysed apart (on the pool) and combined in reading order count what one
 * tally fed every chunk's findings in turn counts: the same files in the same order, sessions,
 * events, first and last time, hours and earliest examples (ties in time kept in reading order).
 */
class IncidentMergeCombineTest {
  private static final String[] FILES = {"node-a.log", "node-b.log", "nginx/access.log"};
  private static final String[] CAUSES = {"transport-unknown", "server-restart", "auth-rejected"};

  @Test
  void chunksCombinedInOrderCountAsOneTallyFedInTurn() {
    Random random = new Random(42);
    List<Event> events = new java.util.ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      // few distinct seconds: many examples tie on time and differ only by place
      Instant time = i % 97 == 0 ? null : Instant.parse("2026-11-24T01:00:00Z").plusSeconds(random.nextInt(4) * 1800L);
      events.add(new Event(CAUSES[random.nextInt(CAUSES.length)], FILES[random.nextInt(FILES.length)],
          random.nextInt(400), time, "sid-" + random.nextInt(700), 0.5 + random.nextInt(5) / 10.0,
          random.nextInt(3)));
    }
    Map<String, Map<String, CauseTally>> inTurn = new LinkedHashMap<>();
    events.forEach(e -> e.addTo(inTurn));

    Map<String, Map<String, CauseTally>> combined = new LinkedHashMap<>();
    for (int from = 0, to; from < events.size(); from = to) {
      to = Math.min(events.size(), from + 1 + random.nextInt(200));
      Map<String, Map<String, CauseTally>> chunk = new LinkedHashMap<>();
      events.subList(from, to).forEach(e -> e.addTo(chunk));
      IncidentMerge.combine(combined, chunk);
    }

    assertThat(combined.keySet()).containsExactlyElementsOf(inTurn.keySet());
    inTurn.forEach((file, causes) -> {
      assertThat(combined.get(file).keySet()).containsExactlyElementsOf(causes.keySet());
      causes.forEach((id, t) -> {
        CauseTally c = combined.get(file).get(id);
        assertThat(c.sessions()).isEqualTo(t.sessions());
        assertThat(c.events()).isEqualTo(t.events());
        assertThat(c.confidence()).isEqualTo(t.confidence());
        assertThat(c.first()).isEqualTo(t.first());
        assertThat(c.last()).isEqualTo(t.last());
        assertThat(c.files()).isEqualTo(t.files());
        assertThat(c.hours()).isEqualTo(t.hours());
        assertThat(c.examples()).isEqualTo(t.examples());
      });
    });
  }

  /** One cited event of a finding, with the uncited events counted beside it. */
  private record Event(String cause, String file, long line, Instant time, String sid, double confidence,
      int uncited) {
    void addTo(Map<String, Map<String, CauseTally>> tallies) {
      CauseTally t = tallies.computeIfAbsent(file, k -> new LinkedHashMap<>())
          .computeIfAbsent(cause, k -> new CauseTally(k, 5));
      t.addUncitedEvents(uncited, time == null ? List.of() : List.of(time.plusSeconds(60)));
      t.addConfidence(confidence);
      t.addSessions(List.of(sid));
      t.addEvidence(new Evidence(SourceLocation.line(file, line), time, "line " + line + " token=secret" + line,
          null));
    }
  }
}
