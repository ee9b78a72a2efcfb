package io.siodoctor.parsers.har;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siodoctor.parsers.capture.MissingEvidence;
import io.siodoctor.parsers.engineio.EngineIoPayload.Framing;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.WsFrame;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HAR parser on real recordings of other exporters ({@code sample-captures/*--playwright-*},
 * {@code *--mitmproxy-*}, {@code *--firefox-*}, {@code *--chrome-sanitized-*}, {@code *--chromehar-*}; see
 * sample-captures/EXPORTERS.md): each exporter's quirks come out as the records Chrome's HAR gives.
 */
class ExporterCapturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path capture(String folder, String file) {
    String root = System.getProperty("sio.repo.root", "..");
    return Path.of(root).toAbsolutePath().normalize().resolve("sample-captures").resolve(folder).resolve(file);
  }

  /** Parses HAR entries written out as JSON (fixtures in an exporter's shape). */
  private static CollectingSink parseEntries(String entries) throws Exception {
    CollectingSink sink = new CollectingSink();
    new HarParser().parse(new java.io.ByteArrayInputStream(
        HarFixtures.har(entries).getBytes(java.nio.charset.StandardCharsets.UTF_8)), "fixture.har", sink);
    return sink;
  }

  private static List<HttpExchange> engineIo(CollectingSink sink) {
    return sink.of(HttpExchange.class).stream().filter(HttpExchange::isEngineIo).toList();
  }

  private static CollectingSink parse(String folder) throws Exception {
    CollectingSink sink = new CollectingSink();
    try (InputStream in = Files.newInputStream(capture(folder, "capture.har"))) {
      new HarParser().parse(in, "capture.har", sink);
    }
    return sink;
  }

  private static HttpExchange at(CollectingSink sink, int entry) {
    return sink.of(HttpExchange.class).stream().filter(x -> x.entryIndex() == entry).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({"healthy--chromehar-v4-websocket-upgrade, 6", "websocket-upgrade-blocked--chromehar-nginx-no-upgrade-headers, 17",
      "server-unreachable--chromehar-connection-refused, 2"})
  void chromeHarWritesNoWebSocketAndNoFailedRequestAndSaysSo(String folder, int entries) throws Exception {
    // Chromium opened a WebSocket (101, or refused) in two of them and refused every handshake in the
    // third (cdp-events.txt); chrome-har wrote none of it
    CollectingSink sink = parse(folder);
    assertThat(sink.of(HttpExchange.class)).hasSize(entries).noneMatch(HttpExchange::isWebSocket).noneMatch(HttpExchange::failed);
    assertThat(sink.profile.exporter()).isEqualTo("chrome-har");
    assertThat(sink.profile.creator()).isEqualTo("chrome-har 1.3.1");
    assertThat(sink.profile.lacks(MissingEvidence.WEBSOCKETS)).isTrue();
    assertThat(sink.profile.lacks(MissingEvidence.FAILED_REQUESTS)).isTrue();
    // its entries are read as answered requests, times in ms like DevTools': no quirk to report
    assertThat(sink.warnings).isEmpty();
  }

  @Test
  void playwrightFrameTimesInMillisecondsBecomeInstantsNextToTheirEntry() throws Exception {
    CollectingSink sink = parse("healthy--playwright-embed-v4-upgrade");
    HttpExchange ws = sink.of(HttpExchange.class).stream().filter(HttpExchange::isWebSocket).findFirst().orElseThrow();
    assertThat(ws.status()).isEqualTo(101);
    List<WsFrame> frames = sink.of(WsFrame.class);
    assertThat(frames).hasSizeGreaterThan(5);
    for (WsFrame f : frames) {
      // milliseconds read as seconds would put the frames 55,000 years later
      assertThat(Duration.between(ws.time(), f.time()).abs()).isLessThan(Duration.ofSeconds(30));
    }
    assertThat(frames.get(0).data()).isEqualTo("2probe");
    assertThat(sink.warnings).anyMatch(w -> w.startsWith("time in milliseconds instead of seconds"));
  }

  @Test
  void playwrightMinusOneIsAFailureWithFailureTextAndPendingWithout() throws Exception {
    CollectingSink cors = parse("cors-missing-headers--playwright-embed-no-cors");
    HttpExchange blocked = at(cors, 2);
    assertThat(blocked.status()).isZero();
    assertThat(blocked.failed()).isTrue();
    assertThat(blocked.error()).isEqualTo("net::ERR_FAILED");
    assertThat(blocked.responseHeaders()).isEmpty();

    CollectingSink polling = parse("polling-only-config--playwright-embed-client-polling");
    List<HttpExchange> all = polling.of(HttpExchange.class);
    HttpExchange last = all.get(all.size() - 1);
    assertThat(last.engineIo().isPolling()).isTrue();
    assertThat(last.pending()).isTrue();
    assertThat(last.failed()).isFalse();
    assertThat(all.subList(0, all.size() - 1)).noneMatch(HttpExchange::pending);
    assertThat(polling.warnings).anyMatch(w -> w.startsWith("response.status -1 (Playwright: no response) in 1 entry;"));
  }

  @Test
  void playwrightOmitKeepsStatusesAndSidsButNoBodies() throws Exception {
    CollectingSink sink = parse("healthy--playwright-omit-v4-upgrade");
    List<HttpExchange> engineIo = engineIo(sink);
    assertThat(engineIo).allSatisfy(x -> assertThat(x.responseBody()).isEmpty());
    assertThat(engineIo).allSatisfy(x -> assertThat(x.handshake()).isNull());
    assertThat(engineIo).anyMatch(x -> x.isWebSocket() && x.status() == 101 && x.sid().isPresent());
  }

  @Test
  void mitmproxyCompletionOrderIsNotedAndEntriesKeepTheirFileIndex() throws Exception {
    CollectingSink sink = parse("polling-only-config--mitmproxy-client-polling");
    List<HttpExchange> all = sink.of(HttpExchange.class);
    assertThat(all).extracting(HttpExchange::entryIndex).isSorted();
    boolean outOfOrder = false;
    for (int i = 1; i < all.size(); i++) {
      outOfOrder |= all.get(i).time().isBefore(all.get(i - 1).time());
    }
    assertThat(outOfOrder).isTrue();
    assertThat(sink.warnings).anyMatch(w -> w.startsWith("started before the entry above it (written as responses completed: mitmproxy"));
    // the long-poll still open when mitmdump stopped is not in the file at all: nothing is pending
    assertThat(all).noneMatch(HttpExchange::pending);
  }

  @Test
  void mitmproxyAndFirefoxWebSocketsAre101WithoutFrames() throws Exception {
    for (String folder : List.of("healthy--mitmproxy-v4-upgrade", "healthy--firefox-v4-upgrade")) {
      CollectingSink sink = parse(folder);
      HttpExchange ws = sink.of(HttpExchange.class).stream().filter(HttpExchange::isWebSocket).findFirst().orElseThrow();
      assertThat(ws.status()).as(folder).isEqualTo(101);
      assertThat(ws.sid()).as(folder).isPresent();
      assertThat(sink.of(WsFrame.class)).as(folder).isEmpty();
      assertThat(sink.of(HttpExchange.class)).as(folder).anyMatch(x -> x.handshake() != null);
      assertThat(sink.of(HttpExchange.class)).as(folder).noneMatch(x -> x.error() != null);
    }
  }

  @Test
  void corsRejectedPlain200sFromFirefoxAndMitmproxyReadAsChromeWritesThem() throws Exception {
    for (String folder : List.of("cors-missing-headers--firefox-no-cors", "cors-missing-headers--mitmproxy-no-cors")) {
      CollectingSink sink = parse(folder);
      List<HttpExchange> handshakes =
          sink.of(HttpExchange.class).stream().filter(x -> x.isEngineIo() && x.engineIo().isHandshake()).toList();
      assertThat(handshakes).as(folder).isNotEmpty().allSatisfy(x -> {
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.error()).isEqualTo("net::ERR_FAILED");
        assertThat(x.failed()).isFalse(); // it was answered: status kept, as in Chrome's HAR
        assertThat(x.handshake()).isNull();
        assertThat(x.sid()).isEmpty();
        assertThat(x.responsePayload().packets()).isEmpty();
        assertThat(x.responseBody()).startsWith("0{\"sid\""); // what the server sent stays readable
      });
      assertThat(sink.warnings).as(folder).anyMatch(w -> w.startsWith("cross-origin polling answer the browser's CORS"));
      // the page itself and its script are same-origin or not CORS requests: untouched
      assertThat(sink.of(HttpExchange.class)).as(folder).filteredOn(x -> !x.isEngineIo())
          .allSatisfy(x -> assertThat(x.error()).isNull());
    }
  }

  @Test
  void resourceTypesComeFromTheRequestWhereTheExporterWritesNone() throws Exception {
    CollectingSink firefox = parse("healthy--firefox-v4-upgrade");
    assertThat(at(firefox, 0).resourceType()).isEqualTo("document");
    assertThat(at(firefox, 1).resourceType()).isEqualTo("script");
    assertThat(at(firefox, 2).url()).isEqualTo("data:,"); // the favicon: no Sec-Fetch-Dest
    assertThat(at(firefox, 2).resourceType()).isEmpty();
    CollectingSink mitmproxy = parse("healthy--mitmproxy-v4-upgrade");
    assertThat(at(mitmproxy, 0).resourceType()).isEqualTo("document");
    HttpExchange ws = at(mitmproxy, 4);
    assertThat(ws.url()).startsWith("http://");
    assertThat(ws.resourceType()).isEqualTo("websocket");
    // an XHR says Sec-Fetch-Dest: empty, which names no single type
    assertThat(at(mitmproxy, 2).resourceType()).isEmpty();
    // an exporter's own type wins
    assertThat(at(parse("healthy--playwright-embed-v4-upgrade"), 2).resourceType()).isEqualTo("xhr");
  }

  @Test
  void aPlainWebSocketBehindMitmproxyIsAWebSocketWithoutEngineIoInItsUrl() throws Exception {
    // fixture in mitmproxy's shape: http:// URL, 101, Upgrade header, no _resourceType
    String entry = "{\"startedDateTime\": \"2026-12-07T10:00:00.123456+00:00\", \"time\": 5, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"http://h:8080/chat\", \"cookies\": [],"
        + " \"headers\": [{\"name\": \"Connection\", \"value\": \"Upgrade\"}, {\"name\": \"Upgrade\", \"value\": \"websocket\"}]},"
        + " \"response\": {\"status\": 101, \"cookies\": [], \"headers\": [], \"content\": {\"size\": 0, \"mimeType\": \"\", \"text\": \"\"}}}";
    CollectingSink sink = parseEntries(entry);
    HttpExchange ws = sink.of(HttpExchange.class).get(0);
    assertThat(ws.isEngineIo()).isFalse();
    assertThat(ws.isWebSocket()).isTrue();
  }

  /**
   * Firefox writes no error field: a refused connection is status 0, time 0; one whose timings end
   * in the TLS handshake (ssl, then no wait) failed there (the wss:// form is read the same way).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "server-unreachable--firefox-connection-refused | false | status 0 and time 0 with no error field (Firefox",
      "tls-error--firefox-self-signed | true | status 0 with no error field, timings ending in the TLS handshake",
      "tls-error--firefox-self-signed-websocket-only | true | status 0 with no error field, timings ending in the TLS handshake"})
  void firefoxRequestsThatGotNoAnswerAreFailures(String folder, boolean tls, String warning) throws Exception {
    CollectingSink sink = parse(folder);
    assertThat(engineIo(sink)).isNotEmpty().allSatisfy(x -> {
      assertThat(x.status()).isZero();
      assertThat(x.failed()).isTrue();
      assertThat(x.pending()).isFalse();
      assertThat(x.durationMs() > 0).as("Firefox wrote the TLS handshake's time").isEqualTo(tls);
      assertThat(x.error()).isEqualTo(tls ? HttpExchange.NO_ANSWER_AFTER_TLS : HttpExchange.NO_ANSWER)
          .doesNotStartWith("net::");
    });
    assertThat(sink.warnings).anyMatch(w -> w.startsWith(warning));
  }

  @Test
  void statusZeroThatWaitedOrHasAnErrorFieldIsNotMadeAFailure() throws Exception {
    String waited = "{\"startedDateTime\": \"2026-12-07T10:00:00.000+00:00\", \"time\": 2500, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"http://h/socket.io/?EIO=4&transport=polling&sid=a\", \"cookies\": [], \"headers\": []},"
        + " \"response\": {\"status\": 0, \"cookies\": [], \"headers\": [], \"content\": {\"size\": 0, \"mimeType\": \"\"}}}";
    String chromePending = waited.replace("\"time\": 2500", "\"time\": 0").replace("\"status\": 0,", "\"status\": 0, \"_error\": null,");
    // a TLS handshake, then a wait: the answer is what it waits for, not a failure in the handshake
    String waitedAfterTls = waited.replace("\"timings\": {}",
        "\"timings\": {\"blocked\": 0, \"dns\": 0, \"connect\": 0, \"ssl\": 5, \"send\": 0, \"wait\": 2495, \"receive\": 0}");
    CollectingSink sink = parseEntries(waited + ", " + chromePending + ", " + waitedAfterTls);
    assertThat(sink.of(HttpExchange.class)).hasSize(3).allSatisfy(x -> assertThat(x.pending()).isTrue());
  }

  @Test
  void sameOriginFirefoxCaptureIsNotTouchedByTheCorsCheck() throws Exception {
    CollectingSink sink = parse("healthy--firefox-v4-upgrade");
    assertThat(sink.warnings).noneMatch(w -> w.contains("CORS"));
    assertThat(sink.of(HttpExchange.class)).filteredOn(HttpExchange::isEngineIo)
        .anyMatch(x -> x.engineIo().isHandshake() && x.handshake() != null);
  }

  @Test
  void chromeSanitizedStandInDropsExactlyWhatDevToolsDrops() throws Exception {
    for (String folder : List.of("healthy--chrome-sanitized-v4-cookie", "auth-rejected--chrome-sanitized-bearer-header")) {
      JsonNode full = JSON.readTree(capture(folder, "capture-unsanitized.har").toFile());
      JsonNode sanitized = JSON.readTree(capture(folder, "capture.har").toFile());
      ObjectNode expected = full.deepCopy();
      int removed = 0;
      for (JsonNode e : expected.path("log").path("entries")) {
        removed += drop((ObjectNode) e.path("request"), List.of("cookie", "authorization"));
        removed += drop((ObjectNode) e.path("response"), List.of("set-cookie"));
      }
      assertThat(removed).as(folder + ": the unsanitized recording has secrets to drop").isPositive();
      assertThat(sanitized).as(folder).isEqualTo(expected);
    }
  }

  private static int drop(ObjectNode message, List<String> names) {
    int removed = message.path("cookies").size();
    message.set("cookies", JSON.createArrayNode());
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode h : message.path("headers")) {
      if (names.contains(h.path("name").asText().toLowerCase(java.util.Locale.ROOT))) {
        removed++;
      } else {
        kept.add(h);
      }
    }
    message.set("headers", kept);
    return removed;
  }

  @Test
  void octetStreamTextPollingBodiesStoredBase64AreDecoded() throws Exception {
    // fixture in the shape netty-socketio 2.x answers (application/octet-stream, text payload)
    String open = "0{\"sid\":\"6f1c2a9e-1b2c-4d5e-8f90-123456789abc\",\"upgrades\":[\"websocket\"],"
        + "\"pingInterval\":25000,\"pingTimeout\":60000}";
    String b64 = java.util.Base64.getEncoder().encodeToString(open.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String entry = "{\"startedDateTime\": \"2026-12-07T10:00:00Z\", \"time\": 3, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"http://h/socket.io/?EIO=4&transport=polling&t=x\", \"cookies\": [], \"headers\": []},"
        + " \"response\": {\"status\": 200, \"cookies\": [], \"headers\": [],"
        + " \"content\": {\"size\": " + open.length() + ", \"mimeType\": \"application/octet-stream\", \"encoding\": \"base64\", \"text\": \"" + b64 + "\"}}}";
    // a revision-3 binary payload (0x00 = string, length 2 digits, 0xFF, "40") stays binary
    String binary = java.util.Base64.getEncoder().encodeToString(new byte[] {0, 2, (byte) 0xFF, '4', '0'});
    String binaryEntry = entry.replace(b64, binary).replace("EIO=4", "EIO=3");
    CollectingSink sink = parseEntries(entry + ", " + binaryEntry);
    HttpExchange text = sink.of(HttpExchange.class).get(0);
    assertThat(text.responseBody()).isEqualTo(open);
    assertThat(text.handshake()).isNotNull();
    assertThat(text.handshake().sid()).isEqualTo("6f1c2a9e-1b2c-4d5e-8f90-123456789abc");
    HttpExchange bin = sink.of(HttpExchange.class).get(1);
    assertThat(bin.responsePayload().framing()).isNotEqualTo(Framing.NOT_ENGINE_IO);
    assertThat(bin.responseBody()).isEqualTo(binary);
    assertThat(sink.warnings).anyMatch(w -> w.startsWith("application/octet-stream body that is UTF-8 text")
        && w.contains(" in 1 body;"));
  }
}
