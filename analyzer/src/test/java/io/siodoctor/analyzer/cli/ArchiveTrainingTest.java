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

  @Test
  void theTrainingRunLoadsTheBigInputPaths() throws Exception {
    // in a JVM of its own, as the launcher runs it: the classes it loads are what the archive holds
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(javaBin.toString(), "-Xshare:off", "-Xlog:class+load=info", "-cp",
        System.getProperty("java.class.path"), ArchiveTraining.class.getName(), samples.toString())
        .redirectErrorStream(true).start();
    String loaded = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(loaded).contains("io.siodoctor.parsers.har.EntryLanes$Lane ", "io.siodoctor.parsers.har.ParallelEntries ",
        "io.siodoctor.analyzer.scan.MemberScanner ");
  }
}
