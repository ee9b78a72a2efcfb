package io.siodoctor.analyzer.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sio-doctor sanitize} as a user runs it: files, exit codes, the summary on stderr. */
class SanitizeCommandTest {
  @TempDir
  Path tmp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesTheSanitizedHarAndPrintsWhatWasRedacted() throws IOException {
    Path out = tmp.resolve("out.har");
    int exit = run("sanitize", Fixtures.fixture("secrets.har").toString(), "-o", out.toString(), "--keep", "lang",
        "--redact", "username");
    assertThat(exit).isZero();
    String har = Files.readString(out);
    new ObjectMapper().readTree(har);
    assertThat(har).doesNotContain("cookie-secret-123").doesNotContain("username=bob").contains("lang=en");
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("sio-doctor sanitize: redacted ")
        .contains("cookie ").contains("sid ").contains("wrote " + out);
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(out); // no temporary file left behind
    }
  }

  @Test
  void badInputIsOneLineAndExitCode3WithNoOutputFile() throws IOException {
    Path junk = Files.writeString(tmp.resolve("junk.har"), "{\"log\": {\"entries\": [ {\"request\": ");
    Path out = tmp.resolve("out.har");
    assertThat(run("sanitize", junk.toString(), "-o", out.toString())).isEqualTo(3);
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message.strip().lines()).hasSize(1);
    assertThat(message).contains("junk.har").contains("not valid JSON").doesNotContain("Exception");
    assertThat(out).doesNotExist();
    assertThat(run("sanitize", tmp.resolve("missing.har").toString(), "-o", out.toString())).isEqualTo(3);
  }

  @Test
  void usageErrorsExit2() {
    // no input (standard output is the default output since issue 14; - reads standard input)
    assertThat(run("sanitize")).isEqualTo(2);
    assertThat(run("sanitize", "a.har", "b.har")).isEqualTo(2);
    assertThat(run("sanitize", "-o", "x.har")).isEqualTo(2);
    assertThat(run("serve", "--port", "http")).isEqualTo(2);
  }
}
