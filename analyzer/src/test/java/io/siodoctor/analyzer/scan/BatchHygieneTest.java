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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a nightly job needs from {@code scan} and {@code index}, through the real CLI. */
class BatchHygieneTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  static Path captures() {
    return Fixtures.repoRoot().resolve("sample-captures");
  }

  /**
   * The whole corpus, READMEs, scripts and pages included: exit 1 (causes), never 3; every file that
   * is neither a HAR nor a log is skipped and named; and each capture's causes are exactly what
   * analyze says of that capture's readable files (no cause counted from another capture).
   */
  @Test
  void scanningTheSampleCapturesSkipsTheirScriptsAndKeepsEachCapturesOwnCauses() throws IOException {
    // recorder/node_modules is the recorders' local npm install (git-ignored), not a capture
    Run scan = run("scan", "--format", "json", "--exclude", "**/node_modules/**", captures().toString());
    assertThat(scan.exit()).as(scan.err()).isEqualTo(1);
    JsonNode s = scan.json();
    assertThat(s.path("unreadable")).as(scan.err()).isEmpty();
    Set<String> skipped = new TreeSet<>();
    s.path("skipped").forEach(k -> skipped.add(k.path("file").asText()));
    assertThat(skipped).contains("sample-captures/" + CliFolders.STICKY + "/README.md",
        "sample-captures/" + CliFolders.STICKY + "/record.sh", "sample-captures/" + CliFolders.STICKY + "/server.js");
    assertThat(skipped).noneMatch(f -> f.endsWith(".har") || f.endsWith("node-a.log"));
    s.path("skipped").forEach(k -> assertThat(k.path("reason").asText()).isNotEmpty());

    // per capture folder: the causes whose files are in it
    Map<String, Set<String>> scanned = new HashMap<>();
    for (JsonNode c : s.path("causes")) {
      for (JsonNode f : c.path("files")) {
        String[] parts = f.asText().split("/");
        scanned.computeIfAbsent(parts[1], k -> new TreeSet<>()).add(c.path("id").asText());
      }
    }
    List<Path> folders;
    try (Stream<Path> list = Files.list(captures())) {
      folders = list.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
    }
    for (Path folder : folders) {
      List<String> args = new ArrayList<>(List.of("analyze", "--format", "json", "--top", "1000"));
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(Files::isRegularFile)
            .filter(p -> !skipped.contains("sample-captures/" + folder.getFileName() + "/" + p.getFileName()))
            .sorted().forEach(p -> args.add(p.toString()));
      }
      Run analyze = run(args.toArray(String[]::new));
      Set<String> expected = new TreeSet<>();
      analyze.json().path("causes").forEach(c -> expected.add(c.path("id").asText()));
      assertThat(scanned.getOrDefault(folder.getFileName().toString(), Set.of()))
          .as(folder.getFileName() + ": " + args).isEqualTo(expected);
    }
  }

  @Test
  void aCorruptArchiveStillExitsThree() throws IOException {
    Path night = Files.createDirectories(tmp.resolve("night"));
    Files.writeString(night.resolve("README.md"), "# night of 2026-11-24\n");
    byte[] gz = ArchiveFiles.gzip(Files.readAllBytes(captures().resolve(CliFolders.STICKY).resolve("node-a.log")));
    Files.write(night.resolve("node-a.log.gz"), ArchiveFiles.head(gz, gz.length / 2));
    Run r = run("scan", "--format", "json", night.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.json().path("unreadable").get(0).path("file").asText()).isEqualTo("night/node-a.log.gz");
    assertThat(r.json().path("skipped").get(0).path("file").asText()).isEqualTo("night/README.md");
  }

  @Test
  void includeAndExcludeChooseTheFiles() throws IOException {
    Path folder = captures().resolve(CliFolders.STICKY);
    JsonNode logs = run("scan", "--format", "json", "--include", "*.log", folder.toString()).json();
    assertThat(logs.path("skipped")).isEmpty();
    assertThat(logs.path("files").asInt()).isEqualTo(countFiles(folder, ".log"));
    JsonNode noHar = run("scan", "--format", "json", "--exclude", "*.har", "--exclude", "*.md", folder.toString()).json();
    assertThat(noHar.path("skipped").toString()).doesNotContain("README.md");
    for (JsonNode c : noHar.path("causes")) {
      assertThat(c.path("files").toString()).doesNotContain("capture.har");
    }
    JsonNode onlyNodes = run("scan", "--format", "json", "--include", "*/node-?.log", folder.toString()).json();
    assertThat(onlyNodes.path("files").asInt()).isEqualTo(2);
    Run bad = run("scan", "--include", "[", folder.toString());
    assertThat(bad.exit()).isEqualTo(2);
  }

  private static int countFiles(Path folder, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return (int) s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    }
  }

  /** A retried nightly job must not double the hits: indexing a file again replaces its events. */
  @Test
  void reindexingTheSameFilesLeavesTheHitCountsUnchanged() throws IOException {
    Path folder = captures().resolve(CliFolders.WRONG_PATH);
    Path index = tmp.resolve("idx");
    List<String> queries = List.of("cause:wrong-path", "kind:har", "*:*");
    Map<String, Integer> first = new HashMap<>();
    for (int round = 0; round < 3; round++) {
      Run r = round == 1
          ? run("scan", "--format", "json", "--index", index.toString(), folder.toString())
          : run("index", "--index", index.toString(), folder.toString());
      assertThat(r.exit()).as(r.err()).isIn(0, 1);
      for (String q : queries) {
        int hits = run("search", "--index", index.toString(), "--format", "json", q).json().path("hits").asInt();
        if (round == 0) {
          assertThat(hits).as(q).isPositive();
          first.put(q, hits);
        } else {
          assertThat(hits).as(q + " after re-run " + round).isEqualTo(first.get(q));
        }
      }
    }
  }

  /** The capture folders these tests read. */
  static final class CliFolders {
    static final String STICKY = "sticky-session-missing--nginx-two-nodes";
    static final String WRONG_PATH = "wrong-path--404";
  }
}
