package io.siodoctor.rules.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvidenceListTest {

  @Test
  void keepsTheFirstItemsWholeAndOnlyTheTimesOfTheRest() {
    EvidenceList list = new EvidenceList();
    for (int i = 0; i < 30; i++) {
      list.add(new Evidence(SourceLocation.line("fixture-error.log", i + 1), Instant.EPOCH.plusSeconds(i), "line " + i, null));
    }
    Finding f = list.finding(0.9);
    assertThat(f.evidence()).hasSize(Finding.MAX_EVIDENCE);
    assertThat(f.events()).isEqualTo(30);
    assertThat(f.tally().uncitedTimes()).hasSize(10).startsWith(Instant.EPOCH.plusSeconds(20)).endsWith(Instant.EPOCH.plusSeconds(29));
  }
}
