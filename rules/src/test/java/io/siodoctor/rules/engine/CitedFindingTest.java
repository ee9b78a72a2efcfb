package io.siodoctor.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitedFindingTest {

  private static List<Evidence> evidence(int n, String file) {
    List<Evidence> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // every fifth item has no time (a HAR entry without startedDateTime): it counts, with no time
      Instant time = i % 5 == 4 ? null : Instant.EPOCH.plusSeconds(i);
      list.add(new Evidence(SourceLocation.line(file, i + 1), time, "line " + i, null));
    }
    return list;
  }

  @Test
  void citesTheFirstItemsAndCountsEveryRecord() {
    CitedFinding c = CitedFinding.of(Finding.of(0.9, evidence(35, "fixture.log")).withDetail("d").withSessions(List.of("s")));
    assertThat(c.finding().evidence()).hasSize(Finding.MAX_EVIDENCE)
        .isEqualTo(evidence(35, "fixture.log").subList(0, Finding.MAX_EVIDENCE));
    assertThat(c.finding().events()).isEqualTo(35);
    assertThat(c.finding().detail()).isEqualTo("d");
    assertThat(c.finding().sessionIds()).containsExactly("s");
    assertThat(c.tally().count()).isEqualTo(35);
  }

  @Test
  void keepsTheTimesOfTheUncitedOnesForTheBatch() {
    CitedFinding c = CitedFinding.of(Finding.of(0.9, evidence(35, "fixture.log")));
    // items 20..34 are uncited; 24, 29 and 34 have no time
    assertThat(c.tally().uncitedTimes()).hasSize(12)
        .startsWith(Instant.EPOCH.plusSeconds(20)).endsWith(Instant.EPOCH.plusSeconds(33))
        .doesNotContain(Instant.EPOCH.plusSeconds(24));
  }

  @Test
  void aShortFindingIsCitedWhole() {
    Finding f = Finding.of(0.9, evidence(3, "a.log"));
    CitedFinding c = CitedFinding.of(f);
    assertThat(c.finding()).isEqualTo(f);
    assertThat(c.tally()).isEqualTo(new EventTally(3, List.of()));
  }

  @Test
  void mergingAddsOnlyNewPlacesAndCutsAgain() {
    CitedFinding many = CitedFinding.of(Finding.of(0.6, evidence(35, "fixture.log")).withSessions(List.of("a")));
    CitedFinding merged = many.merge(CitedFinding.of(Finding.of(0.8, evidence(3, "other.log")).withSessions(List.of("b"))));
    // the three new items are cut too: their times join the uncited ones, and count once
    assertThat(merged.finding().evidence()).hasSize(Finding.MAX_EVIDENCE);
    assertThat(merged.tally().uncitedTimes()).hasSize(15);
    assertThat(merged.tally().count()).isEqualTo(38);
    assertThat(merged.finding().events()).isEqualTo(38);
    assertThat(merged.finding().confidence()).isEqualTo(0.8);
    assertThat(merged.finding().sessionIds()).containsExactly("a", "b");

    CitedFinding same = CitedFinding.of(Finding.of(0.9, evidence(3, "a.log")))
        .merge(CitedFinding.of(Finding.of(0.9, evidence(2, "a.log"))));
    assertThat(same.finding().events()).isEqualTo(3);
    CitedFinding two = CitedFinding.of(Finding.of(0.9, evidence(3, "a.log")))
        .merge(CitedFinding.of(Finding.of(0.9, evidence(2, "b.log"))));
    assertThat(two.finding().events()).isEqualTo(5);
    assertThat(two.finding().evidence()).hasSize(5);
  }
}
