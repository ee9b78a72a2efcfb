package io.siodoctor.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siodoctor.parsers.record.SourceLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

  static List<Evidence> evidence(int n, String file) {
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
  void aRulesFindingKeepsAllItsEvidenceTheEngineCuts() {
    // the cut to MAX_EVIDENCE is the engine's (CitedFinding): what a rule returns is what it found
    Finding f = Finding.of(0.9, evidence(35, "fixture.log"));
    assertThat(f.evidence()).hasSize(35);
    assertThat(f.events()).isEqualTo(35);
    assertThat(f.withDetail("d").withFix("x").withConfidence(0.5).evidence()).isEqualTo(f.evidence());
  }

  @Test
  void eventsCountAtLeastTheEvidence() {
    assertThat(new Finding(0.9, evidence(3, "a.log"), null, null, null, 0).events()).isEqualTo(3);
    Finding counted = new Finding(0.9, evidence(3, "a.log"), null, null, null, 40);
    assertThat(counted.events()).isEqualTo(40);
    assertThat(counted.withDetail("d").withSessions(List.of("s")).events()).isEqualTo(40);
  }

  @Test
  void confidenceAndEvidenceAreChecked() {
    assertThatThrownBy(() -> Finding.of(1.2, evidence(1, "a.log"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Finding.of(0.5, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
