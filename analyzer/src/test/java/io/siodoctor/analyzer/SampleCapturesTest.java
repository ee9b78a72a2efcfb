package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The end-to-end suite: every {@code sample-captures/<folder>/expected.json} run through the real
 * {@code analyze} command, as a user would run it, on the committed recordings. Checks the top
 * cause, the expected set, the decisive evidence locations and the exit code.
 *
 * <p>Every capture is also run degraded the way real exporters degrade it ({@link DegradedHar}:
 * cookies and auth headers dropped, response bodies dropped, frames dropped, all three; and the HAR
 * without the logs when the main run has logs). The variants are made here from the recorded
 * files. {@code expected.json} may say per variant what must come out ({@code degraded}); without an
 * entry, a variant must give the capture's own top cause or {@code inconclusive} (healthy for a
 * healthy capture, or inconclusive), never {@code healthy} for a failing capture, and never a cause
 * outside {@code causes}/{@code allowed}.
 */
class SampleCapturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INCONCLUSIVE = "inconclusive";
  private static final String HEALTHY = "healthy";
  /**
   * The share of all runs (main runs, recorded variants, degraded variants) whose top cause is the
   * capture's real cause ({@code healthy} for a healthy capture). Set at the first honest run of the
   * degraded suite; it may rise, never fall.
   */
  static final double RIGHT_TOP_FLOOR = 0.84;

  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final AtomicInteger RIGHT_TOP = new AtomicInteger();
  private static final List<String> MISSES = java.util.Collections.synchronizedList(new ArrayList<>());

  static Path capturesDir() {
    String root = System.getProperty("sio.repo.root", "..");
    return Path.of(root).toAbsolutePath().normalize().resolve("sample-captures");
  }

  static List<Path> folders() throws IOException {
    try (Stream<Path> s = Files.list(capturesDir())) {
      return s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
    }
  }

  @Test
  void theCorpusHasHealthyControlsAndProblemCaptures() throws IOException {
    List<Path> folders = folders();
    assertThat(folders).isNotEmpty();
    assertThat(folders.stream().filter(p -> p.getFileName().toString().startsWith("healthy--"))).isNotEmpty();
    assertThat(folders.stream().filter(p -> !p.getFileName().toString().startsWith("healthy--"))).isNotEmpty();
  }

  @Test
  void everyAllowedCauseSaysWhyItMayAppear() throws IOException {
    for (Path folder : folders()) {
      JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
      List<JsonNode> specs = new ArrayList<>(List.of(expected));
      expected.path("variants").forEach(specs::add);
      expected.path("degraded").forEach(specs::add);
      for (JsonNode spec : specs) {
        for (JsonNode a : spec.path("allowed")) {
          assertThat(a.path("id").asText("")).as(folder.getFileName() + ": allowed entry " + a).isNotBlank();
          assertThat(a.path("reason").asText("")).as(folder.getFileName() + ": allowed " + a + " needs a one-line reason")
              .isNotBlank().doesNotContain("\n");
        }
      }
      for (var it = expected.path("degraded").fieldNames(); it.hasNext(); ) {
        String name = it.next();
        assertThat(DegradedHar.of(false).stream().map(d -> d.id).toList())
            .as(folder.getFileName() + ": degraded variant name").contains(name);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaptureAnalysesToItsExpectedCauses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : folders()) {
      JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
      String name = folder.getFileName().toString();
      // the real cause is the folder's name (<cause-id>--<scenario>), also where the main run is inconclusive
      String realTop = name.contains("--") ? name.substring(0, name.indexOf("--"))
          : expected.path("top").isTextual() ? expected.path("top").asText() : HEALTHY;
      List<String> baseInputs = inputs(expected);
      tests.add(DynamicTest.dynamicTest(name, () -> check(folder, baseInputs, folder, expected, realTop, name, "main")));
      JsonNode variants = expected.path("variants");
      for (int i = 0; i < variants.size(); i++) {
        JsonNode v = variants.get(i);
        String key = "variant-" + (i + 1);
        tests.add(DynamicTest.dynamicTest(name + " " + v.path("inputs"),
            () -> check(folder, inputs(v), folder, v, realTop, name + " " + v.path("inputs"), key)));
      }
      List<String> hars = baseInputs.stream().filter(f -> f.endsWith(".har")).toList();
      if (hars.isEmpty()) {
        continue;
      }
      if (hars.size() < baseInputs.size()) {
        tests.add(DynamicTest.dynamicTest(name + " har-only", () -> check(folder, hars, folder,
            lenient(expected), realTop, name + " har-only", "har-only")));
      }
      for (DegradedHar d : DegradedHar.of(false)) {
        JsonNode spec = expected.path("degraded").has(d.id) ? expected.path("degraded").path(d.id) : lenient(expected);
        tests.add(DynamicTest.dynamicTest(name + " " + d.id, () -> {
          Path dir = Files.createTempDirectory("sio-degraded");
          try {
            for (String h : hars) {
              d.write(folder.resolve(h), dir);
            }
            check(dir, baseInputs, folder, spec, realTop, name + " " + d.id, d.id);
          } finally {
            deleteTree(dir);
          }
        }));
      }
    }
    tests.add(DynamicTest.dynamicTest("share of runs with the right top cause", () -> {
      double share = RUNS.get() == 0 ? 0 : (double) RIGHT_TOP.get() / RUNS.get();
      System.out.printf(Locale.ROOT, "SampleCapturesTest: right top cause in %d of %d runs (%.3f); floor %.3f%n",
          RIGHT_TOP.get(), RUNS.get(), share, RIGHT_TOP_FLOOR);
      MISSES.stream().sorted().forEach(m -> System.out.println("  not the real cause: " + m));
      assertThat(RUNS.get()).isPositive();
      assertThat(share).as("share of runs with the right top cause").isGreaterThanOrEqualTo(RIGHT_TOP_FLOOR);
    }));
    return tests.stream();
  }

  /** What a degraded run without its own entry must give: the capture's own cause or an honest inconclusive. */
  private static JsonNode lenient(JsonNode expected) {
    var spec = JSON.createObjectNode();
    spec.put("lenient", true);
    spec.set("top", expected.path("top").isTextual() ? expected.get("top") : JSON.nullNode());
    spec.set("causes", JSON.createArrayNode());
    var allowed = JSON.createArrayNode();
    expected.path("causes").forEach(c -> allowed.addObject().put("id", c.asText()).put("reason", "expected cause"));
    expected.path("allowed").forEach(allowed::add);
    spec.set("allowed", allowed);
    return spec;
  }

  /** The inputs of a capture's main run, as {@code expected.json} names them. */
  static List<String> mainInputs(Path folder) throws IOException {
    return inputs(JSON.readTree(folder.resolve("expected.json").toFile()));
  }

  private static List<String> inputs(JsonNode spec) {
    List<String> files = new ArrayList<>();
    spec.path("inputs").forEach(i -> files.add(i.asText()));
    return files.isEmpty() ? List.of("capture.har") : files;
  }

  /**
   * @param dir where the HAR inputs are read from (the folder, or a temporary folder of degraded copies)
   * @param folder the capture folder (logs are always read from there)
   * @param realTop the capture's real cause, {@code healthy} for a healthy capture
   * @param runKey the run's name in the golden reports ({@link GoldenReports})
   */
  private static void check(Path dir, List<String> inputs, Path folder, JsonNode expected, String realTop, String run,
      String runKey) {
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "json", "--top", "100"));
    List<String> paths = new ArrayList<>();
    for (String i : inputs) {
      Path p = dir.resolve(i);
      paths.add((Files.exists(p) ? p : folder.resolve(i)).toString());
    }
    args.addAll(paths);
    boolean degraded = !dir.equals(folder);
    GoldenReports.check(folder.getFileName().toString(), runKey, paths, List.of(dir, folder),
        degraded ? List.of("json") : GoldenReports.ALL_FORMATS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    JsonNode report;
    try {
      report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String summary = run + "\n" + summary(report) + "\nstderr: " + err.toString(StandardCharsets.UTF_8);
    String verdict = report.path("verdict").asText();
    if (expected.has("exporter")) {
      // the exporter captures (sample-captures/EXPORTERS.md) name the tool that wrote their HAR
      List<String> exporters = new ArrayList<>();
      report.path("inputs").forEach(in -> {
        if (in.path("capture").isObject()) {
          exporters.add(in.path("capture").path("exporter").asText());
        }
      });
      assertThat(exporters).as("inputs[].capture.exporter\n" + summary).containsExactly(expected.path("exporter").asText());
    }
    String gotTop = report.path("causes").isEmpty() ? verdict : report.path("causes").get(0).path("id").asText();
    RUNS.incrementAndGet();
    // a run whose expected.json entry says its inputs cannot show the cause ("top": "inconclusive",
    // e.g. a Playwright HAR recorded with content: 'omit') is right when it says so
    boolean expectsInconclusive = !expected.path("lenient").asBoolean(false)
        && INCONCLUSIVE.equals(expected.path("top").asText(null));
    if (gotTop.equals(realTop) || expectsInconclusive && gotTop.equals(INCONCLUSIVE)) {
      RIGHT_TOP.incrementAndGet();
    } else {
      MISSES.add(run + " -> " + gotTop);
    }

    Set<String> reported = new LinkedHashSet<>();
    report.path("causes").forEach(c -> reported.add(c.path("id").asText()));
    Set<String> mustHave = new HashSet<>();
    expected.path("causes").forEach(c -> mustHave.add(c.asText()));
    Set<String> mayHave = new HashSet<>(mustHave);
    expected.path("allowed").forEach(c -> mayHave.add(c.isObject() ? c.path("id").asText() : c.asText()));
    JsonNode top = expected.path("top");
    boolean healthyCapture = realTop.equals(HEALTHY);

    if (!healthyCapture) {
      assertThat(verdict).as("a failing capture is never healthy\n" + summary).isNotEqualTo(HEALTHY);
    }
    assertThat(exit).as("exit code for verdict " + verdict + "\n" + summary).isEqualTo(exitFor(verdict));
    assertThat(mayHave).as("causes reported beyond expected + allowed\n" + summary).containsAll(reported);

    if (expected.path("lenient").asBoolean(false)) {
      // a capture whose own HAR cannot show its cause expects inconclusive itself (top "inconclusive")
      Set<String> acceptable = healthyCapture ? Set.of(HEALTHY, INCONCLUSIVE)
          : realTop.equals(INCONCLUSIVE) ? Set.of(INCONCLUSIVE) : Set.of(realTop, INCONCLUSIVE);
      assertThat(gotTop).as("the capture's own cause, or inconclusive\n" + summary).isIn(acceptable);
      return;
    }
    if (top.isNull() || top.isMissingNode()) {
      assertThat(verdict).as(summary).isEqualTo(HEALTHY);
      return;
    }
    if (top.asText().equals(INCONCLUSIVE)) {
      assertThat(verdict).as(summary).isEqualTo(INCONCLUSIVE);
      assertThat(report.path("symptoms").size() + report.path("next").size()).as("inconclusive says why\n" + summary)
          .isPositive();
      return;
    }
    assertThat(verdict).as(summary).isEqualTo("problems");
    assertThat(gotTop).as(summary).isEqualTo(top.asText());
    assertThat(reported).as(summary).containsAll(mustHave);

    Set<String> cited = new HashSet<>();
    for (JsonNode c : report.path("causes")) {
      if (mustHave.contains(c.path("id").asText())) {
        for (JsonNode e : c.path("evidence")) {
          cited.add(Path.of(e.path("file").asText()).getFileName() + " " + e.path("location").asText());
        }
      }
    }
    for (JsonNode e : expected.path("evidence")) {
      assertThat(cited).as("decisive evidence cited\n" + summary)
          .contains(e.path("file").asText() + " " + e.path("location").asText());
    }
  }

  private static int exitFor(String verdict) {
    switch (verdict) {
      case HEALTHY:
        return 0;
      case INCONCLUSIVE:
        return 4;
      default:
        return 1;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String summary(JsonNode report) {
    StringBuilder sb = new StringBuilder("report: " + report.path("verdict").asText());
    for (JsonNode c : report.path("causes")) {
      sb.append("\n  ").append(c.path("rank").asInt()).append(". ").append(c.path("id").asText())
          .append(" ").append(c.path("confidence").asDouble()).append(" ").append(c.path("detail").asText(""));
      int n = 0;
      for (JsonNode e : c.path("evidence")) {
        if (n++ < 4) {
          sb.append("\n     ").append(Path.of(e.path("file").asText()).getFileName()).append(" ")
              .append(e.path("location").asText());
        }
      }
    }
    for (JsonNode s : report.path("symptoms")) {
      sb.append("\n  symptom: ").append(s.path("id").asText()).append(" ").append(s.path("summary").asText());
    }
    for (JsonNode in : report.path("inputs")) {
      if (!in.path("error").isNull()) {
        sb.append("\n  input error: ").append(in.path("error").asText());
      }
    }
    return sb.toString();
  }
}
