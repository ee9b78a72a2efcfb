package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Safari rewrite of the tests ({@link SafariHar}) and the recorder's ({@code
 * recorder/safari-har.js}, which made the {@code *--safari-*-standin} folders) apply the same
 * rules: each stand-in's {@code capture.har} is what {@link SafariHar} makes of the recording its
 * {@code record.sh} names ({@code src=../<folder>}).
 */
class SafariHarTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theRecorderAndTheTestRewriteAgreeOnEveryStandIn() throws IOException {
    List<Path> standIns = new ArrayList<>();
    for (Path folder : SampleCapturesTest.folders()) {
      String name = folder.getFileName().toString();
      if (name.contains("--safari-") && name.endsWith("-standin")) {
        standIns.add(folder);
      }
    }
    assertThat(standIns).isNotEmpty();
    for (Path folder : standIns) {
      String script = Files.readString(folder.resolve("record.sh"));
      int at = script.indexOf("\nsrc=../");
      assertThat(at).as(folder + "/record.sh names its source as src=../<folder>").isPositive();
      String source = script.substring(at + "\nsrc=../".length(), script.indexOf('\n', at + 1)).strip();
      JsonNode rewritten = JSON.readTree(folder.resolveSibling(source).resolve("capture.har").toFile());
      SafariHar.rewrite((ObjectNode) rewritten);
      JsonNode committed = JSON.readTree(folder.resolve("capture.har").toFile());
      assertThat(committed.equals((a, b) -> a.isNumber() && b.isNumber()
          ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1, rewritten))
          .as(folder + ": capture.har is SafariHar's rewrite of " + source).isTrue();
    }
  }

  @Test
  void failedAndPendingRequestsAreLeftOutAndWebSocketsKeptWithoutMessages() throws IOException {
    // a real recording with refused polls (status 0 + _error) and a WebSocket with messages
    Path source = SampleCapturesTest.folders().stream()
        .filter(f -> f.getFileName().toString().equals("server-restart--netty-polling-process-restart"))
        .findFirst().orElseThrow().resolve("capture.har");
    JsonNode chrome = JSON.readTree(source.toFile());
    ObjectNode safari = (ObjectNode) JSON.readTree(source.toFile());
    SafariHar.rewrite(safari);
    int answered = 0;
    for (JsonNode e : chrome.path("log").path("entries")) {
      answered += SafariHar.finished(e) ? 1 : 0;
    }
    assertThat(answered).isLessThan(chrome.path("log").path("entries").size());
    assertThat(safari.path("log").path("entries").size()).isEqualTo(answered);
    assertThat(safari.path("log").path("creator").path("name").asText()).isEqualTo("WebKit Web Inspector");
    for (JsonNode e : safari.path("log").path("entries")) {
      assertThat(e.path("response").path("status").asInt()).isPositive();
      assertThat(e.has("_webSocketMessages") || e.path("response").has("_error") || e.has("_resourceType")).isFalse();
      assertThat(e.path("pageref").asText()).isEqualTo("page_0");
    }
  }
}
