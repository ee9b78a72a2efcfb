package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.CauseInfo;
import io.siodoctor.rules.engine.RuleEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's causes table is generated from the rules' {@code @Cause} metadata and the sample
 * capture folders; this test fails, and writes the fresh table to {@code target/causes-table.md},
 * when the README is stale.
 */
class ReadmeCausesTableTest {
  private static final String BEGIN = "<!-- causes:begin -->";
  private static final String END = "<!-- causes:end -->";

  @Test
  void readmeListsEveryCauseWithItsSampleCaptures() throws IOException {
    Path root = SampleCapturesTest.capturesDir().getParent();
    String table = table(root.resolve("sample-captures"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/causes-table.md"), table, StandardCharsets.UTF_8);
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    int b = readme.indexOf(BEGIN);
    int e = readme.indexOf(END);
    assertThat(b).as("README has the causes markers").isGreaterThanOrEqualTo(0);
    assertThat(e).isGreaterThan(b);
    String current = readme.substring(b + BEGIN.length(), e).strip();
    assertThat(current)
        .as("README causes table is stale; the fresh one is in analyzer/target/causes-table.md")
        .isEqualTo(table.strip());
  }

  @Test
  void everyCauseHasARecordedSampleCapture() throws IOException {
    Path captures = SampleCapturesTest.capturesDir();
    for (CauseInfo c : RuleEngine.builtIn().catalog().all()) {
      assertThat(folders(captures, c.id())).as("sample capture for " + c.id()).isNotEmpty();
    }
  }

  static String table(Path captures) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("| id | title | severity | sample captures |\n");
    sb.append("|---|---|---|---|\n");
    for (CauseInfo c : RuleEngine.builtIn().catalog().all()) {
      List<String> links = new ArrayList<>();
      for (String f : folders(captures, c.id())) {
        links.add("[" + f.substring(c.id().length() + 2) + "](sample-captures/" + f + "/)");
      }
      sb.append("| [`").append(c.id()).append("`](").append(c.docs()).append(") | ")
          .append(c.title()).append(" | ").append(c.severity().id()).append(" | ")
          .append(String.join(", ", links)).append(" |\n");
    }
    List<String> healthy = folders(captures, "healthy");
    sb.append("\nHealthy controls (must give verdict `healthy`): ");
    List<String> links = new ArrayList<>();
    for (String f : healthy) {
      links.add("[" + f.substring("healthy--".length()) + "](sample-captures/" + f + "/)");
    }
    sb.append(String.join(", ", links)).append(".\n");
    return sb.toString();
  }

  private static List<String> folders(Path captures, String id) throws IOException {
    try (Stream<Path> s = Files.list(captures)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(id + "--"))
          .filter(n -> Files.isRegularFile(captures.resolve(n).resolve("expected.json")))
          .sorted().toList();
    }
  }
}
