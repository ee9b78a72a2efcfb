package io.siodoctor.analyzer.scan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.cli.Main;
import io.siodoctor.analyzer.rank.RankedCause;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sio-doctor scan} on a night made of real recorded logs, packed as an operator would find them. */
class ScanCommandTest {
  static final String STICKY = "sticky-session-missing--nginx-two-nodes";
  static final String HEARTBEAT = "heartbeat-timeout--blocked-main-thread";
  static final String HEALTHY = "healthy--v4-websocket-upgrade";
  static final String UPGRADE = "websocket-upgrade-blocked--nginx-no-upgrade-headers";

  @TempDir
  Path tmp;
  Path night;
  /** The plain logs the night is made of, by the name scan gives their member. */
  final Map<String, Path> plain = new LinkedHashMap<>();
  String cutName;

  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  static Path sample(String folder, String file) {
    return Fixtures.repoRoot().resolve("sample-captures").resolve(folder).resolve(file);
  }

  @BeforeEach
  void night() throws IOException {
    for (String f : List.of("node-a.log", "node-b.log", "access.log", "error.log")) {
      assertThat(Files.isRegularFile(sample(STICKY, f))).as("sample capture " + STICKY + " is committed").isTrue();
    }
    assertThat(Files.isRegularFile(sample(HEARTBEAT, "server.log"))).isTrue();
    assertThat(Files.isRegularFile(sample(HEALTHY, "server.log"))).isTrue();
    assertThat(Files.isRegularFile(sample(UPGRADE, "server.log"))).isTrue();
    night = Files.createDirectories(tmp.resolve("night"));

    Map<String, byte[]> members = new LinkedHashMap<>();
    for (String f : List.of("node-a.log", "node-b.log", "access.log", "error.log")) {
      members.put(f, Files.readAllBytes(sample(STICKY, f)));
      plain.put("night/night.tar.gz!" + f, sample(STICKY, f));
    }
    Files.write(night.resolve("night.tar.gz"), ArchiveFiles.gzip(ArchiveFiles.tar(members)));

    Files.write(night.resolve("heartbeat.log.gz"), ArchiveFiles.gzip(Files.readAllBytes(sample(HEARTBEAT, "server.log"))));
    plain.put("night/heartbeat.log.gz", sample(HEARTBEAT, "server.log"));

    Files.copy(sample(UPGRADE, "server.log"), night.resolve("upgrade.log"));
    plain.put("night/upgrade.log", sample(UPGRADE, "server.log"));

    byte[] healthy = ArchiveFiles.gzip(Files.readAllBytes(sample(HEALTHY, "server.log")));
    Files.write(night.resolve("cut.log.gz"), ArchiveFiles.head(healthy, healthy.length / 2));
    cutName = "night/cut.log.gz";
  }

