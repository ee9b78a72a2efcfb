package io.siodoctor.analyzer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.render.HtmlRenderer;
import io.siodoctor.analyzer.render.Redaction;
import io.siodoctor.analyzer.render.JsonRenderer;
import io.siodoctor.analyzer.render.MarkdownRenderer;
import io.siodoctor.analyzer.render.TextRenderer;
import io.siodoctor.analyzer.sanitize.HarSanitizer;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.redact.RedactionPolicy;
import io.siodoctor.parsers.redact.SecretMasker;
import io.siodoctor.parsers.redact.SidHasher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzz targets for the sanitizer and the whole analysis with every renderer (Jazzer). Like {@code
 * ParsersFuzzTest}: in {@code mvn verify} they replay their inputs directory (every input that
 * ever failed) and every sample capture; {@code bench/fuzz.sh} fuzzes them. A target fails on any
 * exception but the tool's one-line input error, on an "internal error" in a report, and on an
 * input that takes more than two seconds of CPU.
 */
class AnalyzerFuzzTest {
  private static final long MAX_MILLIS = 2_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Analyzer ANALYZER = Analyzer.builtIn();

  static {
    // load (and, when fuzzing, instrument) every class before the first timed input: cold start is not a hang
    try {
      byte[] har = Files.readAllBytes(Path.of(System.getProperty("sio.repo.root", ".."))
          .resolve("analyzer/src/test/resources/fixtures/seeded-secrets.har"));
      new AnalyzerFuzzTest().sanitizer(har);
      new AnalyzerFuzzTest().renderers(har);
    } catch (IOException e) {
      // a fixture not found from this working directory only means a colder first input
    }
  }

  // under the 3-minute JUnit timeout of this module (junit-platform.properties), which Jazzer also applies
  @FuzzTest(maxDuration = "150s")
  void sanitizer(byte[] data) throws IOException {
    long start = cpu();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new HarSanitizer(RedactionPolicy.defaults(), new SidHasher(new byte[32]))
          .sanitize(new ByteArrayInputStream(data), out);
    } catch (HarSanitizer.NotAHarException e) {
      assertOneLine(e.getMessage());
    }
    inTime(start);
  }

  @FuzzTest(maxDuration = "150s")
  void renderers(byte[] data) throws IOException {
    long start = cpu();
    Analysis analysis = Redaction.MASKED.apply(ANALYZER.analyze(List.of(InputSource.of("fuzz.har", new ByteArrayInputStream(data)))));
    for (InputSummary input : analysis.report().inputs()) {
      if (input.error() != null) {
        assertOneLine(input.error());
      }
    }
    StringWriter out = new StringWriter();
    new TextRenderer(false).render(analysis, out);
    new JsonRenderer().render(analysis, out);
    new MarkdownRenderer().render(analysis, out);
    new HtmlRenderer().render(analysis, out);
    assertThat(out.toString()).doesNotContain("internal error");
    inTime(start);
  }

  @TestFactory
  Stream<DynamicTest> sampleCapturesAsSeeds() throws IOException {
    Path root = Path.of(System.getProperty("sio.repo.root", "..")).resolve("sample-captures");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> !p.toString().contains("node_modules") && Files.isRegularFile(p)
          && p.toString().endsWith(".har")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
      byte[] bytes = Files.readAllBytes(p);
      sanitizer(bytes);
      renderers(bytes);
    }));
  }

  private static void assertOneLine(String message) {
    assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("internal error");
  }

  private static long cpu() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  private static void inTime(long start) {
    assertThat((cpu() - start) / 1_000_000).as("CPU milliseconds for one input").isLessThan(MAX_MILLIS);
  }
}
