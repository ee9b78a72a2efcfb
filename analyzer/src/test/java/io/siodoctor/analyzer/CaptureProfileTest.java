package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siodoctor.analyzer.cli.ExitCode;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code inputs[].capture} end to end: the exporter named from {@code creator} and the file's shape,
 * what the capture lacks, and that a sanitizer's placeholder is never read as a body. The exporters
 * that cannot run here are hand-built fixtures ({@code fixtures/exporters/README.md}); the rest are
 * the recorded sample captures.
 */
class CaptureProfileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, JsonNode report, String text) {}

  static Run analyze(String format, Path... files) throws IOException {
    List<String> args = new ArrayList<>(List.of("analyze", "--format", format));
    for (Path f : files) {
      args.add(f.toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    return new Run(exit, format.equals("json") ? JSON.readTree(text) : null, text);
  }

  private static List<String> missing(JsonNode capture) {
    List<String> m = new ArrayList<>();
    capture.path("missing").forEach(x -> m.add(x.path("what").asText() + ":" + x.path("extent").asText()));
    return m;
  }

  @ParameterizedTest
  @CsvSource({
      "fixture-safari.har, safari",
      "fixture-charles.har, charles",
      "fixture-fiddler.har, fiddler",
      "fixture-http-toolkit.har, http-toolkit",
      "fixture-cloudflare-sanitizer.har, cloudflare-sanitizer"})
  void documentedExportersAreRecognisedFromTheirFixtures(String fixture, String exporter) throws IOException {
    Run run = analyze("json", Fixtures.fixture("exporters/" + fixture));
    JsonNode capture = run.report().path("inputs").get(0).path("capture");
    assertThat(capture.path("exporter").asText()).isEqualTo(exporter);
    assertThat(capture.path("creator").asText()).isNotBlank();
  }

  @Test
  void proxiesWithoutPagesSaySo() throws IOException {
    JsonNode capture = analyze("json", Fixtures.fixture("exporters/fixture-charles.har")).report()
        .path("inputs").get(0).path("capture");
    assertThat(missing(capture)).contains("pages:all");
  }

  @Test
  void markersAreNeverBodies() throws IOException {
    Run run = analyze("json", Fixtures.fixture("exporters/fixture-cloudflare-sanitizer.har"));
    JsonNode capture = run.report().path("inputs").get(0).path("capture");
    assertThat(missing(capture)).contains("response-bodies:markers-only");
    // the session's requests were answered 200 with its sid: that works, whatever the bodies said
    assertThat(run.report().path("causes")).isEmpty();
    for (JsonNode s : run.report().path("symptoms")) {
      assertThat(s.toString()).doesNotContain("redacted]");
    }
  }

  @Test
  void aRecordedAuthRejectionSanitizedTheCloudflareWayIsNeitherHealthyNorAPlainWebSocketServer(@TempDir Path dir)
      throws IOException {
    // the real recording, with every text body replaced the way Cloudflare's sanitizer does it
    JsonNode har = JSON.readTree(Fixtures.sampleHar("auth-rejected--middleware").toFile());
    for (JsonNode e : har.path("log").path("entries")) {
      if (e.path("response").path("content") instanceof ObjectNode content && content.has("text")) {
        content.put("text", "[" + content.path("mimeType").asText() + " redacted]");
      }
    }
    Path copy = dir.resolve("capture.har");
    JSON.writeValue(copy.toFile(), har);
    Run run = analyze("json", copy);
    List<String> causes = new ArrayList<>();
    run.report().path("causes").forEach(c -> causes.add(c.path("id").asText()));
    assertThat(causes).doesNotContain("plain-websocket-server");
    assertThat(run.report().path("verdict").asText()).isIn("inconclusive", "problems").isNotEqualTo("healthy");
    assertThat(run.report().path("inputs").get(0).path("capture").path("exporter").asText())
        .isEqualTo("cloudflare-sanitizer");
  }

  @Test
  void recordedExportersAreNamedInTheJsonReport() throws IOException {
    assertThat(exporterOf("healthy--firefox-v4-upgrade")).isEqualTo("firefox");
    assertThat(exporterOf("healthy--mitmproxy-v4-upgrade")).isEqualTo("mitmproxy");
    assertThat(exporterOf("healthy--playwright-omit-v4-upgrade")).isEqualTo("playwright");
    assertThat(exporterOf("healthy--chrome-sanitized-v4-cookie")).isEqualTo("chrome-sanitized");
  }

  private static String exporterOf(String folder) throws IOException {
    return analyze("json", Fixtures.sampleHar(folder)).report().path("inputs").get(0).path("capture")
        .path("exporter").asText();
  }

  @Test
  void aBodilessPlaywrightExportListsWhatItCannotShowInEveryFormat() throws IOException {
    Path har = Fixtures.sampleHar("healthy--playwright-omit-v4-upgrade");
    JsonNode capture = analyze("json", har).report().path("inputs").get(0).path("capture");
    assertThat(missing(capture)).contains("response-bodies:all", "websocket-frames:all");
    assertThat(analyze("text", har).text()).contains("captured by playwright").contains("response bodies (all)");
    assertThat(analyze("markdown", har).text()).contains("captured by playwright").contains("websocket frames (all)");
    assertThat(analyze("html", har).text()).contains("playwright (Playwright").contains("response bodies (all)");
  }

  @Test
  void noSocketIoTrafficIsInconclusiveWithExitCodeFourAndSaysWhatToCollect(@TempDir Path dir) throws IOException {
    Path har = dir.resolve("page-only.har");
    Files.writeString(har, "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"WebInspector\",\"version\":\"537.36\"},"
        + "\"pages\":[],\"entries\":[{\"startedDateTime\":\"2026-11-26T10:00:00.000Z\",\"time\":5,"
        + "\"request\":{\"method\":\"GET\",\"url\":\"https://app.example.test/\",\"headers\":[],\"cookies\":[]},"
        + "\"response\":{\"status\":200,\"headers\":[],\"cookies\":[],\"content\":{\"size\":5,\"mimeType\":\"text/html\","
        + "\"text\":\"hello\"}},\"timings\":{\"wait\":5}}]}}");
    Run run = analyze("json", har);
    assertThat(run.exit()).isEqualTo(ExitCode.INCONCLUSIVE);
    assertThat(run.report().path("verdict").asText()).isEqualTo("inconclusive");
    assertThat(run.report().path("symptoms").toString()).contains("no-socketio-traffic");
    assertThat(run.report().path("next").toString()).contains("Preserve log");
    assertThat(missing(run.report().path("inputs").get(0).path("capture"))).contains("socketio-traffic:all");
  }

  @Test
  void anUnreadableInputNeverYieldsHealthy(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.har");
    Files.writeString(broken, "{\"log\": {\"entries\": [");
    Run run = analyze("json", Fixtures.sampleHar("healthy--v4-websocket-upgrade"), broken);
    assertThat(run.report().path("verdict").asText()).isEqualTo("inconclusive");
    assertThat(run.exit()).isEqualTo(ExitCode.UNREADABLE_INPUT);
  }
}