  @Test
  void summaryListsTheCorruptMemberExitsThreeAndCountsEqualAnalyzePerIncident() throws IOException {
    Run run = run("scan", "--format", "json", night.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(3);
    JsonNode s = run.json();
    assertThat(s.path("files").asInt()).isEqualTo(plain.size() + 1);
    assertThat(s.path("bytes").asLong()).isEqualTo(sizeOf(night));
    assertThat(s.path("unreadable")).hasSize(1);
    assertThat(s.path("unreadable").get(0).path("file").asText()).isEqualTo(cutName);
    assertThat(s.path("unreadable").get(0).path("error").asText()).matches("gzip: unexpected end of stream at byte \\d+");
    assertThat(run.err()).contains(cutName + ": gzip: unexpected end of stream");

    // what analyze says of each incident (the night's plain files; the archive's members), summed
    Map<String, Long> events = new HashMap<>();
    Map<String, Set<String>> sessions = new HashMap<>();
    Analyzer analyzer = Analyzer.builtIn();
    Map<String, List<InputSource>> incidents = new LinkedHashMap<>();
    plain.forEach((name, path) -> incidents.computeIfAbsent(name.contains("!") ? "archive" : "night",
        k -> new ArrayList<>()).add(InputSource.of(path, name)));
    incidents.get("night").add(InputSource.of(night.resolve("cut.log.gz"), cutName));
    for (List<InputSource> incident : incidents.values()) {
      // scan reads a small incident's files in name order
      incident.sort(java.util.Comparator.comparing(InputSource::name));
      for (RankedCause c : analyzer.analyze(incident).report().causes()) {
        events.merge(c.id(), (long) c.events(), Long::sum);
        sessions.computeIfAbsent(c.id(), k -> new HashSet<>()).addAll(c.sessions());
      }
    }
    // the night correlated: a sid one node issued and the other rejected, read straight from the logs
    Set<String> crossNode = crossNodeRejections(sample(STICKY, "node-a.log"), sample(STICKY, "node-b.log"));
    assertThat(crossNode).isNotEmpty();

    Map<String, JsonNode> byId = new HashMap<>();
    s.path("causes").forEach(c -> byId.put(c.path("id").asText(), c));
    assertThat(byId.keySet()).isEqualTo(events.keySet()).contains(StickyCorrelator.CAUSE);
    for (String id : events.keySet()) {
      assertThat(byId.get(id).path("events").asLong()).as(id + " events").isEqualTo(events.get(id));
      assertThat(byId.get(id).path("sessions").asInt()).as(id + " sessions").isEqualTo(sessions.get(id).size());
    }
    Set<String> stickySids = new HashSet<>(sessions.getOrDefault(StickyCorrelator.CAUSE, Set.of()));
    stickySids.addAll(crossNode);
    JsonNode st = byId.get(StickyCorrelator.CAUSE);
    assertThat(st.path("sessions").asInt()).isEqualTo(stickySids.size());
    assertThat(st.path("files").toString()).contains("night/night.tar.gz!node-b.log");
    long perHour = 0;
    for (JsonNode n : st.path("hours")) {
      perHour += n.asLong();
    }
    assertThat(perHour).isEqualTo(st.path("events").asLong());
    assertThat(st.path("first").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(st.path("examples").size()).isBetween(1, 5);
    assertThat(st.path("examples").get(0).path("location").asText()).startsWith("line ");
  }

  @Test
  void theSameSummaryWhateverTheNumberOfThreads() throws IOException {
    JsonNode one = withoutTiming(run("scan", "--format", "json", "--threads", "1", night.toString()).json());
    JsonNode four = withoutTiming(run("scan", "--format", "json", "--threads", "4", night.toString()).json());
    assertThat(four).isEqualTo(one);
  }

  @Test
  void jsonlWritesOneLinePerFileThenTheSummary() throws IOException {
    Run run = run("scan", "--format", "jsonl", night.toString());

    assertThat(run.exit()).isEqualTo(3);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(plain.size() + 2);
    ObjectMapper m = new ObjectMapper();
    Set<String> files = new HashSet<>();
    for (String line : lines.subList(0, lines.size() - 1)) {
      JsonNode n = m.readTree(line);
      files.add(n.path("file").asText());
      assertThat(n.path("causes").isArray()).isTrue();
    }
    assertThat(files).containsAll(plain.keySet()).contains(cutName);
    JsonNode summary = m.readTree(lines.get(lines.size() - 1));
    assertThat(summary.has("unreadable")).isTrue();
    assertThat(summary.path("files").asInt()).isEqualTo(plain.size() + 1);
  }

  @Test
  void compareAddsTheChangePerCause() throws IOException {
    Path previous = tmp.resolve("previous.json");
    Files.writeString(previous, "{\"files\": 1, \"causes\": [{\"id\": \"sticky-session-missing\", \"sessions\": 2, \"events\": 3},"
        + " {\"id\": \"cors-missing-headers\", \"sessions\": 1, \"events\": 1}]}");

    JsonNode s = run("scan", "--format", "json", "--compare", previous.toString(), night.toString()).json();

    JsonNode sticky = null;
    for (JsonNode c : s.path("causes")) {
      assertThat(c.has("change")).isTrue();
      if (c.path("id").asText().equals(StickyCorrelator.CAUSE)) {
        sticky = c;
      } else {
        assertThat(c.path("change").path("new").asBoolean()).isTrue();
      }
    }
    assertThat(sticky).isNotNull();
    assertThat(sticky.path("change").path("sessions").asInt()).isEqualTo(sticky.path("sessions").asInt() - 2);
    assertThat(sticky.path("change").path("events").asLong()).isEqualTo(sticky.path("events").asLong() - 3);
    assertThat(s.path("resolved").get(0).path("id").asText()).isEqualTo("cors-missing-headers");
  }

  @Test
  void sinceAndUntilLeaveOutRecordsOutsideTheWindow() throws IOException {
    Files.delete(night.resolve("cut.log.gz"));
    JsonNode all = run("scan", "--format", "json", night.toString()).json();
    assertThat(all.path("causes").size()).isPositive();

    Run none = run("scan", "--format", "json", "--since", "2000-01-01", "--until", "2000-01-02", night.toString());
    assertThat(none.exit()).isZero();
    assertThat(none.json().path("causes").size()).isZero();

    Run usage = run("scan", "--since", "yesterday", night.toString());
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err()).contains("--since: not an ISO-8601 time");
  }

  @Test
  void textIsATable() {
    Run run = run("scan", "--format", "text", night.toString());
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.out()).contains("cause", "sessions", "events", StickyCorrelator.CAUSE, "Unreadable:", cutName);
  }

