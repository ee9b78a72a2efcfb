package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The end-to-end suite: every {@code sample-captures/<folder>/expected.json} run through the real
 * {@code analyze} command, as a user would run it, on the committed recordings. Checks the top
 * cause, the expected set, the decisive evidence locations and the exit code.
 */
class SampleCapturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  @TestFactory
  Stream<DynamicTest> everyCaptureAnalysesToItsExpectedCauses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : folders()) {
      JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
      tests.add(DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder, expected)));
      JsonNode variants = expected.path("variants");
      for (int i = 0; i < variants.size(); i++) {
        JsonNode v = variants.get(i);
        tests.add(DynamicTest.dynamicTest(folder.getFileName() + " " + v.path("inputs"), () -> check(folder, v)));
      }
    }
    return tests.stream();
  }

  private static void check(Path folder, JsonNode expected) throws IOException {
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "json", "--top", "100"));
    JsonNode inputs = expected.path("inputs");
    if (inputs.isMissingNode() || inputs.isEmpty()) {
      args.add(folder.resolve("capture.har").toString());
    } else {
      inputs.forEach(i -> args.add(folder.resolve(i.asText()).toString()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    String summary = summary(report) + "\nstderr: " + err.toString(StandardCharsets.UTF_8);

    JsonNode top = expected.path("top");
    if (top.isNull() || top.isMissingNode()) {
      assertThat(report.path("verdict").asText()).as(summary).isEqualTo("healthy");
      assertThat(exit).as(summary).isEqualTo(0);
      return;
    }
    assertThat(exit).as(summary).isEqualTo(1);
    assertThat(report.path("verdict").asText()).isEqualTo("problems");
    assertThat(report.path("causes").get(0).path("id").asText()).as(summary).isEqualTo(top.asText());

    Set<String> reported = new HashSet<>();
    report.path("causes").forEach(c -> reported.add(c.path("id").asText()));
    Set<String> mustHave = new HashSet<>();
    expected.path("causes").forEach(c -> mustHave.add(c.asText()));
    Set<String> mayHave = new HashSet<>(mustHave);
    expected.path("allowed").forEach(c -> mayHave.add(c.asText()));
    assertThat(reported).as(summary).containsAll(mustHave);
    assertThat(mayHave).as("causes reported beyond expected + allowed\n" + summary).containsAll(reported);

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
    for (JsonNode in : report.path("inputs")) {
      if (!in.path("error").isNull()) {
        sb.append("\n  input error: ").append(in.path("error").asText());
      }
    }
    return sb.toString();
  }
}
