package io.siodoctor.analyzer.scan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code scan} counts exactly the causes {@code analyze} reports for the same files, through the real
 * commands: for every sample capture (whatever captures exist: the folders are read, not listed
 * here), for every set of inputs its {@code expected.json} names, and for the whole folder.
 */
class ScanAnalyzeAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STICKY = "sticky-session-missing--nginx-two-nodes";

  record Run(int exit, JsonNode json, String err) {}

  static Run run(String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Run(exit, JSON.readTree(out.toString(UTF_8)), err.toString(UTF_8));
  }

  static Path captures() {
    return Fixtures.repoRoot().resolve("sample-captures");
  }

  static List<Path> folders() throws IOException {
    try (Stream<Path> s = Files.list(captures())) {
      return s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
    }
  }

  static Set<String> ids(JsonNode causes) {
    Set<String> ids = new TreeSet<>();
    causes.forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }

  /** analyze's causes (all of them, not the top 5) and scan's for the same files. */
  static void agree(List<String> files, String... scanOptions) throws IOException {
    List<String> a = new ArrayList<>(List.of("analyze", "--format", "json", "--top", "1000"));
    a.addAll(files);
    List<String> s = new ArrayList<>(List.of("scan", "--format", "json"));
    s.addAll(List.of(scanOptions));
    s.addAll(files);
    Run analyze = run(a.toArray(String[]::new));
    Run scan = run(s.toArray(String[]::new));
    assertThat(scan.json().path("unreadable")).as(scan.err()).isEmpty();
    assertThat(ids(scan.json().path("causes"))).as("scan vs analyze of " + files)
        .isEqualTo(ids(analyze.json().path("causes")));
    // and the same exit code: 1 with causes, else 0 (analyze says 4 when it cannot decide: scan has no verdict)
    assertThat(scan.exit()).isEqualTo(analyze.json().path("causes").isEmpty() ? 0 : 1);
  }

  @Test
  void theCorpusIsThere() throws IOException {
    assertThat(folders()).hasSizeGreaterThan(10);
  }

  @TestFactory
  Stream<DynamicTest> everyCaptureScansToTheCausesAnalyzeReports() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : folders()) {
      JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
      List<JsonNode> sets = new ArrayList<>();
      sets.add(expected.path("inputs"));
      expected.path("variants").forEach(v -> sets.add(v.path("inputs")));
      for (JsonNode set : sets) {
        List<String> files = new ArrayList<>();
        if (set.isMissingNode() || set.isEmpty()) {
          files.add(folder.resolve("capture.har").toString());
        } else {
          set.forEach(f -> files.add(folder.resolve(f.asText()).toString()));
        }
        tests.add(DynamicTest.dynamicTest(folder.getFileName() + " " + set, () -> agree(files)));
      }
    }
    return tests.stream();
  }

  @Test
  void stickySessionsAcrossNodesAndChunksAreOneCauseAsInAnalyze() throws IOException {
    List<String> files = Stream.of("capture.har", "node-a.log", "node-b.log", "access.log", "error.log")
        .map(f -> captures().resolve(STICKY).resolve(f).toString()).toList();
    // five records a chunk: every node's log is cut in pieces, and the sids issued in one piece are
    // rejected in another piece or another file
    agree(files, "--chunk-records", "5");
    agree(files.subList(1, 3), "--chunk-records", "5");
    Run scan = run(Stream.concat(Stream.of("scan", "--format", "json", "--chunk-records", "5"),
        files.subList(1, 3).stream()).toArray(String[]::new));
    assertThat(ids(scan.json().path("causes"))).containsExactly(StickyCorrelator.CAUSE);
    JsonNode sticky = scan.json().path("causes").get(0);
    assertThat(sticky.path("files").toString()).contains("node-a.log").contains("node-b.log");
  }
}
