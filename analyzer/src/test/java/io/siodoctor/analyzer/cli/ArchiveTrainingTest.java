package io.siodoctor.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's archive training finds its captures (a renamed one would silently shrink it). */
class ArchiveTrainingTest {
  private final Path samples = Fixtures.repoRoot().resolve("sample-captures");

  @Test
  void everyTrainingCaptureExistsWithAHar() throws Exception {
    for (String capture : ArchiveTraining.CAPTURES) {
      List<String> inputs = ArchiveTraining.inputs(samples.resolve(capture));
      assertThat(inputs).as(capture).anyMatch(f -> f.endsWith(".har"));
      assertThat(inputs).as(capture).allMatch(f -> f.endsWith(".har") || f.endsWith(".log")).isSorted();
    }
  }

  @Test
  void aMissingCaptureIsSkipped() throws Exception {
    assertThat(ArchiveTraining.inputs(samples.resolve("no-such-capture"))).isEmpty();
  }
}
