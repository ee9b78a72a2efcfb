package io.siodoctor.analyzer.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.cli.Main;
import io.siodoctor.analyzer.sanitize.HarSanitizerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: redaction happens once, where output is written ({@code render.Redaction}). Every way out
 * of the tool (each diff format, each web answer, error messages on stderr and in web errors) must
 * hide the secrets planted in {@code secrets.har}; {@code --show-secrets} is the only way to see them.
 * (The analyze formats are {@code EveryFormatRedactsTest}.)
 */
class OutputBoundaryRedactsTest {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PLANTED = "planted-secret-42";
  private static UploadServer server;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() throws Exception {
    server = UploadServer.start(ServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Path secrets() {
    return Fixtures.fixture("secrets.har");
  }

  private static Path working() {
    return Fixtures.repoRoot().resolve("sample-captures/healthy--v4-client-v4-server/capture.har");
  }

  private static void assertNoSecret(String output, String where) {
    for (String secret : HarSanitizerTest.SECRETS) {
      if (!secret.contains("sid") && !secret.contains("Sid")) { // sids are kept in reports: they join the views
        assertThat(output).as("%s in %s", secret, where).doesNotContain(secret);
      }
    }
  }

  /** Standard output and standard error of one run. */
  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  private static HttpResponse<String> post(String path, Multipart body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).timeout(Duration.ofSeconds(60))
        .header("Content-Type", body.contentType()).header("Accept", "text/html").POST(BodyPublishers.ofByteArray(body.bytes()))
        .build(), BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "html"})
  void everyDiffFormatRedacts(String format) {
    String[] diff = run("diff", "--format", format, working().toString(), secrets().toString());
    assertThat(diff[0]).contains("sio-doctor");
    assertNoSecret(diff[0] + diff[1], "diff --format " + format);
  }

  @Test
  void showSecretsIsTheOnlyWayOffForDiff() {
    String shown = run("diff", "--format", "json", "--show-secrets", working().toString(), secrets().toString())[0];
    assertThat(shown).contains("query-secret-def");
    String masked = run("diff", "--format", "json", working().toString(), secrets().toString())[0];
    assertThat(masked).doesNotContain("query-secret-def").contains("[redacted:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/analyze", "/api/analyze"})
  void everyAnalysisAnswerRedacts(String path) throws Exception {
    HttpResponse<String> r = post(path, new Multipart().file("file", "secrets.har", Files.readAllBytes(secrets())));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("auth-rejected");
    assertNoSecret(r.body(), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/compare", "/api/diff"})
  void everyCompareAnswerRedacts(String path) throws Exception {
    HttpResponse<String> r = post(path, new Multipart()
        .file("working", "working.har", Files.readAllBytes(working()))
        .file("failing", "failing.har", Files.readAllBytes(secrets())));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertNoSecret(r.body(), path);
  }

  @Test
  void searchAnswersRedactUnlessShowSecrets() throws Exception {
    Path index = tmp.resolve("index");
    run("index", "-q", secrets().toString(), "--index", index.toString());
    String masked = run("search", "--index", index.toString(), "--format", "json", "--limit", "1000", "kind:har")[0];
    assertThat(masked).contains("\"hits\"").contains("[redacted:");
    assertNoSecret(masked, "search");
    String shown = run("search", "--index", index.toString(), "--format", "json", "--limit", "1000", "--show-secrets",
        "kind:har")[0];
    assertThat(shown).contains("query-secret-def");
    try (UploadServer withIndex = UploadServer.start(ServerOptions.defaults().withPort(0).withIndex(index))) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(withIndex.url() + "api/search?q=kind:har&limit=1000"))
          .timeout(Duration.ofSeconds(60)).GET().build(), BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("[redacted:");
      assertNoSecret(r.body(), "/api/search");
    }
  }

  @Test
  void errorMessagesRedact() throws Exception {
    Path bad = tmp.resolve("notes.txt");
    Files.writeString(bad, "Authorization: Bearer " + PLANTED + " sent twice\nsecond line\n");
    String[] analyze = run("analyze", "--format", "json", bad.toString());
    assertThat(analyze[1]).contains("notes.txt").contains("[redacted:").doesNotContain(PLANTED);
    assertThat(analyze[0]).doesNotContain(PLANTED);
    String[] diff = run("diff", bad.toString(), bad.toString());
    assertThat(diff[1]).contains("notes.txt").doesNotContain(PLANTED);
    HttpResponse<String> web = post("/api/analyze", new Multipart().file("file", "notes.txt", Files.readAllBytes(bad)));
    assertThat(web.statusCode()).isEqualTo(400);
    assertThat(web.body()).contains("notes.txt").doesNotContain(PLANTED);
  }
}
