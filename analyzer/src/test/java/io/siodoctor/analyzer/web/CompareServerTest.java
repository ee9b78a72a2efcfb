package io.siodoctor.analyzer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/diff} and {@code POST /compare}: fields working, failing, logs. */
class CompareServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static UploadServer server;

  @BeforeAll
  static void start() throws Exception {
    server = UploadServer.start(ServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String path, Multipart body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).timeout(Duration.ofSeconds(60))
        .header("Content-Type", body.contentType()).POST(BodyPublishers.ofByteArray(body.bytes())).build(),
        BodyHandlers.ofString());
  }

  private static Path sample(String folder, String file) {
    return Fixtures.repoRoot().resolve("sample-captures").resolve(folder).resolve(file);
  }

  private static Multipart stickyPair() throws Exception {
    Multipart m = new Multipart();
    m.file("working", "working.har", Files.readAllBytes(sample("healthy--nginx-two-nodes-ip-hash", "capture.har")));
    m.file("failing", "failing.har", Files.readAllBytes(sample("sticky-session-missing--nginx-two-nodes", "capture.har")));
    for (String folder : new String[] {"healthy--nginx-two-nodes-ip-hash", "sticky-session-missing--nginx-two-nodes"}) {
      for (String log : new String[] {"node-a.log", "node-b.log", "access.log"}) {
        m.file("logs", folder.substring(0, 7) + "-" + log, Files.readAllBytes(sample(folder, log)));
      }
    }
    return m;
  }

  @Test
  void apiDiffRanksTheNodeThatAnsweredFirst() throws Exception {
    HttpResponse<String> r = post("/api/diff", stickyPair());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode d = JSON.readTree(r.body());
    assertThat(d.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(d.at("/differences/0/aspect").asText()).isEqualTo("nodes");
    assertThat(d.at("/failing/causes/0/id").asText()).isEqualTo("sticky-session-missing");
    // each side got its own logs (by time), named as uploaded
    assertThat(d.at("/working/inputs").toString()).contains("healthy-node-a.log").doesNotContain("sticky-");
    assertThat(d.at("/failing/inputs").toString()).contains("sticky--node-a.log").doesNotContain("healthy-");
  }

  @Test
  void compareAnswersTheDiffPage() throws Exception {
    HttpResponse<String> r = post("/compare", stickyPair());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).contains("<main id=\"sio-diff\"").contains("data-aspect=\"nodes\"")
        .contains("<h2>Causes only the failing capture shows</h2>");
  }

  @Test
  void aMissingSideOrAJunkCaptureIsA400WithOneLine() throws Exception {
    Multipart one = new Multipart().file("working", "w.har", Files.readAllBytes(sample("healthy--v4-websocket-upgrade", "capture.har")));
    HttpResponse<String> r = post("/api/diff", one);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("error").asText()).startsWith("compare needs exactly one 'working' and one 'failing' file");
    Multipart junk = new Multipart().file("working", "w.har", Files.readAllBytes(sample("healthy--v4-websocket-upgrade", "capture.har")))
        .file("failing", "junk.har", "\u0000 not json".getBytes());
    HttpResponse<String> j = post("/api/diff", junk);
    assertThat(j.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(j.body()).get("error").asText()).contains("junk.har");
  }
}
