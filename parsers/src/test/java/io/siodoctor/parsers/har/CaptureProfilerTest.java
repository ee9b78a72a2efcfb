package io.siodoctor.parsers.har;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.capture.MissingEvidence;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the capture profile says a HAR lacks, on HAR fixtures written for the purpose. */
class CaptureProfilerTest {
  private static String entry(String query, String body) {
    return "{\"startedDateTime\": \"2026-12-07T10:00:00Z\", \"time\": 1, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"https://a/socket.io/?" + query + "\", \"cookies\": [],"
        + " \"headers\": []},"
        + " \"response\": {\"status\": 200, \"cookies\": [], \"headers\": [], \"content\": {\"mimeType\": \"text/plain\","
        + " \"text\": \"" + body + "\"}}}";
  }

  private static InputSummary read(String... entries) {
    return readAs("WebKit Web Inspector", entries);
  }

  private static InputSummary readAs(String creator, String... entries) {
    String har = "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"" + creator + "\", \"version\": \"1\"},"
        + " \"entries\": [" + String.join(", ", entries) + "]}}";
    CollectingSink sink = new CollectingSink();
    return new InputReader(List.of(new HarParser()))
        .read(new ByteArrayInputStream(har.getBytes(StandardCharsets.UTF_8)), "capture.har", sink);
  }

  private static final String HANDSHAKE = entry("EIO=4&transport=polling",
      "0{\\\"sid\\\":\\\"Lbo5JLzTotvW3g2LAAAA\\\",\\\"upgrades\\\":[],\\\"pingInterval\\\":25000,\\\"pingTimeout\\\":20000}");

  @Test
  void sessionIdsReplacedByAPlaceholderAreMissingEvidence() {
    InputSummary all = read(HANDSHAKE, entry("EIO=4&transport=polling&sid=%5BREDACTED%5D", "6"),
        entry("EIO=4&transport=polling&sid=***", "6"));
    assertThat(all.capture().missing(MissingEvidence.SESSION_IDS)).hasValueSatisfying(m -> {
      assertThat(m.extent()).isEqualTo(MissingEvidence.MARKERS_ONLY);
      assertThat(m.meaning()).contains("which request belongs to which session cannot be seen");
    });

    InputSummary some = read(HANDSHAKE, entry("EIO=4&transport=polling&sid=[REDACTED]", "6"),
        entry("EIO=4&transport=polling&sid=Lbo5JLzTotvW3g2LAAAA", "6"));
    assertThat(some.capture().missing(MissingEvidence.SESSION_IDS)).hasValueSatisfying(m -> {
      assertThat(m.extent()).isEqualTo(MissingEvidence.SOME);
      assertThat(m.meaning()).startsWith("1 of 2 requests' ");
    });
  }

  @Test
  void realSessionIdsAndHandshakesAloneLackNothingOfThem() {
    InputSummary s = read(HANDSHAKE, entry("EIO=4&transport=polling&sid=Lbo5JLzTotvW3g2LAAAA", "6"));
    assertThat(s.capture().missing(MissingEvidence.SESSION_IDS)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"WebKit Web Inspector, safari, true", "mitmproxy har_dump, mitmproxy, true",
      "WebInspector, chrome, false", "Firefox, firefox, false", "chrome-har, chrome-har, true"})
  void exportersThatWriteOnlyCompletedRequestsSaySo(String creator, String exporter, boolean leavesOut) {
    InputSummary s = readAs(creator, HANDSHAKE, entry("EIO=4&transport=polling&sid=Lbo5JLzTotvW3g2LAAAA", "6"));
    assertThat(s.capture().exporter()).isEqualTo(exporter);
    assertThat(s.capture().lacks(MissingEvidence.FAILED_REQUESTS)).isEqualTo(leavesOut);
  }

  @ParameterizedTest
  @CsvSource({"chrome-har, chrome-har, true", "WebInspector, chrome, false", "Playwright, playwright, false",
      "chrome-har-capturer, chrome, false"})
  void chromeHarIsNotTakenForDevToolsAndItsMissingWebSocketsAreSaid(String creator, String exporter,
      boolean noWebSockets) {
    // npm chrome-har ignores every Network.webSocket* message: a HAR of it never holds a WebSocket,
    // whatever the session did; other exporters write the WebSocket itself (frames or not)
    InputSummary s = readAs(creator, HANDSHAKE, entry("EIO=4&transport=polling&sid=Lbo5JLzTotvW3g2LAAAA", "6"));
    assertThat(s.capture().exporter()).isEqualTo(exporter);
    assertThat(s.capture().lacks(MissingEvidence.WEBSOCKETS)).isEqualTo(noWebSockets);
    if (noWebSockets) {
      assertThat(s.capture().missing(MissingEvidence.WEBSOCKETS).orElseThrow().meaning())
          .contains("whether a session upgraded");
    }
  }

  @ParameterizedTest
  @CsvSource({"chrome-har, true", "mitmproxy har_dump, true", "WebInspector, false"})
  void aSanitizerKeepsWhatTheExporterLeftOutMissing(String creator, boolean failuresLeftOut) {
    // a sanitizer replaced a body (so the exporter is reported as "sanitizer"); it kept log.creator,
    // and it cannot bring back the failed requests (or WebSockets) its input never held
    InputSummary s = readAs(creator, HANDSHAKE, entry("EIO=4&transport=polling&sid=Lbo5JLzTotvW3g2LAAAA", "[REDACTED]"));
    assertThat(s.capture().exporter()).isEqualTo("sanitizer");
    assertThat(s.capture().lacks(MissingEvidence.FAILED_REQUESTS)).isEqualTo(failuresLeftOut);
    assertThat(s.capture().lacks(MissingEvidence.WEBSOCKETS)).isEqualTo(creator.equals("chrome-har"));
  }

  @ParameterizedTest
  @CsvSource({"HeadlessChrome, chrome-har", "Chrome Emulated iPhone X, chrome-har", "Firefox, firefox",
      "Safari, safari"})
  void browsertimeNamesItselfAndTheBrowserWhoseHarItBuilt(String browser, String exporter) {
    // browsertime writes creator "Browsertime" over chrome-har's and log.browser from the browser's
    // own product name (Browser.getVersion for Chromium)
    String har = "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"Browsertime\", \"version\": \"25.1.0\"},"
        + " \"browser\": {\"name\": \"" + browser + "\", \"version\": \"1\"}, \"entries\": [" + HANDSHAKE + "]}}";
    InputSummary s = new InputReader(List.of(new HarParser()))
        .read(new ByteArrayInputStream(har.getBytes(StandardCharsets.UTF_8)), "capture.har", new CollectingSink());
    assertThat(s.capture().exporter()).isEqualTo(exporter);
    assertThat(s.capture().lacks(MissingEvidence.WEBSOCKETS)).isEqualTo(exporter.equals("chrome-har"));
  }
}
