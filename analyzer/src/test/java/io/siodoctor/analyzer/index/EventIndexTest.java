package io.siodoctor.analyzer.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.cli.Main;
import io.siodoctor.analyzer.scan.ArchiveFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index} and {@code search} on a real on-disk index of recorded logs. */
class EventIndexTest {
  static final String STICKY = "sticky-session-missing--nginx-two-nodes";
  static final String HEARTBEAT = "heartbeat-timeout--blocked-main-thread";

  @TempDir
  Path tmp;
  Path index;
  Path night;
  long lines;

  record Run(int exit, String out, String err) {}

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
  void indexTheNight() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    for (String f : List.of("node-a.log", "node-b.log", "access.log")) {
      assertThat(Files.isRegularFile(sample(STICKY, f))).as("the sample capture is committed").isTrue();
      byte[] data = Files.readAllBytes(sample(STICKY, f));
      members.put(f, data);
      lines += new String(data, UTF_8).lines().count();
    }
    night = Files.createDirectories(tmp.resolve("night"));
    Files.write(night.resolve("night.tar.gz"), ArchiveFiles.gzip(ArchiveFiles.tar(members)));
    index = tmp.resolve("index");

    Run r = run("index", night.toString(), "--index", index.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("indexed ").contains("events/s");
  }

  private SearchResult search(String query) throws Exception {
    try (EventSearcher s = EventSearcher.open(index)) {
      return s.search(query, 1000);
    }
  }

  private static void assertSortedByTime(SearchResult r) {
    Instant previous = Instant.MIN;
    for (SearchHit h : r.results()) {
      assertThat(h.time()).isNotNull().isAfterOrEqualTo(previous);
      previous = h.time();
    }
  }

  private String someRejectedSid() throws IOException {
    Matcher m = Pattern.compile("unknown sid \"([^\"]+)\"").matcher(Files.readString(sample(STICKY, "node-b.log")));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void everyParsedLineIsAnEvent() throws Exception {
    try (EventSearcher s = EventSearcher.open(index)) {
      assertThat((long) s.size()).isBetween(lines * 9 / 10, lines);
    }
  }

  @Test
  void findsEverythingThatHappenedToOneSidInTimeOrder() throws Exception {
    String sid = someRejectedSid();
    SearchResult r = search("sid:" + sid);
    assertThat(r.hits()).isGreaterThan(1);
    assertThat(r.results()).allSatisfy(h -> assertThat(h.sid()).isEqualTo(sid));
    assertThat(r.results()).extracting(SearchHit::kind).contains("log");
    assertThat(r.results()).extracting(SearchHit::file).contains("night/night.tar.gz!node-b.log");
    assertSortedByTime(r);
    // keywords are not analysed: a sid is case-sensitive
    assertThat(search("sid:" + sid.toLowerCase()).hits()).isEqualTo(sid.equals(sid.toLowerCase()) ? r.hits() : 0);
  }

  @Test
  void findsTheEvidenceOfACauseOnOneNode() throws Exception {
    SearchResult r = search("cause:sticky-session-missing AND node:node-b");
    assertThat(r.hits()).isPositive();
    assertThat(r.results()).allSatisfy(h -> {
      assertThat(h.node()).isEqualTo("node-b");
      assertThat(h.causes()).contains("sticky-session-missing");
      assertThat(h.location()).startsWith("line ");
    });
  }

  @Test
  void findsAPhrase() throws Exception {
    assertThat(Files.readString(sample(STICKY, "node-b.log")).contains("Session ID unknown")).isTrue();
    SearchResult r = search("\"Session ID unknown\"");
    assertThat(r.hits()).isPositive();
    assertThat(r.results()).allSatisfy(h -> assertThat(h.text()).containsIgnoringCase("session id unknown"));
  }

  @Test
  void findsATimeRangeWrittenInIso() throws Exception {
    SearchResult all = search("sid:" + someRejectedSid());
    Instant t = all.results().get(0).time();
    Instant to = t.plusSeconds(2);
    SearchResult r = search("time:[" + t + " TO " + to + "]");
    assertThat(r.hits()).isPositive();
    assertThat(r.results()).allSatisfy(h -> assertThat(h.time()).isBetween(t, to));
    assertSortedByTime(r);
    assertThat(search("time:[" + t + " TO " + to + "] AND status:400").results())
        .allSatisfy(h -> assertThat(h.status()).isEqualTo("400"));
    String hour = t.toString().substring(0, 13);
    assertThat(search("time:" + hour).hits()).isGreaterThanOrEqualTo(r.hits());
    assertThat(search("time:[2000-01-01T00:00:00Z TO 2000-01-01T01:00:00Z]").hits()).isZero();
  }

  @Test
  void aSecondBatchIsAppended() throws Exception {
    assertThat(Files.isRegularFile(sample(HEARTBEAT, "server.log"))).isTrue();
    long before;
    try (EventSearcher s = EventSearcher.open(index)) {
      before = s.size();
    }
    Path next = Files.createDirectories(tmp.resolve("next-night"));
    Files.write(next.resolve("server.log.gz"), ArchiveFiles.gzip(Files.readAllBytes(sample(HEARTBEAT, "server.log"))));

    Run r = run("scan", "--format", "json", "--index", index.toString(), next.toString());
    assertThat(r.exit()).as(r.err()).isIn(0, 1);

    try (EventSearcher s = EventSearcher.open(index)) {
      assertThat(s.size()).isGreaterThan((int) before);
      assertThat(s.search("file:\"next-night/server.log.gz\"", 1).hits()).isEqualTo(s.size() - before);
      assertThat(s.search("sid:" + someRejectedSid(), 1).hits()).isPositive();
    }
  }

  @Test
  void searchCommandPrintsTheContractJson() throws IOException {
    String sid = someRejectedSid();
    Run r = run("search", "--index", index.toString(), "--format", "json", "--limit", "2", "sid:" + sid);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("query").asText()).isEqualTo("sid:" + sid);
    assertThat(j.path("hits").asInt()).isGreaterThan(1);
    assertThat(j.path("results")).hasSize(2);
    JsonNode first = j.path("results").get(0);
    for (String field : List.of("time", "file", "location", "node", "sid", "kind", "causes", "text")) {
      assertThat(first.has(field)).as(field).isTrue();
    }
  }

  @Test
  void aBadQueryOrAMissingIndexIsOneLine() {
    Run bad = run("search", "--index", index.toString(), "time:[yesterday TO now]");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("cannot parse the query").doesNotContain("\tat ");

    Run missing = run("search", "--index", tmp.resolve("nothing").toString(), "sid:x");
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err()).contains("no index here").doesNotContain("\tat ");
  }
}
