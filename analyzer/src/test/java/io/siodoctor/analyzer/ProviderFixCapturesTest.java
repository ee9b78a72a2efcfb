package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end: where a sample capture shows the provider in front of the server, the report's fix
 * of its top cause gives that provider's own setting (the provider-aware fixes of issue 11), in the
 * JSON users' scripts read.
 */
class ProviderFixCapturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "platform-no-websocket--vercel-functions-standin | capture.har | platform-no-websocket | The inputs show Vercel | WebSockets in Functions exist only as a public beta",
    "platform-no-websocket--heroku-dynos-no-affinity-standin | capture.har | platform-no-websocket | The inputs show Heroku | heroku features:enable http-session-affinity",
    "platform-no-websocket--heroku-dynos-no-affinity-standin | web-1.log web-2.log router.log | sticky-session-missing | heroku-router log | heroku features:enable http-session-affinity",
    "platform-no-websocket--azure-websockets-off-standin | capture.har | platform-no-websocket | The inputs show Azure App Service | --web-sockets-enabled true",
  })
  void theFixNamesTheProvidersSetting(String folder, String inputs, String top, String seen, String setting)
      throws IOException {
    Path dir = SampleCapturesTest.capturesDir().resolve(folder);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("analyze", "--format", "json"));
    for (String f : inputs.trim().split(" ")) {
      args.add(dir.resolve(f).toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    JsonNode first = report.path("causes").get(0);
    assertThat(first.path("id").asText()).isEqualTo(top);
    assertThat(first.path("fix").asText()).contains(seen).contains(setting);
  }
}
