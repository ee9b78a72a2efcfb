package io.siodoctor.analyzer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real server on 127.0.0.1 and a free port, driven over HTTP. */
class UploadServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX = 3L * 1024 * 1024;
  private static UploadServer server;
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    server = UploadServer.start(ServerOptions.defaults().withPort(0).withMaxUploadBytes(MAX).withMaxConcurrentAnalyses(2));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static URI uri(String path) {
    return URI.create(server.url() + path.substring(1));
  }

  private static HttpResponse<String> post(String path, Multipart body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", body.contentType()).POST(BodyPublishers.ofByteArray(body.bytes())).build(),
        BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
  }

  private static Path authRejected() {
    return Fixtures.sampleHar("auth-rejected--middleware");
  }

  @Test
  void healthz() throws Exception {
    HttpResponse<String> r = get("/healthz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("ok");
  }

  @Test
  void uploadPageIsOfflineWithANonceOnlyScriptPolicy() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).startsWith("default-src 'none'; style-src 'nonce-").contains("img-src data:")
        .doesNotContain("unsafe-inline");
    String nonce = csp.substring(csp.indexOf("'nonce-") + 7, csp.indexOf("'", csp.indexOf("'nonce-") + 7));
    assertThat(csp).contains("script-src 'nonce-" + nonce + "'");
    assertThat(r.body()).contains("<script nonce=\"" + nonce + "\">").contains("<style nonce=\"" + nonce + "\">").contains("type=\"file\"").contains("multiple")
        .contains("action=\"/analyze\"").doesNotContainPattern("\\ssrc=\"").doesNotContain("<link");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void apiAnalyzeAnswersTheRedactedJsonReport() throws Exception {
    HttpResponse<String> r = post("/api/analyze", new Multipart().file(authRejected()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.path("verdict").asText()).isEqualTo("problems");
    assertThat(report.path("causes").get(0).path("id").asText()).isEqualTo("auth-rejected");
    assertThat(report.path("inputs").get(0).path("file").asText()).isEqualTo("capture.har");
    // the CONNECT auth payload of this capture is {"token":"demo-token-123"}
    assertThat(r.body()).doesNotContain("demo-token-123");
  }

  @Test
  void analyzeAnswersTheHtmlReportWithItsPolicy() throws Exception {
    HttpResponse<String> r = post("/analyze", new Multipart().file(authRejected()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp).startsWith("default-src 'none'").doesNotContain("unsafe-inline");
    // the header's nonce is the page's own: its style and script run, nothing else inline does
    String nonce = csp.substring(csp.indexOf("'nonce-") + 7, csp.indexOf("'", csp.indexOf("'nonce-") + 7));
    assertThat(r.body()).contains("<script nonce=\"" + nonce + "\">").contains("<style nonce=\"" + nonce + "\">");
    assertThat(r.body()).contains("data-cause-id=\"auth-rejected\"").contains("<svg class=\"timeline\"")
        .doesNotContain("demo-token-123");
  }

  @Test
  void nothingUploadedIsLeftOnDisk() throws Exception {
    // 1.4 MB: over the 1 MB in-memory threshold, so Jetty spills it to the spool directory
    Path big = Fixtures.sampleHar("payload-too-large--polling-413");
    assertThat(java.nio.file.Files.size(big)).isGreaterThan(1024 * 1024).isLessThan(MAX);
    assertThat(post("/api/analyze", new Multipart().file(big)).statusCode()).isEqualTo(200);
    assertThat(post("/api/sanitize", new Multipart().file(big)).statusCode()).isEqualTo(200);
    try (var files = java.nio.file.Files.list(server.spool())) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void severalFilesAreOneIncident() throws Exception {
    Path dir = authRejected().getParent();
    HttpResponse<String> r = post("/api/analyze", new Multipart().file(dir.resolve("capture.har"))
        .file(dir.resolve("server.log")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("inputs").size()).isEqualTo(2);
  }

  @Test
  void tooLargeGets413WithAMessageAndTheServerStaysUp() throws Exception {
    // headers only: the server must refuse on the declared length, before reading (or waiting for) the body
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (MAX + 1024) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 413").contains("too large").contains("at most 3 MB");
    }
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void tooLargeWithoutAContentLengthAlsoGets413() throws Exception {
    Multipart m = new Multipart().file("file", "big.har", new byte[(int) MAX + 1024]);
    byte[] body = m.bytes();
    // a streamed body goes out chunked, so only the multipart parser can see the size
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/analyze")).timeout(Duration.ofSeconds(20))
        .header("Content-Type", m.contentType())
        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(), BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("too large");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void junkGets400AndTheServerStaysUp() throws Exception {
    HttpResponse<String> r = post("/api/analyze", new Multipart().file("file", "junk.har", "\u0000\u0001 not json".getBytes()));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("error").asText()).startsWith("junk.har: ");
    HttpResponse<String> truncated = post("/api/analyze", new Multipart().file("file", "cut.har",
        "{\"log\":{\"entries\":[{\"request\":".getBytes()));
    assertThat(truncated.statusCode()).isEqualTo(400);
    assertThat(truncated.body()).contains("cut.har").contains("truncated");
    assertThat(post("/api/analyze", new Multipart().field("other", "x")).statusCode()).isEqualTo(400);
    HttpResponse<String> notMultipart = HTTP.send(HttpRequest.newBuilder(uri("/api/analyze")).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());
    assertThat(notMultipart.statusCode()).isEqualTo(400);
    assertThat(notMultipart.body()).contains("multipart/form-data");
    HttpResponse<String> badMultipart = HTTP.send(HttpRequest.newBuilder(uri("/api/analyze")).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "multipart/form-data; boundary=zzz").POST(BodyPublishers.ofString("garbage")).build(),
        BodyHandlers.ofString());
    assertThat(badMultipart.statusCode()).isEqualTo(400);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void uploadsBeyondTheBoundWaitInTheQueue() throws Exception {
    HttpResponse<String> r;
    try (AnalysisSlots.Slot all = server.slots().occupyAll()) {
      var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return post("/api/analyze", new Multipart().file(authRejected()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long until = System.nanoTime() + 10_000_000_000L;
      while (server.slots().waiting() == 0 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(server.slots().waiting()).isEqualTo(1);
      assertThat(waiting).isNotDone();
      all.close(); // the slots free up: the queued upload is served, not refused
      r = waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void aFullQueueGets503WithRetryAfter() throws Exception {
    try (UploadServer noQueue = UploadServer.start(ServerOptions.defaults().withPort(0).withMaxConcurrentAnalyses(1)
        .withMaxQueued(0));
        AnalysisSlots.Slot all = noQueue.slots().occupyAll()) {
      Multipart m = new Multipart().file(authRejected());
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(noQueue.url() + "api/analyze"))
          .timeout(Duration.ofSeconds(20)).header("Content-Type", m.contentType())
          .POST(BodyPublishers.ofByteArray(m.bytes())).build(), BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(JSON.readTree(r.body()).path("error").asText()).startsWith("busy").contains("waiting");
    }
  }

  @Test
  void anAnalysisOverTheTimeLimitGets503() throws Exception {
    try (UploadServer slow = UploadServer.start(ServerOptions.defaults().withPort(0).withAnalysisTimeoutMs(1))) {
      Multipart m = new Multipart().file(Fixtures.sampleHar("sticky-session-missing--nginx-two-nodes"));
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(slow.url() + "api/analyze"))
          .timeout(Duration.ofSeconds(20)).header("Content-Type", m.contentType())
          .POST(BodyPublishers.ofByteArray(m.bytes())).build(), BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("took longer than");
      assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(slow.url() + "healthz")).build(), BodyHandlers.ofString())
          .statusCode()).isEqualTo(200);
    }
  }

  @Test
  void sanitizeReturnsTheHarWithoutItsSecrets() throws Exception {
    HttpResponse<String> r = post("/api/sanitize", new Multipart().file(Fixtures.fixture("secrets.har")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("sanitized-secrets.har");
    assertThat(r.headers().firstValue("X-Sio-Doctor-Redactions").orElse("")).contains("cookie");
    assertThat(JSON.readTree(r.body()).path("log").path("entries").size()).isEqualTo(8);
    for (String secret : io.siodoctor.analyzer.sanitize.HarSanitizerTest.SECRETS) {
      assertThat(r.body()).doesNotContain(secret);
    }
    HttpResponse<String> junk = post("/api/sanitize", new Multipart().file("file", "x.log", "hello".getBytes()));
    assertThat(junk.statusCode()).isEqualTo(400);
    assertThat(junk.body()).contains("x.log");
  }
}
