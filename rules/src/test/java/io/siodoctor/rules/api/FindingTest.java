package io.siodoctor.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siodoctor.parsers.record.SourceLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

  private static List<Evidence> evidence(int n, String file) {
    List<Evidence> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new Evidence(SourceLocation.line(file, i + 1), Instant.EPOCH.plusSeconds(i), "line " + i, null));
    }
    return list;
  }

  @Test
  void sessionsKeepTheOrderTheRuleFoundThemIn() {
    // reports must be the same from run to run: an immutable Set.copyOf iterates in an order salted
    // per JVM, so 40 sids would come out shuffled
    List<String> sids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sids.add("sid-" + i);
    }
    Finding f = Finding.of(0.9, evidence(1, "fixture.log")).withSessions(sids);
    assertThat(f.sessionIds()).containsExactlyElementsOf(sids);
    assertThat(f.withDetail("d").sessionIds()).containsExactlyElementsOf(sids);
  }

  @Test
  void evidenceIsCappedButEventsCountEveryRecord() {
    Finding f = Finding.of(0.9, evidence(35, "fixture.log"));
    assertThat(f.evidence()).hasSize(Finding.MAX_EVIDENCE);
    assertThat(f.events()).isEqualTo(35);
    assertThat(f.withDetail("d").withFix("x").withConfidence(0.5).events()).isEqualTo(35);
  }

  @Test
  void theTimesOfUncitedEvidenceAreKept() {
    Finding f = Finding.of(0.9, evidence(35, "fixture.log"));
    assertThat(f.tally().uncitedTimes()).hasSize(15).first().isEqualTo(Instant.EPOCH.plusSeconds(20));
    assertThat(f.tally().uncitedTimes()).last().isEqualTo(Instant.EPOCH.plusSeconds(34));
    Finding merged = f.withMoreEvidence(evidence(3, "other.log")).withDetail("d");
    // the three new items are cut too: their times join the uncited ones, and count once
    assertThat(merged.tally().uncitedTimes()).hasSize(18);
    assertThat(merged.events()).isEqualTo(38);
  }

  @Test
  void mergingAddsOnlyNewPlaces() {
    Finding f = Finding.of(0.9, evidence(3, "a.log")).withMoreEvidence(evidence(2, "a.log"));
    assertThat(f.events()).isEqualTo(3);
    Finding g = Finding.of(0.9, evidence(3, "a.log")).withMoreEvidence(evidence(2, "b.log"));
    assertThat(g.events()).isEqualTo(5);
    assertThat(g.evidence()).hasSize(5);
  }

  @Test
  void confidenceAndEvidenceAreChecked() {
    assertThatThrownBy(() -> Finding.of(1.2, evidence(1, "a.log"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Finding.of(0.5, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
