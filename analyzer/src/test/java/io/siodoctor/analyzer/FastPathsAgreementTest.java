package io.siodoctor.analyzer;

import io.siodoctor.parsers.FastPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fast path forced on ({@link FastPaths#FORCE_PROPERTY}) gives exactly the golden reports of
 * the plain paths: every sample capture's main run as JSON, and the scan of the corpus.
 */
class FastPathsAgreementTest {
  @BeforeAll
  static void forceFastPaths() {
    System.setProperty(FastPaths.FORCE_PROPERTY, "true");
  }

  @AfterAll
  static void plainPathsAgain() {
    System.clearProperty(FastPaths.FORCE_PROPERTY);
  }

  @TestFactory
  Stream<DynamicTest> everyCaptureGivesItsGoldenReportWithEveryFastPathForced() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : SampleCapturesTest.folders()) {
      String name = folder.getFileName().toString();
      List<String> inputs = SampleCapturesTest.mainInputs(folder).stream().map(i -> folder.resolve(i).toString()).toList();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        org.assertj.core.api.Assertions.assertThat(FastPaths.forced()).isTrue();
        GoldenReports.check(name, "main", inputs, List.of(folder), List.of("json"));
      }));
    }
    tests.add(DynamicTest.dynamicTest("scan of the corpus", () -> new GoldenScanTest().theCorpusScansToItsGoldenSummary("2")));
    return tests.stream();
  }
}
