package io.siodoctor.analyzer.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile HARs through the real CLI (issue 12): each one is either analysed, or reported as one line
 * naming the file, the place and the problem; never {@code internal error}, never a stack trace,
 * never minutes. Every command that reads a HAR is tried: analyze in each format, and sanitize.
 */
class HostileInputsTest {
  @TempDir
  static Path tmp;

  private static final String ENTRY_START = "{\"log\":{\"version\":\"1.2\",\"entries\":[{\"startedDateTime\":"
      + "\"2026-11-26T03:30:33.054Z\",\"time\":1,\"request\":{\"method\":\"GET\",\"url\":"
      + "\"http://127.0.0.1:3000/socket.io/?EIO=4&transport=polling&t=abc\",\"httpVersion\":\"HTTP/1.1\",";

  private static String entry(String requestRest, String response) {
    return ENTRY_START + requestRest + "},\"response\":" + response + ",\"cache\":{},\"timings\":{}}]}}";
  }

  private static final String OK_RESPONSE = "{\"status\":200,\"statusText\":\"OK\",\"httpVersion\":\"HTTP/1.1\","
      + "\"headers\":[],\"cookies\":[],\"content\":{\"size\":2,\"mimeType\":\"text/plain\",\"text\":\"ok\"},"
      + "\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":2}";

  static Stream<Arguments> hostile() {
    String deep = "[".repeat(5_000);
    return Stream.of(
        Arguments.of("header-without-name", entry("\"headers\":[{\"value\":\"x\"}],\"cookies\":[],"
            + "\"queryString\":[{\"value\":\"y\"}]", OK_RESPONSE)),
        Arguments.of("cookie-without-name", entry("\"headers\":[],\"cookies\":[{\"value\":\"x\"},null,7]",
            OK_RESPONSE)),
        Arguments.of("deep-json", "{\"log\":{\"entries\":" + deep),
        Arguments.of("absurd-dates", "{\"log\":{\"version\":\"1.2\",\"entries\":[{\"startedDateTime\":"
            + "\"0001-01-01T00:00:00Z\",\"time\":1e308,\"request\":{\"method\":\"GET\",\"url\":\"http://a/socket.io/"
            + "?EIO=4&transport=polling\",\"headers\":[],\"cookies\":[]},\"response\":" + OK_RESPONSE
            + "},{\"startedDateTime\":\"+999999999-12-31T23:59:59Z\",\"time\":-5,\"request\":{\"method\":\"GET\","
            + "\"url\":\"http://a/socket.io/?EIO=4&transport=polling\",\"headers\":[],\"cookies\":[]},\"response\":"
            + OK_RESPONSE + "}]}}"),
        Arguments.of("absurd-numbers", entry("\"headers\":[],\"cookies\":[],\"headersSize\":1e999999,"
            + "\"bodySize\":-99999999999999999999999999", "{\"status\":1e400,\"content\":{\"size\":NaN}}")),
        Arguments.of("huge-header", entry("\"headers\":[{\"name\":\"x-data\",\"value\":\"" + "a1B2".repeat(500_000)
            + "\"}],\"cookies\":[]", OK_RESPONSE)),
        Arguments.of("long-quoted-value", entry("\"headers\":[{\"name\":\"x-script\",\"value\":\"var a = '"
            + "z".repeat(5_000) + "'; password = '" + "p".repeat(2_000) + "'\"}],\"cookies\":[]", OK_RESPONSE)),
        Arguments.of("wrong-types", "{\"log\":{\"entries\":[{\"request\":[],\"response\":\"x\",\"startedDateTime\":5,"
            + "\"_webSocketMessages\":{\"a\":1}},7,null,\"s\"],\"pages\":5}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void everyCommandAnswersInOneLineOrAnalyses(String name, String har) throws Exception {
    Path file = Files.writeString(tmp.resolve(name + ".har"), har);
    for (String format : new String[] {"text", "json", "markdown", "html"}) {
      Result r = run("analyze", "--format", format, file.toString());
      assertThat(r.err).as(name + " " + format).doesNotContain("internal error").doesNotContain("Exception")
          .doesNotContain("\tat ");
      assertThat(r.exit).as(name + " " + format + ": " + r.err).isIn(0, 1, 3, 4);
      assertThat(r.millis).as(name + " " + format).isLessThan(Duration.ofSeconds(20).toMillis());
    }
    Path out = tmp.resolve(name + ".sanitized.har");
    Result s = run("sanitize", file.toString(), "-o", out.toString());
    assertThat(s.err).as(name + " sanitize").doesNotContain("internal error").doesNotContain("Exception");
    assertThat(s.exit).as(name + " sanitize: " + s.err).isIn(0, 3);
    assertThat(s.err.strip().lines()).as(name).hasSize(1);
    if (s.exit == 3) {
      assertThat(s.err).contains(name + ".har");
    }
  }

  record Result(int exit, String err, long millis) {}

  private static Result run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int exit = Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, err.toString(StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000);
  }
}
