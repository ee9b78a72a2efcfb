package io.siodoctor.rules.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvidenceListTest {

  @Test
  void keepsEveryItemButMakesOnlyTheCitedOnesWhole() {
    EvidenceList list = new EvidenceList();
    AtomicInteger notesWritten = new AtomicInteger();
    for (int i = 0; i < 30; i++) {
      list.add(line(i), () -> "note " + notesWritten.incrementAndGet());
    }
    Finding f = list.finding(0.9);
    assertThat(list.size()).isEqualTo(30);
    assertThat(f.evidence()).hasSize(30);
    assertThat(f.events()).isEqualTo(30);
    assertThat(notesWritten).hasValue(Finding.MAX_EVIDENCE);
    Evidence cited = f.evidence().get(Finding.MAX_EVIDENCE - 1);
    assertThat(cited.excerpt()).contains("line 19");
    assertThat(cited.note()).isEqualTo("note 20");
    // past what the engine cites: the place and the time, no excerpt copied and no note written
    Evidence uncited = f.evidence().get(Finding.MAX_EVIDENCE);
    assertThat(uncited.location()).isEqualTo(SourceLocation.line("fixture-error.log", 21));
    assertThat(uncited.time()).isEqualTo(Instant.EPOCH.plusSeconds(20));
    assertThat(uncited.excerpt()).isEmpty();
    assertThat(uncited.note()).isNull();
  }

  private static LogLine line(int i) {
    return new LogLine(SourceLocation.line("fixture-error.log", i + 1), i + 1, Instant.EPOCH.plusSeconds(i),
        LogFormat.NGINX_ERROR, null, "error", null, null, "line " + i, null, null, null);
  }
}