  @Test
  void aZipBombIsRefusedAndTheRestIsScanned() throws IOException {
    ArchiveFiles.zipOfZeros(night.resolve("bomb.zip"), "zeros.log", 200L << 20);
    Files.delete(night.resolve("cut.log.gz"));
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();

    Run run = run("scan", "--format", "json", night.toString());

    long grown = rt.totalMemory() - rt.freeMemory() - before;
    assertThat(grown).isLessThan(150L << 20);
    assertThat(run.exit()).isEqualTo(3);
    JsonNode un = run.json().path("unreadable");
    assertThat(un).hasSize(1);
    assertThat(un.get(0).path("file").asText()).isEqualTo("night/bomb.zip!zeros.log");
    assertThat(un.get(0).path("error").asText()).contains("refused", "zip bomb");
    assertThat(run.json().path("causes").size()).isPositive();
  }

  @Test
  void noInputIsAUsageError() {
    Run run = run("scan");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("scan needs at least one PATH");
  }

  private static final java.util.regex.Pattern SID_EVENT =
      java.util.regex.Pattern.compile("engine (handshaking client|unknown sid) \"([^\"]+)\"");

  /** Sids handshaken in one file and rejected as unknown in the other. */
  private static Set<String> crossNodeRejections(Path a, Path b) throws IOException {
    Map<String, Set<String>> issuedA = sids(a);
    Map<String, Set<String>> issuedB = sids(b);
    Set<String> out = new HashSet<>();
    issuedA.get("unknown sid").stream().filter(issuedB.get("handshaking client")::contains).forEach(out::add);
    issuedB.get("unknown sid").stream().filter(issuedA.get("handshaking client")::contains).forEach(out::add);
    return out;
  }

  private static Map<String, Set<String>> sids(Path log) throws IOException {
    Map<String, Set<String>> m = new HashMap<>(Map.of("unknown sid", new HashSet<>(), "handshaking client", new HashSet<>()));
    for (String line : Files.readAllLines(log)) {
      var matcher = SID_EVENT.matcher(line);
      if (matcher.find()) {
        m.get(matcher.group(1)).add(matcher.group(2));
      }
    }
    return m;
  }

  private static JsonNode withoutTiming(JsonNode n) {
    ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("seconds");
    return n;
  }

  private static long sizeOf(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Test
  void aRulePackStillSeesTheLinesNoBuiltInRuleReads() throws IOException {
    // a scan leaves unrecognised lines out of its incidents unless a rule pack may read them
    Path rules = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(rules.resolve("startup.yaml"), """
        rules:
          - cause: tls-error
            confidence: 0.8
            match:
              kind: log
              text: "/listening on http/"
        """);
    JsonNode with = run("scan", "--format", "json", "--rules", rules.toString(), night.toString()).json();
    JsonNode without = run("scan", "--format", "json", night.toString()).json();
    assertThat(ids(with)).contains("tls-error");
    assertThat(ids(without)).doesNotContain("tls-error");
  }

  private static List<String> ids(JsonNode summary) {
    List<String> ids = new ArrayList<>();
    summary.get("causes").forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  /** Issue 12: a symbolic link to a directory is said to be skipped; a FIFO is "not a regular file", not "empty file". */
  @Test
  void linkedDirectoriesAndSpecialFilesAreSaidToBeSkipped() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("odd"));
    Files.copy(sample(HEARTBEAT, "server.log"), dir.resolve("server.log"));
    Files.createSymbolicLink(dir.resolve("linked"), night);
    Path fifo = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Run r = run("scan", "--format", "json", dir.toString());
    assertThat(r.err()).contains("skipped odd/linked: a symbolic link to a directory")
        .contains("skipped odd/pipe: not a regular file").doesNotContain("empty file");
    assertThat(r.exit()).isEqualTo(1);
    Run direct = run("scan", "--format", "json", fifo.toString());
    assertThat(direct.err()).contains("not a regular file").doesNotContain("empty file");
  }

  /**
   * A folder of logs beside the prose that quotes them: the README and the script, which quote
   * python-engineio's messages, are skipped as unrecognised, and only the log is evidence.
   */
  @Test
  void proseQuotingLogMessagesInAMixedFolderIsSkippedNotRead() throws IOException {
    String python = "cors-missing-headers--python-origin-rejected";
    Path dir = Files.createDirectories(tmp.resolve("mixed"));
    for (String f : List.of("server.log", "README.md", "scenario.js")) {
      Files.copy(sample(python, f), dir.resolve(f));
    }
    Run r = run("scan", "--format", "json", dir.toString());
    JsonNode summary = r.json();
    List<String> skipped = new ArrayList<>();
    summary.get("skipped").forEach(s -> {
      skipped.add(s.get("file").asText());
      assertThat(s.get("reason").asText()).startsWith("not a HAR or a recognised log format");
    });
    assertThat(skipped).containsExactlyInAnyOrder("mixed/README.md", "mixed/scenario.js");
    assertThat(summary.get("unreadable")).isEmpty();
    assertThat(ids(summary)).containsExactly("cors-missing-headers");
    List<String> files = new ArrayList<>();
    summary.get("causes").get(0).get("files").forEach(f -> files.add(f.asText()));
    assertThat(files).containsExactly("mixed/server.log");
  }
}
