package io.siodoctor.analyzer.sanitize;

import io.siodoctor.parsers.redact.RedactionPolicy;
import io.siodoctor.parsers.redact.Redactions;
import io.siodoctor.parsers.redact.SidHasher;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The promise of sanitize: sharing the sanitized HAR loses no diagnosis. */
class SanitizedCapturesAnalyseTheSameTest {

  @TestFactory
  Stream<DynamicTest> everySampleCaptureKeepsItsCauses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path har : Fixtures.sampleHars()) {
      tests.add(DynamicTest.dynamicTest(har.getParent().getFileName().toString(), () -> sameCauses(har)));
    }
    tests.add(DynamicTest.dynamicTest("secrets.har fixture", () -> sameCauses(Fixtures.fixture("secrets.har"))));
    return tests.stream();
  }

  @Test
  void thereAreSampleCapturesToCompare() throws IOException {
    assertThat(Fixtures.sampleHars()).isNotEmpty();
  }

  private static void sameCauses(Path har) throws IOException {
    byte[] original = Files.readAllBytes(har);
    byte[] sanitized = HarSanitizerTest.sanitize(original, RedactionPolicy.defaults(), null)
        .getBytes(StandardCharsets.UTF_8);
    RankedReport before = analyze(original);
    RankedReport after = analyze(sanitized);
    assertThat(ids(after)).as("causes after sanitizing %s", har).isEqualTo(ids(before));
    assertThat(after.sessions().size()).isEqualTo(before.sessions().size());
    for (int i = 0; i < before.causes().size(); i++) {
      assertThat(after.causes().get(i).evidence().size()).isEqualTo(before.causes().get(i).evidence().size());
    }
  }

  private static RankedReport analyze(byte[] har) {
    return Analyzer.builtIn().analyze(List.of(InputSource.of("capture.har", new ByteArrayInputStream(har))));
  }

  private static List<String> ids(RankedReport r) {
    return r.causes().stream().map(RankedCause::id).toList();
  }
}
