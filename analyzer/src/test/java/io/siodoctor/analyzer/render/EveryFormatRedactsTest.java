package io.siodoctor.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.cli.Main;
import io.siodoctor.analyzer.sanitize.HarSanitizerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 5, item 2: no report format prints a seeded secret unless --show-secrets is given. */
class EveryFormatRedactsTest {

  private static String analyze(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "markdown", "html"})
  void noSeededSecretInTheReport(String format) {
    String har = Fixtures.fixture("secrets.har").toString();
    String report = analyze("analyze", "--format", format, "--top", "100", har);
    assertThat(report).contains("auth-rejected");
    for (String secret : HarSanitizerTest.SECRETS) {
      if (!secret.contains("sid") && !secret.contains("Sid")) { // sids are kept in reports: they join the views
        assertThat(report).as("%s in %s", secret, format).doesNotContain(secret);
      }
    }
    String shown = analyze("analyze", "--format", format, "--top", "100", "--show-secrets", har);
    assertThat(shown).contains("echo-secret-444");
  }
}
