package io.siodoctor.analyzer.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.cli.Main;
import io.siodoctor.analyzer.web.ServerOptions;
import io.siodoctor.analyzer.web.UploadServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's promise, end to end: {@code fixtures/seeded-secrets.har} (a fixture written by {@code
 * seeded-secrets.py} beside it) holds a distinct secret {@code SKnn...} in every place the issue
 * lists: headers, cookies, Set-Cookie attributes, query strings, form and JSON post data, v3 and v4
 * polling CONNECT payloads, WebSocket CONNECT frames with and without namespace, a JWT, nested auth
 * objects and arrays, a base64 body, binary frames, initiator URLs, a page title, redirects, error
 * texts. None survives sanitize, any report format, or any answer of the web server; base64 inside
 * the outputs is decoded and searched too.
 */
class SeededSecretsTest {
  private static final Pattern SEEDED = Pattern.compile("SK\\d\\d[A-Z0-9]{10,}");
  private static final String JWT_HEAD = "eyJhbGciOiJIUzI1NiJ9";
  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir
  static Path tmp;
  static Path har;
  static List<String> secrets;

  @BeforeAll
  static void seeds() throws IOException {
    har = Fixtures.fixture("seeded-secrets.har");
    secrets = new ArrayList<>();
    Matcher m = SEEDED.matcher(withDecodedBase64(Files.readString(har)));
    while (m.find()) {
      if (!secrets.contains(m.group())) {
        secrets.add(m.group());
      }
    }
    assertThat(secrets).as("the fixture seeds 28 distinct secrets").hasSize(28);
  }

  @Test
  void noneSurvivesSanitize() throws IOException {
    Path out = tmp.resolve("sanitized.har");
    Run r = run("sanitize", har.toString(), "-o", out.toString());
    assertThat(r.exit).as(r.err).isZero();
    String sanitized = Files.readString(out);
    new ObjectMapper().readTree(sanitized);
    assertNoSecret("sanitized HAR", sanitized);
    assertThat(r.err).contains("binary 1");
  }

  @Test
  void noneSurvivesAnyReportFormat() {
    for (String format : new String[] {"text", "json", "markdown", "html"}) {
      Run r = run("analyze", "--format", format, har.toString());
      assertThat(r.exit).as(format + ": " + r.err).isIn(0, 1, 4);
      assertNoSecret(format + " report", r.out);
      assertNoSecret(format + " stderr", r.err);
    }
  }

  @Test
  void noneSurvivesTheWebAnswers() throws Exception {
    try (UploadServer server = UploadServer.start(ServerOptions.defaults().withPort(0))) {
      for (String path : new String[] {"api/analyze", "analyze", "api/sanitize"}) {
        HttpResponse<String> r = post(server, path, Files.readAllBytes(har), "seeded.har");
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertNoSecret(path, r.body());
        assertNoSecret(path + " headers", r.headers().map().toString());
      }
      // an error answer quoting the upload: the first line of an unrecognised file
      HttpResponse<String> junk = post(server, "api/analyze",
          "Authorization: Bearer SK90JUNKLINE00090\nmore\n".getBytes(StandardCharsets.UTF_8), "junk.txt");
      assertThat(junk.statusCode()).isEqualTo(400);
      assertThat(junk.body()).contains("junk.txt").doesNotContain("SK90JUNKLINE00090");
    }
  }

  private static void assertNoSecret(String where, String text) {
    String all = withDecodedBase64(text);
    for (String s : secrets) {
      assertThat(all).as("%s leaks %s", where, s).doesNotContain(s);
    }
    assertThat(all).as("%s leaks the JWT", where).doesNotContain(JWT_HEAD + ".eyJ");
  }

  /** The text plus the decoded form of every base64 run in it (bodies, binary frames). */
  private static String withDecodedBase64(String text) {
    StringBuilder sb = new StringBuilder(text);
    Matcher m = BASE64_RUN.matcher(text);
    while (m.find()) {
      String run = m.group();
      if (run.length() % 4 != 0) {
        continue;
      }
      try {
        sb.append('\n').append(new String(Base64.getDecoder().decode(run), StandardCharsets.ISO_8859_1));
      } catch (IllegalArgumentException e) {
        // not base64 after all
      }
    }
    return sb.toString();
  }

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(UploadServer server, String path, byte[] content, String name)
      throws Exception {
    String boundary = "----seeded" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

}
