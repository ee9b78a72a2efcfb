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
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample capture's HAR, alone, rewritten the way sanitizers rewrite what customers send
 * ({@link DegradedHar#of}{@code (true)}: headers dropped or their values replaced, bodies or
 * WebSocket messages replaced by placeholders, and so are the session ids or whole query strings of
 * the URLs), or recorded from a DevTools opened after the page connected. What remains may no
 * longer show the cause, so no
 * answer is expected; only no wrong one: never {@code healthy} for a failing capture, and no cause
 * outside the capture's {@code causes} and {@code allowed}. Each of these rewrites once made the
 * analyzer name a cause that was not there (a CORS failure on answers exported without headers, a
 * sticky-session failure on a client's close whose body was replaced) or call a failing capture
 * healthy (its CONNECT_ERROR frame replaced, or the handshake of the session that dropped missing).
 */
class SanitizedHarTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> aSanitizedHarGivesNoWrongAnswer() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : SampleCapturesTest.folders()) {
      JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
      List<String> hars = new ArrayList<>();
      expected.path("inputs").forEach(i -> hars.add(i.asText()));
      if (hars.isEmpty()) {
        hars.add("capture.har");
      }
      hars.removeIf(f -> !f.endsWith(".har"));
      if (hars.isEmpty()) {
        continue;
      }
      String name = folder.getFileName().toString();
      boolean healthyCapture = name.startsWith("healthy--");
      Set<String> mayHave = new LinkedHashSet<>();
      expected.path("causes").forEach(c -> mayHave.add(c.asText()));
      expected.path("allowed").forEach(c -> mayHave.add(c.isObject() ? c.path("id").asText() : c.asText()));
      for (DegradedHar d : DegradedHar.of(true)) {
        if (d == DegradedHar.SAFARI && "chrome-har".equals(expected.path("exporter").asText())) {
          // npm chrome-har dropped the page's WebSockets; Safari writes them: rewritten into Safari's
          // shape, the HAR would claim a Safari export of a page that never opened one
          continue;
        }
        tests.add(DynamicTest.dynamicTest(name + " " + d.id, () -> {
          Path dir = Files.createTempDirectory("sio-sanitized");
          try {
            List<String> args = new ArrayList<>(List.of("analyze", "--format", "json", "--top", "100"));
            for (String h : hars) {
              args.add(d.write(folder.resolve(h), dir).toString());
            }
            JsonNode report = analyzeWithoutWrongAnswer(args, name + " " + d.id, healthyCapture, mayHave);
            String summary = name + " " + d.id;
            if (d == DegradedHar.SAFARI) {
              // recognised as Safari's, and the report says what a Safari HAR cannot hold
              for (int i = 0; i < hars.size(); i++) {
                JsonNode capture = report.path("inputs").get(i).path("capture");
                assertThat(capture.path("exporter").asText()).as("exporter\n" + summary).isEqualTo("safari");
                assertThat(capture.path("missing").findValuesAsText("what")).as("missing\n" + summary)
                    .contains("failed-requests");
              }
            }
            if (d == DegradedHar.SID_REDACTED || d == DegradedHar.QUERY_REDACTED) {
              // the report says what the placeholders hide, on each HAR whose URLs named a session
              for (int i = 0; i < hars.size(); i++) {
                if (Files.readString(folder.resolve(hars.get(i))).contains("&sid=")) {
                  assertThat(report.path("inputs").get(i).path("capture").path("missing").findValuesAsText("what"))
                      .as("session-ids listed as missing\n" + summary).contains("session-ids");
                }
              }
            }
          } finally {
            deleteTree(dir);
          }
        }));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  /**
   * Every variant of a capture that gives a HAR with logs, the HAR rewritten as Safari writes it and
   * the logs as recorded: a failing capture is never called healthy because Safari's export lacks
   * its failed requests (the server's log of a session whose answers the browser rejected for CORS
   * looks like a working one), and no cause beyond the variant's {@code causes} and {@code allowed}
   * but the ones {@link #SAFARI_WITH_LOGS_KNOWN} names: what the logs alone misread once the HAR
   * no longer shows the cause (a fix each, still to come).
   */
  /**
   * Per capture, the cause its logs give beside a Safari HAR that its variants do not allow
   * (session 14): netty's log has no word of the dropped upload, so the HAR's polling-only client
   * is what shows; the console's refusals of localhost with the HAR's failed requests left out read
   * as an unreachable server. (Fixed since: payload-too-large--websocket-1009's
   * network-interruption, a log's transport error on a WebSocket being no drop; and the v2 server's
   * log of a v4 client over WebSocket, read by the CONNECT packets it wrote and received.)
   */
  private static final Map<String, Set<String>> SAFARI_WITH_LOGS_KNOWN = Map.of(
      "payload-too-large--netty-polling-dropped", Set.of("polling-only-config"),
      "wrong-server-url--localhost-in-production-bundle", Set.of("server-unreachable"));

  @TestFactory
  Stream<DynamicTest> aSafariHarWithTheCapturesLogsGivesNoWrongAnswer() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : SampleCapturesTest.folders()) {
      JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
      String name = folder.getFileName().toString();
      int n = 0;
      for (JsonNode variant : expected.path("variants")) {
        List<String> inputs = new ArrayList<>();
        variant.path("inputs").forEach(i -> inputs.add(i.asText()));
        if (inputs.stream().noneMatch(f -> f.endsWith(".har")) || inputs.stream().allMatch(f -> f.endsWith(".har"))) {
          continue;
        }
        String label = name + " variant-" + ++n + " safari";
        tests.add(DynamicTest.dynamicTest(label, () -> {
          Path dir = Files.createTempDirectory("sio-safari");
          try {
            List<String> args = new ArrayList<>(List.of("analyze", "--format", "json", "--top", "100"));
            for (String f : inputs) {
              args.add(f.endsWith(".har") ? DegradedHar.SAFARI.write(folder.resolve(f), dir).toString()
                  : folder.resolve(f).toString());
            }
            Set<String> mayHave = new HashSet<>();
            variant.path("causes").forEach(c -> mayHave.add(c.asText()));
            variant.path("allowed").forEach(c -> mayHave.add(c.isObject() ? c.path("id").asText() : c.asText()));
            mayHave.addAll(SAFARI_WITH_LOGS_KNOWN.getOrDefault(name, Set.of()));
            analyzeWithoutWrongAnswer(args, label, name.startsWith("healthy--"), mayHave);
          } finally {
            deleteTree(dir);
          }
        }));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  /**
   * Runs {@code args}; asserts a known verdict, never healthy for a failing capture, and no cause
   * outside {@code mayHave} (unless null).
   */
  private static JsonNode analyzeWithoutWrongAnswer(List<String> args, String label, boolean healthyCapture,
      Set<String> mayHave) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    String verdict = report.path("verdict").asText();
    Set<String> reported = new LinkedHashSet<>();
    report.path("causes").forEach(c -> reported.add(c.path("id").asText()));
    String summary = label + ": verdict " + verdict + ", causes " + reported + ", exit " + exit
        + "\nstderr: " + err.toString(StandardCharsets.UTF_8);
    assertThat(verdict).as(summary).isIn("healthy", "problems", "inconclusive");
    if (!healthyCapture) {
      assertThat(verdict).as("a failing capture is never healthy\n" + summary).isNotEqualTo("healthy");
    }
    if (mayHave != null) {
      assertThat(mayHave).as("causes beyond the capture's causes + allowed\n" + summary).containsAll(reported);
    }
    return report;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
