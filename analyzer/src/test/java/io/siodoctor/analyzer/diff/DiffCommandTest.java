package io.siodoctor.analyzer.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sio-doctor diff} on recorded pairs of the same app, one healthy and one failing (the
 * healthy twins in sample-captures/ differ from their failing capture by one setting): the
 * difference that explains the failing capture's top cause comes first, in text, JSON and HTML,
 * with evidence from both captures.
 */
class DiffCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int exit, String out, String err) {}

  static Result diff(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 1];
    all[0] = "diff";
    System.arraycopy(args, 0, all, 1, args.length);
    int exit = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path capture(String folder, String file) {
    return Fixtures.repoRoot().resolve("sample-captures").resolve(folder).resolve(file);
  }

  /**
   * healthy folder, failing folder, logs of each (may be empty), the failing top cause, the aspect that
   * must rank first, a value the failing side must show for it, and one the working side must show.
   */
  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("healthy--nginx-websocket-proxy", "websocket-upgrade-blocked--nginx-no-upgrade-headers", List.of(),
            "websocket-upgrade-blocked", "upgrade", "refused: Error during WebSocket handshake: Unexpected response code: 400",
            "opened (101 Switching Protocols)"),
        Arguments.of("healthy--nginx-two-nodes-ip-hash", "sticky-session-missing--nginx-two-nodes",
            List.of("node-a.log", "node-b.log", "access.log"),
            "sticky-session-missing", "nodes", "a session's requests answered by different nodes (node-a, node-b)",
            "each session answered by one node"),
        Arguments.of("healthy--v4-client-v4-server", "version-mismatch--v4-client-v2-server", List.of(),
            "version-mismatch", "server-revision", "EIO=3 (Socket.IO 1.x/2.x)", "EIO=4 (Socket.IO 3.x/4.x)"),
        Arguments.of("healthy--v4-cross-origin-cors", "cors-missing-headers--v4-no-cors", List.of(),
            "cors-missing-headers", "cors", "Access-Control-Allow-Origin absent on a cross-origin response",
            "Access-Control-Allow-Origin echoes the page origin"),
        // the same-app v2 pair: an old 2.x client against the same 2.x server works, the 4.x client does not
        Arguments.of("healthy--v2-pair", "version-mismatch--v4-client-v2-server", List.of(),
            "version-mismatch", "client-revision", "EIO=4", "EIO=3"));
  }

  private static List<String> args(String healthy, String failing, List<String> logs, String format) {
    List<String> a = new ArrayList<>(List.of("--format", format, capture(healthy, "capture.har").toString(),
        capture(failing, "capture.har").toString()));
    for (String l : logs) {
      // logs of both captures together: each goes with the capture whose time it overlaps
      a.add(capture(healthy, l).toString());
      a.add(capture(failing, l).toString());
    }
    return a;
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("pairs")
  void theDecisiveDifferenceComesFirstInJson(String healthy, String failing, List<String> logs, String top, String aspect,
      String failingValue, String workingValue) throws Exception {
    Result r = diff(args(healthy, failing, logs, "json").toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    JsonNode d = JSON.readTree(r.out());
    assertThat(d.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(d.at("/tool/name").asText()).isEqualTo("sio-doctor");
    assertThat(d.at("/tool/version").asText()).isNotEmpty();
    assertThat(d.at("/working/verdict").asText()).isEqualTo("healthy");
    assertThat(d.at("/failing/causes/0/id").asText()).isEqualTo(top);
    JsonNode first = d.at("/differences/0");
    assertThat(first.get("aspect").asText()).isEqualTo(aspect);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(texts(first.get("failing"))).contains(failingValue);
    assertThat(texts(first.get("working"))).contains(workingValue);
    assertThat(texts(first.get("explains"))).contains(top);
    // evidence in both captures, pointing at real places of each
    assertThat(first.at("/evidence/working/0/file").asText()).contains(healthy);
    assertThat(first.at("/evidence/failing/0/file").asText()).contains(failing);
    assertThat(first.at("/evidence/failing/0/location").asText()).matches("entries\\[\\d+\\].*|line \\d+");
    // it ends with the causes only the failing capture shows
    assertThat(texts(d.get("onlyInFailing"), "id")).contains(top);
    // the logs went with their own capture
    for (String l : logs) {
      assertThat(texts(d.at("/working/inputs"))).anyMatch(f -> f.contains(healthy) && f.endsWith(l));
      assertThat(texts(d.at("/failing/inputs"))).anyMatch(f -> f.contains(failing) && f.endsWith(l));
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("pairs")
  void theDecisiveDifferenceComesFirstInTextAndHtml(String healthy, String failing, List<String> logs, String top,
      String aspect, String failingValue, String workingValue) {
    Result text = diff(args(healthy, failing, logs, "text").toArray(String[]::new));
    assertThat(text.exit()).isEqualTo(1);
    String firstBlock = text.out().substring(text.out().indexOf("\n1. "), text.out().indexOf("\n2. "));
    assertThat(firstBlock).contains(Aspect.valueOf(aspect.toUpperCase(java.util.Locale.ROOT).replace('-', '_')).title())
        .contains("[explains " + top).contains("working: ").contains("failing: ").contains(failingValue)
        .contains("working evidence: ").contains("failing evidence: ");
    assertThat(text.out()).contains("Causes only the failing capture shows:\n  1. " + top);

    Result html = diff(args(healthy, failing, logs, "html").toArray(String[]::new));
    assertThat(html.exit()).isEqualTo(1);
    String page = html.out();
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<li class=\"diff-item first\" id=\"diff-1\" data-aspect=\"" + aspect + "\">")
        .contains("<div class=\"failing\"><h4>failing</h4>").doesNotContain(" style=\"");
    int from = page.indexOf("id=\"diff-1\"");
    int to = page.indexOf("<li class=\"diff-item", from);
    String first = page.substring(from, to < 0 ? page.indexOf("</ol>", from) : to);
    assertThat(first).contains("<p class=\"ev\">");
    assertThat(unescape(first)).contains(failingValue).contains(workingValue);
  }

  @Test
  void twoCapturesThatBehaveAlikeShowNoDifference() {
    Path har = capture("healthy--v4-websocket-upgrade", "capture.har");
    Result r = diff(har.toString(), har.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("No difference that matters for Socket.IO.").contains("Same in both: ");
  }

  @Test
  void badUsageAndUnreadableInputsSayWhatIsWrongInOneLine() {
    Result one = diff(capture("healthy--v4-websocket-upgrade", "capture.har").toString());
    assertThat(one.exit()).isEqualTo(2);
    assertThat(one.err()).startsWith("sio-doctor diff: diff needs WORKING.har and FAILING.har");
    Result missing = diff(capture("healthy--v4-websocket-upgrade", "capture.har").toString(), "/nonexistent/failing.har");
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err()).contains("failing.har").doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** The text as the browser shows it (jte escapes for the context; the test reads the values back). */
  private static String unescape(String s) {
    return s.replace("&#39;", "'").replace("&#34;", "\"").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }
}
