package io.siodoctor.analyzer.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --index DIR}: a real on-disk index of a recorded log, a real server on 127.0.0.1 and a
 * free port; {@code GET /api/search} answers the search JSON, and the page shows the box only then.
 */
class SearchServerTest {
  static final String STICKY = "sticky-session-missing--nginx-two-nodes";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  static Path tmp;
  private static Path index;
  private static Path nodeB;
  private static UploadServer withIndex;
  private static UploadServer withoutIndex;

  static void indexFiles(Path dir, Path... files) {
    List<String> args = new ArrayList<>(List.of("index"));
    for (Path f : files) {
      args.add(f.toString());
    }
    args.addAll(List.of("--index", dir.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    assertThat(exit).as(err.toString(UTF_8)).isIn(0, 1);
  }

  @BeforeAll
  static void start() throws IOException {
    nodeB = Fixtures.repoRoot().resolve("sample-captures").resolve(STICKY).resolve("node-b.log");
    assertThat(Files.isRegularFile(nodeB)).as("the sample capture is committed").isTrue();
    Path night = Files.createDirectories(tmp.resolve("night"));
    Files.copy(nodeB, night.resolve("node-b.log"));
    index = tmp.resolve("index");
    indexFiles(index, night.resolve("node-b.log"));
    withIndex = UploadServer.start(ServerOptions.defaults().withPort(0).withIndex(index));
    withoutIndex = UploadServer.start(ServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    if (withIndex != null) {
      withIndex.close();
    }
    if (withoutIndex != null) {
      withoutIndex.close();
    }
  }

  private static HttpResponse<String> get(UploadServer server, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
        .timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> search(String query, int limit) throws Exception {
    return get(withIndex, "/api/search?q=" + URLEncoder.encode(query, UTF_8) + "&limit=" + limit);
  }

  private static String someRejectedSid() throws IOException {
    Matcher m = Pattern.compile("unknown sid \"([^\"]+)\"").matcher(Files.readString(nodeB));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void aSidQueryAnswersTheSearchJson() throws Exception {
    String sid = someRejectedSid();
    HttpResponse<String> r = search("sid:" + sid, 2);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(UploadServer.API_CSP);
    JsonNode j = JSON.readTree(r.body());
    assertThat(j.path("query").asText()).isEqualTo("sid:" + sid);
    assertThat(j.path("hits").asInt()).isGreaterThan(1);
    assertThat(j.path("results")).hasSize(2);
    for (JsonNode hit : j.path("results")) {
      for (String field : List.of("time", "file", "location", "node", "sid", "kind", "causes", "text")) {
        assertThat(hit.has(field)).as(field).isTrue();
      }
      assertThat(hit.path("sid").asText()).isEqualTo(sid);
      assertThat(hit.path("file").asText()).endsWith("node-b.log");
      assertThat(hit.path("location").asText()).startsWith("line ");
      assertThat(hit.path("causes").isArray()).isTrue();
    }
    assertThat(j.path("results").get(0).path("time").asText())
        .isLessThanOrEqualTo(j.path("results").get(1).path("time").asText());
  }

  @Test
  void aPhraseQueryFindsTheLines() throws Exception {
    assertThat(Files.readString(nodeB).contains("Session ID unknown")).isTrue();
    HttpResponse<String> r = search("\"Session ID unknown\"", 1000);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode j = JSON.readTree(r.body());
    assertThat(j.path("hits").asInt()).isPositive();
    assertThat(j.path("results")).allSatisfy(h -> assertThat(h.path("text").asText()).containsIgnoringCase("session id unknown"));
    long lines = Files.readString(nodeB).lines().filter(l -> l.contains("Session ID unknown")).count();
    assertThat(j.path("hits").asLong()).isEqualTo(lines);
  }

  @Test
  void anInvalidQueryIs400WithOneLine() throws Exception {
    for (String bad : List.of("sid:(", "time:[yesterday TO now]", "text:\"unclosed")) {
      HttpResponse<String> r = search(bad, 10);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
      String error = JSON.readTree(r.body()).path("error").asText();
      assertThat(error).as(bad).startsWith("cannot parse the query: ").doesNotContain("\n").doesNotContain("\tat ");
    }
    assertThat(get(withIndex, "/api/search").statusCode()).isEqualTo(400);
    assertThat(get(withIndex, "/api/search?q=sid:x&limit=lots").statusCode()).isEqualTo(400);
  }

  @Test
  void withoutAnIndexThereIsNoBoxAndSearchIs404() throws Exception {
    HttpResponse<String> page = get(withoutIndex, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("id=\"searchForm\"").doesNotContain("id=\"searchQuery\"")
        .doesNotContain("{{search}}");
    HttpResponse<String> r = get(withoutIndex, "/api/search?q=sid:x");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).path("error").asText()).contains("--index");
  }

  @Test
  void aMissingIndexFailsTheStartWithOneLineAndCreatesNothing() {
    Path missing = tmp.resolve("no-such-index");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> UploadServer.start(ServerOptions.defaults().withPort(0).withIndex(missing)).close())
        .isInstanceOf(IOException.class).hasMessageContaining("no index here");
    assertThat(missing).doesNotExist();
  }

  @Test
  void withAnIndexThePageHasTheBoxUnderItsNoncePolicy() throws Exception {
    HttpResponse<String> page = get(withIndex, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'nonce-").contains("connect-src 'self'");
    assertThat(page.body()).contains("id=\"searchForm\"").contains("id=\"searchQuery\"").contains("id=\"searchResults\"")
        .doesNotContain("{{search}}").doesNotContainPattern("\\ssrc=\"").doesNotContain("<link");
    // the upload form is still there
    assertThat(page.body()).contains("action=\"/analyze\"");
  }

  @Test
  void appendedEventsAreFoundRedactedAndConcurrentQueriesAgree() throws Exception {
    Path later = Files.createDirectories(tmp.resolve("later")).resolve("node-x.log");
    Files.writeString(later, "2026-11-26T03:31:56.946Z app [node-b] connection_error code 1 Session ID unknown "
        + "/socket.io/?EIO=4&transport=polling&token=SuperSecret123&sid=AppendedSid01\n");
    String q = "sid:AppendedSid01";
    assertThat(JSON.readTree(search(q, 10).body()).path("hits").asInt()).isZero();
    indexFiles(index, later);

    // the open server sees the appended event without a restart, from many threads at once
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<JsonNode>> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String query = i % 2 == 0 ? q : "\"Session ID unknown\"";
        Callable<JsonNode> c = () -> JSON.readTree(search(query, 50).body());
        answers.add(pool.submit(c));
      }
      for (int i = 0; i < answers.size(); i++) {
        JsonNode j = answers.get(i).get();
        assertThat(j.path("hits").asInt()).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    JsonNode j = JSON.readTree(search(q, 10).body());
    assertThat(j.path("hits").asInt()).isEqualTo(1);
    String text = j.path("results").get(0).path("text").asText();
    assertThat(text).contains("Session ID unknown").doesNotContain("SuperSecret123");
  }
}
