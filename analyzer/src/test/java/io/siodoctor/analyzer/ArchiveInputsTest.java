package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.scan.ArchiveFiles;
import io.siodoctor.parsers.InputSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} reads archives the way {@code scan} does (one decompression path, in parsers): a
 * zip or tar.gz of a capture's files gives the causes the loose files give, with evidence naming
 * {@code archive!member}; a zip bomb is refused with one line.
 */
class ArchiveInputsTest {
  private static final Path CAPTURE = Path.of("..", "sample-captures", "sticky-session-missing--nginx-two-nodes");
  private static final List<String> FILES = List.of("capture.har", "node-a.log", "node-b.log", "access.log", "error.log");

  @TempDir
  Path dir;

  private static RankedReport analyze(List<InputSource> sources) {
    return Analyzer.builtIn().analyze(sources).report();
  }

  private static Map<String, byte[]> members() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (String f : FILES) {
      m.put("capture/" + f, Files.readAllBytes(CAPTURE.resolve(f)));
    }
    // what people zip along with the logs: not an input, and not an unreadable one either
    m.put("capture/README.md", "# what happened\nThe chat disconnects every few seconds.\n".getBytes(StandardCharsets.UTF_8));
    return m;
  }

  private static RankedReport loose() {
    List<InputSource> sources = new ArrayList<>();
    for (String f : FILES) {
      sources.add(InputSource.of(CAPTURE.resolve(f), f));
    }
    return analyze(sources);
  }

  private static List<String> causes(RankedReport r) {
    return r.causes().stream().map(RankedCause::id).toList();
  }

  /** Evidence as file and location, the archive prefix taken off. */
  private static List<String> evidence(RankedReport r, String prefix) {
    List<String> out = new ArrayList<>();
    for (RankedCause c : r.causes()) {
      c.evidence().forEach(e -> out.add(c.id() + " " + e.location().file().replace(prefix, "") + " " + e.location().location()));
    }
    return out;
  }

  private void assertSameAsLoose(String archiveName, byte[] archive) throws IOException {
    Path file = dir.resolve(archiveName);
    Files.write(file, archive);
    RankedReport fromArchive = analyze(List.of(InputSource.of(file, archiveName)));
    RankedReport fromFiles = loose();

    assertThat(causes(fromFiles)).contains("sticky-session-missing");
    assertThat(causes(fromArchive)).isEqualTo(causes(fromFiles));
    assertThat(fromArchive.verdict()).isEqualTo(fromFiles.verdict());
    String prefix = archiveName + "!capture/";
    assertThat(fromArchive.inputs()).extracting(InputSummary::file)
        .containsExactlyElementsOf(FILES.stream().map(f -> prefix + f).toList());
    assertThat(fromArchive.inputs()).extracting(InputSummary::format)
        .containsExactlyElementsOf(fromFiles.inputs().stream().map(InputSummary::format).toList());
    assertThat(fromArchive.inputs()).allMatch(i -> i.error() == null);
    assertThat(fromArchive.causes().get(0).evidence()).allMatch(e -> e.location().file().startsWith(prefix));
    assertThat(evidence(fromArchive, prefix)).isEqualTo(evidence(fromFiles, ""));
  }

  @Test
  void aZipOfACaptureGivesTheCausesOfItsLooseFiles() throws IOException {
    assertSameAsLoose("capture.zip", ArchiveFiles.zip(members()));
  }

  @Test
  void aTarGzOfACaptureGivesTheCausesOfItsLooseFiles() throws IOException {
    assertSameAsLoose("capture.tar.gz", ArchiveFiles.gzip(ArchiveFiles.tar(members())));
  }

  @Test
  void anArchiveWithNothingReadableNamesItsMembers() throws IOException {
    Path file = dir.resolve("notes.zip");
    Files.write(file, ArchiveFiles.zip(Map.of("notes.txt", "hello\n".getBytes(StandardCharsets.UTF_8))));
    RankedReport r = analyze(List.of(InputSource.of(file, "notes.zip")));
    assertThat(r.inputs()).extracting(InputSummary::error)
        .containsExactly("notes.zip!notes.txt: not a HAR or a recognised log format (first line: \"hello\")");
    assertThat(r.verdict()).isEqualTo("inconclusive");
  }

  /** 64 MiB of one real log line: a parser reads on, so only the ratio can stop it. */
  private static byte[] bomb() throws IOException {
    String line = Files.readAllLines(CAPTURE.resolve("node-a.log")).get(0) + "\n";
    return line.repeat((64 << 20) / line.length()).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aZipBombIsRefusedWithOneLine() throws IOException {
    Path file = dir.resolve("bomb.zip");
    Files.write(file, ArchiveFiles.zip(Map.of("huge.log", bomb())));
    assertThat(Files.size(file)).as("a real bomb: tiny on disk").isLessThan(1 << 20);

    RankedReport r = analyze(List.of(InputSource.of(file, "bomb.zip")));
    assertThat(r.inputs()).hasSize(1);
    String error = r.inputs().get(0).error();
    assertThat(error).startsWith("bomb.zip!huge.log: zip: refused: expands more than 200:1").doesNotContain("\n");
    assertThat(r.verdict()).isNotEqualTo("healthy");
  }

  @Test
  void aGzipBombIsRefusedToo() throws IOException {
    Path file = dir.resolve("server.log.gz");
    Files.write(file, ArchiveFiles.gzip(bomb()));
    RankedReport r = analyze(List.of(InputSource.of(file, "server.log.gz")));
    assertThat(r.inputs()).extracting(InputSummary::error).singleElement().asString()
        .startsWith("server.log.gz: gzip: refused: expands more than 200:1");
  }
}
