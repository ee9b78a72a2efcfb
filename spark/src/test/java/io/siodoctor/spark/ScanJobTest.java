package io.siodoctor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2]} on sample logs: its summary must equal {@code sio-doctor scan
 * --format json} on the same files, except {@code seconds} (wall time of each run).
 */
class ScanJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("ScanJobTest")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  static Path samples() {
    return Path.of(System.getProperty("sio.repo.root", "..")).resolve("sample-captures");
  }

  /** A night: two nodes of one fleet (sticky sessions across files), proxies, a .gz, a HAR, a broken .gz. */
  static Path night() throws IOException {
    Path night = tmp.resolve("night");
    Path s = samples();
    copy(s.resolve("sticky-session-missing--nginx-two-nodes/node-a.log"), night.resolve("fleet/node-a.log"));
    copy(s.resolve("sticky-session-missing--nginx-two-nodes/node-b.log"), night.resolve("fleet/node-b.log"));
    copy(s.resolve("sticky-session-missing--nginx-two-nodes/access.log"), night.resolve("fleet/access.log"));
    copy(s.resolve("proxy-idle-timeout--nginx-read-timeout/access.log"), night.resolve("proxy/access.log"));
    copy(s.resolve("heartbeat-timeout--blocked-main-thread/server.log"), night.resolve("app/server.log"));
    copy(s.resolve("auth-rejected--middleware/capture.har"), night.resolve("app/capture.har"));
    gzip(s.resolve("proxy-idle-timeout--nginx-read-timeout/server.log"), night.resolve("proxy/server.log.gz"));
    // a truncated .gz: listed in unreadable by both
    byte[] gz = Files.readAllBytes(gzip(s.resolve("auth-rejected--middleware/server.log"), tmp.resolve("full.gz")));
    Files.write(night.resolve("app/broken.log.gz"), Arrays.copyOf(gz, gz.length / 2));
    return night;
  }

  @Test
  void sparkSummaryEqualsScanSummary() throws Exception {
    Path night = night();
    Path out = tmp.resolve("spark-summary.json");
    // an earlier night, for the trend: one cause gone, one fewer
    Path previous = tmp.resolve("previous.json");
    Files.writeString(previous, "{\"causes\": [{\"id\": \"sticky-session-missing\", \"sessions\": 2, \"events\": 3},"
        + " {\"id\": \"cors-missing-headers\", \"sessions\": 1, \"events\": 1}]}");

    ByteArrayOutputStream jobErr = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    int code = ScanJob.run(spark, new String[] {"--compare", previous.toUri().toString(), "--output", out.toUri().toString(),
        night.toUri().toString()},
        new PrintStream(jobErr, true, StandardCharsets.UTF_8));
    System.err.printf("spark job: %.2f s%n", (System.nanoTime() - t0) / 1e9);
    assertThat(code).as(jobErr.toString(StandardCharsets.UTF_8)).isEqualTo(3);
    ObjectNode sparkJson = (ObjectNode) JSON.readTree(out.toFile());

    ByteArrayOutputStream scanOut = new ByteArrayOutputStream();
    int scanCode = Main.run(new String[] {"scan", "--format", "json", "--compare", previous.toString(), night.toString()},
        new PrintStream(scanOut, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()));
    assertThat(scanCode).isEqualTo(3);
    ObjectNode scanJson = (ObjectNode) JSON.readTree(scanOut.toString(StandardCharsets.UTF_8));

    // sanity: the input exercises what matters, so equality means something
    assertThat(scanJson.get("files").asLong()).isEqualTo(8);
    assertThat(scanJson.get("unreadable")).hasSize(1);
    assertThat(ids(scanJson)).contains("sticky-session-missing");
    assertThat(scanJson.get("causes").size()).isGreaterThanOrEqualTo(3);
    assertThat(scanJson.get("resolved").toString()).contains("cors-missing-headers");

    // only wall time differs between two runs
    sparkJson.remove("seconds");
    scanJson.remove("seconds");
    assertThat(sparkJson.toPrettyString()).isEqualTo(scanJson.toPrettyString());
  }

  /** --include/--exclude choose the same files as scan's (issue 14). */
  @Test
  void includeAndExcludeAsInScan() throws Exception {
    Path night = night();
    Path out = tmp.resolve("spark-filtered.json");
    String[] globs = {"--include", "*.log*", "--exclude", "broken*"};
    List<String> job = new java.util.ArrayList<>(List.of(globs));
    job.addAll(List.of("--output", out.toUri().toString(), night.toUri().toString()));
    ByteArrayOutputStream jobErr = new ByteArrayOutputStream();
    int code = ScanJob.run(spark, job.toArray(String[]::new), new PrintStream(jobErr, true, StandardCharsets.UTF_8));
    assertThat(code).as(jobErr.toString(StandardCharsets.UTF_8)).isZero();
    ObjectNode sparkJson = (ObjectNode) JSON.readTree(out.toFile());

    List<String> scan = new java.util.ArrayList<>(List.of("scan", "--format", "json"));
    scan.addAll(List.of(globs));
    scan.add(night.toString());
    ByteArrayOutputStream scanOut = new ByteArrayOutputStream();
    assertThat(Main.run(scan.toArray(String[]::new), new PrintStream(scanOut, true, StandardCharsets.UTF_8),
        new PrintStream(OutputStream.nullOutputStream()))).isIn(0, 1);
    ObjectNode scanJson = (ObjectNode) JSON.readTree(scanOut.toString(StandardCharsets.UTF_8));
    assertThat(scanJson.get("unreadable")).isEmpty();
    sparkJson.remove("seconds");
    scanJson.remove("seconds");
    assertThat(sparkJson.toPrettyString()).isEqualTo(scanJson.toPrettyString());
    assertThat(ScanJob.run(spark, new String[] {"--include", "[", "--output", "x.json", "p"},
        new PrintStream(OutputStream.nullOutputStream()))).isEqualTo(2);
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ScanJob.run(spark, new String[] {"--since", "yesterday", "--output", "x.json", "p"},
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--since").contains("usage:");
    assertThat(ScanJob.run(spark, new String[] {"p"}, new PrintStream(OutputStream.nullOutputStream()))).isEqualTo(2);
    err.reset();
    assertThat(ScanJob.run(spark, new String[] {"--compare", tmp.resolve("none.json").toString(), "--output", "x.json",
        "p"}, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--compare").contains("none.json");
  }

  private static java.util.List<String> ids(JsonNode summary) {
    java.util.List<String> l = new java.util.ArrayList<>();
    summary.get("causes").forEach(c -> l.add(c.get("id").asText()));
    return l;
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    return Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path gzip(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(to))) {
      Files.copy(from, o);
    }
    return to;
  }
}
